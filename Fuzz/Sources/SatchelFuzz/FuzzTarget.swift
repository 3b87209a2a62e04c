import Foundation
@testable import SatchelCore

/// Runs one fuzz input through the stages that read untrusted text — decoding, front matter splitting,
/// YAML parsing and validation against a schema with every field type, the schema and site parsers, link
/// resolution in the content graph and the rewriting and rendering of body links and text fields — and
/// traps when an invariant breaks, so libFuzzer reports it like a crash:
/// - every diagnostic about the input points into it (line 1 to one past the last line, column 1 or more);
/// - the front matter split returns a suffix of the text as the body, starting on a line of the file;
/// - with raw HTML off, no rendered body or field value holds a `<script>` tag or a script URL.
enum FuzzTarget {
    static let path = "content/markets/fuzz.md"

    /// A schema with every field type, references to its own kind included.
    static let schema: KindSchema = {
        let yaml = """
            singular: Market
            plural: Markets
            fields:
              region: {type: string}
              notes: {type: text}
              founded: {type: integer}
              weight: {type: number, unit: g}
              lead_time: {type: range, unit: weeks}
              tier: {type: enum, values: [Low, Medium, High]}
              open: {type: bool}
              audited: {type: date}
              website: {type: url}
              partner: {type: ref, kind: markets}
              documents: {type: list, of: string}
              neighbours: {type: list, of: ref, kind: markets}
            """
        guard case .success(let schema) = SchemaParser.parseKind(yaml, name: "markets", file: "content/markets/_kind.yml") else {
            fatalError("the fuzz schema does not parse")
        }
        return schema
    }()

    /// Pages the input can reference and link to, with headings to aim anchors at.
    static let neighbours: [Entity] = [
        "---\ntitle: Kenya\nregion: Africa\n---\n## Buyers\n\n## Ports and roads\n",
        "---\ntitle: Peru\npartner: kenya\n---\nSee [Kenya](kenya.md#buyers).\n",
    ].enumerated().map { offset, text in
        let slug = offset == 0 ? "kenya" : "peru"
        let page = SourcePage(kind: "markets", slug: slug, path: "content/markets/\(slug).md", text: text)
        let outcome = PageParser.parse(page, schema: schema, allowsRawHTML: false)
        guard let entity = outcome.entity, outcome.diagnostics.isEmpty else { fatalError("a fuzz neighbour does not parse") }
        return entity
    }

    static func run(_ data: Data) {
        let text: String
        do {
            text = try SourceText.decode(data, displayPath: path)
        } catch {
            check([error], in: String(decoding: data, as: UTF8.self))
            return
        }
        checkSplit(text)
        if case .failure(let failure) = SchemaParser.parseKind(text, name: "markets", file: path) { check(failure.diagnostics, in: text) }
        if case .failure(let failure) = SchemaParser.parseSite(text, file: path) { check(failure.diagnostics, in: text) }
        for rawHTML in [false, true] {
            // A page with errors in some fields is kept with the rest (the build checks its links), so it is
            // rendered here too.
            let outcome = PageParser.parse(SourcePage(kind: "markets", slug: "fuzz", path: path, text: text), schema: schema, allowsRawHTML: rawHTML)
            check(outcome.diagnostics, in: text)
            if let entity = outcome.entity { render(entity, in: text, rawHTML: rawHTML) }
        }
    }

    private static func checkSplit(_ text: String) {
        guard let frontMatter = try? FrontMatter.split(text, file: path) else { return }
        let lines = lineCount(text)
        guard text.hasSuffix(frontMatter.body), frontMatter.yamlFirstLine == 2,
              (2...lines + 1).contains(frontMatter.bodyFirstLine)
        else { fatalError("front matter split out of the text: body line \(frontMatter.bodyFirstLine) of \(lines)") }
    }

    /// Resolves the page's references and links among its neighbours, rewrites them as the renderer does
    /// and renders the body and every field value.
    private static func render(_ entity: Entity, in text: String, rawHTML: Bool) {
        let (graph, diagnostics) = ContentGraph.build(entities: neighbours + [entity], schemas: [schema], introductions: [:])
        check(diagnostics, in: text)
        let depth = SitePaths.depth(of: SitePaths.entity(entity.id))
        for (link, target) in zip(entity.body.links, graph.bodyLinks[entity.id] ?? []) {
            if let href = SitePaths.href(for: target, depth: depth) { entity.body.setDestination(of: link, to: href) }
        }
        var html = [entity.body.renderHTML()]
        let fields = FieldRenderer(graph: graph, allowsRawHTML: rawHTML, kind: "markets")
        for field in schema.fields {
            if let value = entity.values[field.key] { html.append(fields.html(value, type: field.type, depth: depth)) }
        }
        // With raw HTML on, the writer's own tags pass through, and `<script>` may stand in one's quoted
        // attribute; only output that escapes all raw HTML can be checked this simply.
        guard !rawHTML else { return }
        for fragment in html {
            let lowered = fragment.lowercased()
            if lowered.contains(scriptTag) { fatalError("a <script> tag reached the page: \(fragment)") }
            if lowered.contains("href=\"javascript:") || lowered.contains("src=\"javascript:") {
                fatalError("a script URL reached the page: \(fragment)")
            }
        }
    }

    /// An opening `script` tag: its name followed by a space, `/` or `>` (`<scriptx>` is another element).
    private static var scriptTag: Regex<Substring> { #/<script[\s/>]/# }

    private static func check(_ diagnostics: [Diagnostic], in text: String) {
        let lines = lineCount(text)
        for diagnostic in diagnostics where diagnostic.location.file == path {
            let location = diagnostic.location
            guard (1...lines + 1).contains(location.line), location.column >= 1 else {
                fatalError("diagnostic outside the input (\(lines) lines): \(diagnostic)")
            }
        }
    }

    private static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
