import Foundation
import Testing
@testable import SatchelCore

/// What the build writes for comparisons: a table page and CSV per kind, the side-by-side page and the
/// data it loads.
@Suite struct CompareOutputTests {
    @Test(arguments: ["materials/compare/index.html", "materials/compare/materials.csv"])
    func writesEachKindsComparisonTableAsExpected(file: String) async throws {
        let site = try FixtureSite()
        try await site.build()
        let expected = try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("catalog/expected/\(file)"), encoding: .utf8)
        #expect(try site.read("public/\(file)") == expected)
    }

    @Test func writesATablePageCSVAndSideBySideDataForEveryKind() async throws {
        let site = try FixtureSite()
        try await site.build()
        let files = Set(try site.snapshotOutput().keys)
        for kind in ["materials", "markets", "manufacturers"] {
            #expect(files.contains("\(kind)/compare/index.html"))
            #expect(files.contains("\(kind)/compare/\(kind).csv"))
            #expect(files.contains("compare/data-\(kind).js"))
        }
        #expect(files.contains("compare/index.html"))
        #expect(files.contains("compare/titles.js"))
        let report = try LinkChecker(root: site.output, displayPath: "public").check()
        #expect(report.problems.map(\.description) == [])
    }

    /// The JSON the data script assigns, decoded.
    private func data(_ kind: String, in site: FixtureSite) throws -> [String: Any] {
        let script = try site.read("public/compare/data-\(kind).js")
        let prefix = "window.SatchelCompare = window.SatchelCompare || {};\nwindow.SatchelCompare[\"\(kind)\"] = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = script.dropFirst(prefix.count).dropLast(2)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func sideBySideDataHoldsEveryFieldAsTextAndLinksWithRelations() async throws {
        let site = try FixtureSite()
        try await site.build()
        let materials = try data("materials", in: site)
        #expect((materials["fields"] as? [[String: String]])?.map { $0["key"]! } == ["cost_tier", "grades", "weight", "markets", "recyclable"])
        #expect(materials["table"] as? String == "../materials/compare/index.html")
        let items = try #require(materials["items"] as? [[String: Any]])
        #expect(items.map { $0["slug"] as? String } == ["nylon", "polyester"])
        let nylon = items[0]
        #expect(nylon["url"] as? String == "../materials/nylon.html")
        let cells = try #require(nylon["cells"] as? [Any])
        #expect(cells.count == 5)
        let badge = try #require((cells[0] as? [[String: Any]])?.first)
        #expect(badge["text"] as? String == "High" && badge["badge"] as? Bool == true && badge["href"] == nil)
        #expect(cells[1] as? [String] == ["210D", ", ", "600D"])
        #expect(cells[2] as? String == "120.5 g/m²")
        #expect(cells[3] as? [[String: String]] == [["ref": "markets/kenya"]])
        #expect(cells[4] as? String == "No")
        let polyester = try #require(items[1]["cells"] as? [Any])
        #expect(polyester[1] is NSNull && polyester[2] is NSNull)
        let relations = try #require(nylon["relations"] as? [[String: Any]])
        #expect(relations.map { $0["label"] as? String } == ["Linked from the text", "Made by"])
        #expect(relations[1]["links"] as? [String] == ["manufacturers/acme-bags"])
    }

    /// The references in the kinds' data, with the title and URL of every entity, given once.
    @Test func entityTitlesGiveEveryReferenceItsTitleAndURL() async throws {
        let site = try FixtureSite()
        try await site.build()
        let script = try site.read("public/compare/titles.js")
        let prefix = "window.SatchelTitles = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = script.dropFirst(prefix.count).dropLast(2)
        let titles = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]])
        #expect(titles["markets/kenya"] == ["Kenya", "../markets/kenya.html"])
        #expect(titles["manufacturers/acme-bags"] == ["Acme Bags", "../manufacturers/acme-bags.html"])
        #expect(titles.count == (try await site.site.model().graph.entities.count))
    }

    @Test func jsonStringsEscapeQuotesControlCharactersAndMarkupAndReadBack() throws {
        let value = "a \"quote\", a \\ backslash,\na line, a \t tab, \u{1} and </script> & São Paulo 🎒"
        var json = JSONWriter()
        json.array([value, "plain"]) { $0.string($1) }
        #expect(json.text == #"["a \"quote\", a \\ backslash,\na line, a \u0009 tab, \u0001 and \u003c/script\u003e \u0026 São Paulo 🎒","plain"]"#)
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String] == [value, "plain"])
    }

    @Test func jsonNumbersAreWrittenInFull() {
        var json = JSONWriter()
        json.array([0, 7, 10, 99, 100, 1_200_345, -1, -40, Int.max, Int.min]) { $0.number($1) }
        #expect(json.text == "[0,7,10,99,100,1200345,-1,-40,\(Int.max),\(Int.min)]")
    }

    /// The comparison data is a script like the search index and is written by the same writer: line and
    /// paragraph separators (which end a string literal in older JavaScript parsers) and DEL are escaped too.
    @Test func dataEscapesLineSeparatorsAndDelete() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/odd.md", "---\ntitle: \"Line\\u2028Paragraph\\u2029Delete\\x7F\"\n---\n")
        try await site.build()
        let script = try site.read("public/compare/data-markets.js")
        #expect(script.contains(#""title":"Line\u2028Paragraph\u2029Delete\u007f""#))
        #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}") && !script.contains("\u{7F}"))
        let items = try #require(try data("markets", in: site)["items"] as? [[String: Any]])
        #expect(items.contains { $0["title"] as? String == "Line\u{2028}Paragraph\u{2029}Delete\u{7F}" })
    }

    @Test func hostileValuesStayTextInTablesAndData() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/evil.md", """
            ---
            title: "</script><script>alert(1)</script>"
            region: "<img src=x onerror=alert(1)>"
            ---
            """)
        try await site.build()
        let page = try site.read("public/markets/compare/index.html")
        #expect(!page.contains("<script>alert") && !page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let script = try site.read("public/compare/data-markets.js")
        #expect(!script.contains("<") && script.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#))
        let items = try #require(try data("markets", in: site)["items"] as? [[String: Any]])
        #expect(items.contains { $0["title"] as? String == "</script><script>alert(1)</script>" })
        #expect(try site.read("public/markets/compare/markets.csv").contains("\r\n</script><script>alert(1)</script>,<img src=x onerror=alert(1)>\r\n"))
    }
}
