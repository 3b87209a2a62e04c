import Foundation
import Testing
@testable import SatchelCore

/// Values, lookups, partials and loading of `TemplateLibrary`, beyond what the Mustache spec covers.
@Suite struct TemplateLibraryTests {
    private func render(_ template: String, _ data: TemplateValue, partials: [String: String] = [:]) throws -> String? {
        var sources = partials
        sources["main"] = template
        return try TemplateLibrary(sources: sources).render("main", value: data)
    }

    // MARK: Values

    struct Item: TemplateContext {
        var title: String
        var summary: String?

        func value(for key: String) -> TemplateValue {
            switch key {
            case "title": .string(title)
            case "summary": TemplateValue(summary)
            default: .missing
            }
        }
    }

    @Test func viewTypesAnswerLookupsAndListsIterateThem() throws {
        let items = [Item(title: "A & B", summary: "first"), Item(title: "C", summary: nil)]
        let page: TemplateValue = ["items": .list(items), "summary": "page summary"]
        let template = "{{#items}}<li>{{title}}{{#summary}}: {{summary}}{{/summary}}</li>{{/items}}"
        // A nil summary is `.null`: found, so the page's summary does not show through.
        #expect(try render(template, page) == "<li>A &amp; B: first</li><li>C</li>")
    }

    @Test func missingKeysFallThroughToEnclosingContexts() throws {
        let data: TemplateValue = ["inner": ["other": 1], "name": "outer"]
        #expect(try render("{{#inner}}{{name}}{{/inner}}", data) == "outer")
        let shadowed: TemplateValue = ["inner": ["name": .null], "name": "outer"]
        #expect(try render("{{#inner}}[{{name}}]{{/inner}}", shadowed) == "[]")
    }

    @Test func zeroAndEmptyStringsAreTruthyFalseNullAndEmptyListsAreNot() throws {
        let data: TemplateValue = ["zero": 0, "empty": "", "no": false, "none": .null, "nothing": []]
        let template = "{{#zero}}z{{/zero}}{{#empty}}e{{/empty}}{{#no}}n{{/no}}{{#none}}0{{/none}}{{#nothing}}l{{/nothing}}{{#missing}}m{{/missing}}"
        #expect(try render(template, data) == "ze")
        #expect(try render("{{^no}}{{^none}}{{^nothing}}{{^missing}}all falsy{{/missing}}{{/nothing}}{{/none}}{{/no}}", data) == "all falsy")
    }

    @Test func interpolatesNumbersAndBooleans() throws {
        let data: TemplateValue = ["int": -42, "double": 1.5, "yes": true, "list": [1, 2], "context": ["a": 1]]
        #expect(try render("{{int}} {{double}} {{yes}} [{{list}}] [{{context}}]", data) == "-42 1.5 true [] []")
    }

    @Test func escapesTheFiveHTMLCharactersOnly() throws {
        let data: TemplateValue = ["text": "é<b class=\"x\">Tom & Jerry's</b>✓"]
        #expect(try render("{{text}}|{{{text}}}", data)
            == "é&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;✓|é<b class=\"x\">Tom & Jerry's</b>✓")
        #expect(try render("{{text}}", ["text": "nothing to escape"]) == "nothing to escape")
        // Escapes next to multi-byte and combining characters keep those characters whole.
        #expect(try render("{{text}}", ["text": "&\u{301}<é>👍🏽\"'"]) == "&amp;\u{301}&lt;é&gt;👍🏽&quot;&#39;")
    }

    @Test func listsOfStringsAndOptionals() throws {
        let names: [String?] = ["a", nil, "c"]
        #expect(try render("{{#names}}({{.}}){{/names}}", ["names": .list(names)]) == "(a)()(c)")
    }

    // MARK: Partials

    @Test func reportsPartialsThatNameNoTemplate() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{> head}}\n{{#items}}\n  {{> card}}\n{{/items}}\n{{>foot}}",
            "head": "<head>{{> meta }}",
            "foot": "",
        ])
        #expect(library.missingPartials == [
            PartialReference(file: "head", name: "meta", line: 1, column: 7),
            PartialReference(file: "page", name: "card", line: 3, column: 3),
        ])
        #expect(library.missingPartials.map(\.description) == ["head:1:7: {{> meta}}", "page:3:3: {{> card}}"])
        #expect(library.render("page", value: ["items": [1]]) == "<head>")
        #expect(library.render("nonexistent", value: .null) == nil)
    }

    @Test func partialsSeeTheContextStackAtTheirTag() throws {
        let partials = ["card": "<{{title}} in {{site}}>"]
        let data: TemplateValue = ["site": "S", "items": [["title": "a"], ["title": "b"]]]
        #expect(try render("{{#items}}{{>card}}{{/items}}", data, partials: partials) == "<a in S><b in S>")
    }

    /// A standalone partial is indented as if its source lines had been pasted, indented, in place of the tag.
    @Test(arguments: [
        "x\n",
        "{{#list}}\n  item {{v}}\n{{/list}}\n",
        "{{#list}}{{v}}\n{{/list}}\n",
        "{{#list}}A\n{{/list}}{{top}}\n",
        "{{! comment }}\nline\n\nafter an empty line\n",
        "{{top}} first\n{{#t}}\n{{top}}\n{{/t}}\n",
        "<ul>\n{{#list}}<li>{{v}}</li>\n{{/list}}</ul>\n",
        "{{^f}}\n  not\n{{/f}}\n",
        "  {{#t}}\n{{{raw}}}\n  {{/t}}\n",
        "{{#list}}\n{{v}}{{/list}}\n",
        "a\n  {{>inner}}\nb\n",
        "{{#list}}\n  {{>inner}}\n{{/list}}\n",
    ])
    func indentsStandalonePartialsLikePastedSource(partial: String) throws {
        let inner = "{{#t}}\n<i>{{top}}</i>\n{{/t}}\n"
        let data: TemplateValue = ["list": [["v": 1], ["v": 2]], "t": true, "f": false, "top": "T", "raw": "r1\nr2"]
        let template = "before\n    {{> p}}\nafter\n"
        let pasted = "before\n" + indent(partial.replacingOccurrences(of: "  {{>inner}}\n", with: indent(inner, by: "  ")), by: "    ") + "after\n"
        #expect(try render(template, data, partials: ["p": partial, "inner": inner]) == render(pasted, data))
    }

    private func indent(_ text: String, by indentation: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { indentation + $0 }
        if text.hasSuffix("\n") { lines[lines.count - 1] = "" }
        return lines.joined(separator: "\n")
    }

    @Test func endlessPartialRecursionStopsInsteadOfCrashing() throws {
        let output = try render("{{>loop}}", .null, partials: ["loop": "x{{>loop}}"])
        #expect(output?.count == TemplateRenderer.maximumPartialDepth)
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}{{.}},{{/items}}"])
        let outputs = await withTaskGroup(of: String?.self) { group in
            for index in 0..<8 {
                group.addTask { library.render("page", value: ["items": .list(Array(0..<index))]) }
            }
            return await group.reduce(into: Set<String?>()) { $0.insert($1) }
        }
        #expect(outputs.count == 8)
    }

    // MARK: Loading

    @Test func loadsEveryTemplateUnderAFolderWithSubfolderNames() throws {
        let directory = try temporaryDirectory([
            "page.mustache": "{{> partials/card}}!",
            "partials/card.mustache": "card {{name}}",
            "notes.txt": "not a template",
        ])
        let library = try TemplateLibrary(directory: directory, displayPath: "themes/t/templates")
        #expect(library.names == ["page", "partials/card"])
        #expect(library.render("page", value: ["name": "N"]) == "card N!")
        #expect(library.missingPartials.isEmpty)
    }

    @Test func loadingReportsEveryFileWithItsDisplayPath() throws {
        let directory = try temporaryDirectory([
            "page.mustache": "ok",
            "broken.mustache": "line\n{{#open}}",
            "sub/bad.mustache": "{{/close}}",
        ])
        try Data([0x61, 0x0A, 0x62, 0xFF]).write(to: directory.appendingPathComponent("binary.mustache"))
        do {
            _ = try TemplateLibrary(directory: directory, displayPath: "templates")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "templates/binary.mustache:2:2: invalid UTF-8: files must be UTF-8 encoded",
                "templates/broken.mustache:2:1: section 'open' is never closed: expected '{{/open}}'",
                "templates/sub/bad.mustache:1:1: closing tag '{{/close}}' has no open section",
            ])
        }
    }

    @Test(arguments: ["themes/default/templates", "Tests/SatchelCoreTests/Fixtures/catalog/themes/plain/templates"])
    func compilesTheShippedThemes(folder: String) throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let library = try TemplateLibrary(directory: packageRoot.appendingPathComponent(folder), displayPath: folder)
        #expect(Set(Theme.requiredTemplates).isSubset(of: library.names))
        #expect(library.missingPartials == [])
    }

    private func temporaryDirectory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-templates-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    // MARK: Fragments

    /// An unchanging row that keeps its renderings and counts the names looked up in it, so that a test
    /// sees whether it was rendered again.
    final class Row: TemplateContext, @unchecked Sendable {
        let name: String
        let tags: [String]
        let renderings: TemplateRenderings? = TemplateRenderings()
        private(set) var lookups = 0

        init(name: String, tags: [String]) {
            self.name = name
            self.tags = tags
        }

        func value(for key: String) -> TemplateValue {
            lookups += 1
            switch key {
            case "name": return .string(name)
            case "tags": return .list(tags)
            default: return .missing
            }
        }
    }

    /// A row names `unit` and `kinds`, which the page answers: its kept output holds only while they do.
    private let fragmentTemplate = "{{#rows}}<tr>{{name}}{{#tags}} {{.}}{{/tags}} {{unit}}{{#strong}}!{{/strong}}</tr>{{/rows}}"

    private func page(_ rows: [Row], unit: String, strong: Bool = false) -> TemplateValue {
        ["rows": .list(rows.map { TemplateValue.context($0) }), "unit": .string(unit), "strong": .bool(strong)]
    }

    @Test func fragmentsRenderAsWithoutThemAndAreReused() throws {
        let library = try TemplateLibrary(sources: ["main": fragmentTemplate])
        let fragments = TemplateFragments()
        let rows = [Row(name: "a", tags: ["x", "y"]), Row(name: "b", tags: [])]
        let plain = library.render("main", value: page(rows, unit: "kg"))
        #expect(plain == "<tr>a x y kg</tr><tr>b kg</tr>")
        #expect(library.render("main", value: page(rows, unit: "kg"), fragments: fragments) == plain)
        #expect(rows.map { $0.renderings?.count } == [1, 1])
        let lookups = rows.map(\.lookups)
        #expect(library.render("main", value: page(rows, unit: "kg"), fragments: fragments) == plain)
        #expect(rows.map(\.lookups) == lookups)
        // A new row is rendered; the kept one is reused beside it.
        let edited = [Row(name: "a", tags: ["z"]), rows[1]]
        #expect(library.render("main", value: page(edited, unit: "kg"), fragments: fragments) == "<tr>a z kg</tr><tr>b kg</tr>")
        #expect(rows[1].lookups == lookups[1])
        // Without `fragments`, or with others (a theme loaded again), rows are rendered afresh.
        #expect(library.render("main", value: page(rows, unit: "kg")) == plain)
        #expect(rows[1].lookups > lookups[1])
        let again = rows[1].lookups
        #expect(library.render("main", value: page(rows, unit: "kg"), fragments: TemplateFragments()) == plain)
        #expect(rows[1].lookups > again)
        #expect(rows[1].renderings?.count == 1)
    }

    @Test func aFragmentIsRenderedAgainWhenWhatItLookedUpOutsideChanged() throws {
        let library = try TemplateLibrary(sources: ["main": fragmentTemplate])
        let fragments = TemplateFragments()
        let rows = [Row(name: "a", tags: [])]
        _ = library.render("main", value: page(rows, unit: "kg"), fragments: fragments)
        #expect(library.render("main", value: page(rows, unit: "lb"), fragments: fragments) == "<tr>a lb</tr>")
        #expect(library.render("main", value: page(rows, unit: "lb", strong: true), fragments: fragments) == "<tr>a lb!</tr>")
        #expect(library.render("main", value: page(rows, unit: "kg"), fragments: fragments) == "<tr>a kg</tr>")
    }

    @Test func aFragmentShownBySeveralSectionsKeepsARenderingForEach() throws {
        let library = try TemplateLibrary(sources: ["main": "{{#rows}}[{{name}}]{{/rows}}{{#rows}}<{{name}}>{{/rows}}"])
        let fragments = TemplateFragments()
        let rows = [Row(name: "a", tags: [])]
        let value: TemplateValue = ["rows": .list(rows.map { TemplateValue.context($0) })]
        #expect(library.render("main", value: value, fragments: fragments) == "[a]<a>")
        #expect(rows[0].renderings?.count == 2)
        #expect(library.render("main", value: value, fragments: fragments) == "[a]<a>")
    }

    @Test func aFragmentThatReadsAListOutsideItselfIsNotKept() throws {
        let library = try TemplateLibrary(sources: ["main": "{{#rows}}{{name}}:{{#all}}{{.}}{{/all}};{{/rows}}"])
        let fragments = TemplateFragments()
        let rows = [Row(name: "a", tags: [])]
        let list = TemplateValue.list(rows.map { TemplateValue.context($0) })
        #expect(library.render("main", value: ["rows": list, "all": .list(["1", "2"])], fragments: fragments) == "a:12;")
        #expect(rows[0].renderings?.count == 0)
        #expect(library.render("main", value: ["rows": list, "all": .list(["3"])], fragments: fragments) == "a:3;")
    }
}

