import Yams

/// A comparison table an author places in a page with a fenced block:
///
/// ```compare
/// kind: materials
/// fields: [cost_tier, grades]
/// rows: [nylon, polyester]     # optional; default: every page of the kind, by title
/// sort: -cost_tier             # optional; a column key or `title`, `-` for descending
/// caption: Core fabrics        # optional
/// ```
///
/// Checked against the content graph once it exists, so that a kind, field or row that does not exist is
/// an error pointing at the line in the `.md` file.
struct CompareBlock: Sendable {
    static let info = "compare"
    static let keys = ["kind", "fields", "rows", "sort", "caption"]

    var schema: KindSchema
    var fields: [FieldSpec]
    /// Slugs in the order written; nil shows every entity of the kind.
    var rows: [String]?
    /// A field key or `title`.
    var sortKey: String?
    var ascending: Bool
    var caption: String?

    /// Checks every compare block of every page and introduction. Blocks naming kinds or pages that exist
    /// but failed to load (`kinds` lists every configured kind, `invalid` the failed pages) are not
    /// reported again.
    static func check(
        graph: ContentGraph, introductions: [String: (path: String, body: MarkdownDocument)], kinds: [String], invalid: Set<EntityID>
    ) -> [Diagnostic] {
        // By position, only the pages with fenced blocks: serve checks after every edit of a 10,000-page site.
        var documents = graph.entities.indices.filter { !graph.entities[$0].body.fencedBlocks.isEmpty }
            .map { (graph.entities[$0].sourcePath, graph.entities[$0].body) }
        documents += introductions.values.map { ($0.path, $0.body) }
        var diagnostics: [Diagnostic] = []
        for (file, body) in documents {
            for block in body.fencedBlocks where block.info == info {
                if case .failure(let failure) = parse(block, file: file, graph: graph, kinds: kinds, invalid: invalid) {
                    diagnostics += failure.diagnostics
                }
            }
        }
        return diagnostics
    }

    /// Reads a block's YAML and resolves its kind, fields and rows in the graph.
    static func parse(
        _ block: MarkdownDocument.FencedBlock, file: String, graph: ContentGraph, kinds: [String], invalid: Set<EntityID> = []
    ) -> Result<CompareBlock, BuildFailure> {
        let source = YAMLSource(file: file, firstLine: block.line + 1)
        let fence = SourceLocation(file: file, line: block.line)
        let node: Node
        do {
            guard let parsed = try source.parse(block.literal) else {
                return .failure(BuildFailure([.error(at: fence, "empty compare block: 'kind' and 'fields' are required")]))
            }
            node = parsed
        } catch {
            return .failure(BuildFailure([error]))
        }
        var reader = MappingReader(source: source, node: node, context: "compare block", allowedKeys: keys)
        let kindName = reader.string("kind", required: true)
        let sortText = reader.string("sort")
        let caption = reader.string("caption")
        let fieldItems = items(of: "fields", in: &reader, required: true)
        let rowItems = items(of: "rows", in: &reader, required: false)
        guard reader.isMapping, let kindName else { return .failure(BuildFailure(reader.diagnostics)) }
        guard let schema = graph.schema(kindName) else {
            if !kinds.contains(kindName) {
                reader.report(.error(
                    at: source.location(of: reader.value("kind")!), "unknown kind '\(kindName)' in compare block",
                    suggestion: Suggestion.closest(to: kindName, in: graph.schemas.map(\.name))))
            }
            return .failure(BuildFailure(reader.diagnostics))
        }

        var fields: [FieldSpec] = []
        for (key, location) in fieldItems ?? [] {
            if let field = schema.field(key) {
                fields.append(field)
            } else {
                reader.report(.error(
                    at: location, "unknown field '\(key)' of kind '\(schema.name)' in compare block",
                    suggestion: Suggestion.closest(to: key, in: schema.fields.map(\.key))))
            }
        }
        if fieldItems?.isEmpty == true {
            reader.report(.error(at: source.location(of: reader.value("fields")!), "'fields' in compare block must name at least one field"))
        }

        var rows: [String]?
        if let rowItems {
            var seen: Set<String> = []
            let slugs = graph.entities(of: schema.name).map(\.id.slug)
            rows = []
            if rowItems.isEmpty {
                reader.report(.error(at: source.location(of: reader.value("rows")!), "'rows' in compare block must name at least one page; leave it out to show them all"))
            }
            for (slug, location) in rowItems {
                let id = EntityID(kind: schema.name, slug: slug)
                if !seen.insert(slug).inserted {
                    reader.report(.error(at: location, "row '\(slug)' is listed twice in compare block"))
                } else if graph.containsEntity(id) {
                    rows?.append(slug)
                } else if !invalid.contains(id) {
                    reader.report(.error(
                        at: location, "unknown row '\(slug)' in compare block: no page \(schema.name)/\(slug).md",
                        suggestion: Suggestion.closest(to: slug, in: slugs)))
                }
            }
        }

        var sortKey: String?
        var ascending = true
        if let sortText {
            ascending = !sortText.hasPrefix("-")
            let key = ascending ? sortText : String(sortText.dropFirst())
            let columns = [CompareTable.titleKey] + fields.map(\.key)
            if columns.contains(key) {
                sortKey = key
            } else {
                reader.report(.error(
                    at: source.location(of: reader.value("sort")!), "'sort' in compare block names '\(key)', which is not a column of the table",
                    suggestion: Suggestion.closest(to: key, in: columns)))
            }
        }
        guard reader.diagnostics.isEmpty else { return .failure(BuildFailure(reader.diagnostics)) }
        return .success(CompareBlock(schema: schema, fields: fields, rows: rows, sortKey: sortKey, ascending: ascending, caption: caption))
    }

    /// The block's table for a page `depth` folders deep.
    func table(graph: ContentGraph, allowsRawHTML: Bool, depth: Int) -> CompareTable {
        let entities: [Entity]
        if let rows {
            entities = rows.compactMap { graph.entity(EntityID(kind: schema.name, slug: $0)) }
        } else {
            entities = Array(graph.entities(of: schema.name))
        }
        let table = CompareTable(schema: schema, fields: fields, entities: entities, graph: graph, allowsRawHTML: allowsRawHTML, depth: depth)
        guard let sortKey else { return table }
        return table.sorted(by: sortKey, ascending: ascending)
    }

    /// The single values of a list key with their positions; nil when the key is absent or not a list.
    private static func items(of key: String, in reader: inout MappingReader, required: Bool) -> [(String, SourceLocation)]? {
        guard let node = reader.value(key) else {
            if required && reader.isMapping {
                reader.report(.error(at: reader.source.location(of: reader.node), "missing key '\(key)' in compare block"))
            }
            return nil
        }
        guard let sequence = node.sequence else {
            reader.report(.error(at: reader.source.location(of: node), "'\(key)' in compare block must be a list, e.g. [a, b]"))
            return nil
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            if let scalar = item.scalar {
                items.append((scalar.string, reader.source.location(of: item)))
            } else {
                reader.report(.error(at: reader.source.location(of: item), "items of '\(key)' in compare block must be single values"))
            }
        }
        return items
    }
}
