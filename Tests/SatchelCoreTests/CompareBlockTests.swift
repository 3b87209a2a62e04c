import Foundation
import Testing
@testable import SatchelCore

/// ```compare blocks in content: collected by the Markdown parser, checked against the graph with positions
/// in the .md file, and rendered as tables with a CSV beside the page.
@Suite struct CompareBlockTests {
    /// The Kenya page with one compare block; the block's YAML starts on line 8 of the file.
    private func kenya(block yaml: String) -> String {
        "---\ntitle: Kenya\nregion: Africa\n---\nKenya requires a PVOC certificate.\n\n```compare\n\(yaml)\n```\n"
    }

    private func errors(forBlock yaml: String) async throws -> [String] {
        let site = try FixtureSite()
        try site.write("content/markets/kenya.md", kenya(block: yaml))
        return await site.errors()
    }

    @Test func markdownCollectsCompareBlocksWithTheirFileLineAndLeavesOtherCodeAlone() {
        let document = MarkdownDocument(
            "Text.\n\n```compare\nkind: markets\n```\n\n```swift\nlet x = 1\n```\n", firstLine: 5)
        #expect(document.fencedBlocks.map(\.line) == [7])
        #expect(document.fencedBlocks.map(\.literal) == ["kind: markets\n"])
        #expect(document.plainText.contains("let x = 1"))
        #expect(!document.plainText.contains("kind: markets"))
        document.replace(document.fencedBlocks[0], withHTML: "<table id=\"first\"></table>")
        document.replace(document.fencedBlocks[0], withHTML: "<table id=\"second\"></table>")
        let html = document.renderHTML()
        #expect(html.contains("<table id=\"second\"></table>"))
        #expect(!html.contains("first") && !html.contains("language-compare"))
        #expect(html.contains("<code class=\"language-swift\">let x = 1"))
    }

    @Test func validBlockRendersItsTableInPlaceWithACSVBesideThePage() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/kenya.md", kenya(block: """
            kind: materials
            fields: [grades, cost_tier, markets]
            rows: [polyester, nylon]
            sort: -cost_tier
            caption: Fabrics sold here
            """))
        try await site.build()
        let html = try site.read("public/markets/kenya.html")
        #expect(!html.contains("kind: materials"))
        #expect(html.contains("<caption>Fabrics sold here</caption>"))
        #expect(html.contains("<th data-key=\"cost_tier\" data-sort-type=\"number\" aria-sort=\"descending\">Relative cost</th>"))
        let nylon = try #require(html.range(of: "<a href=\"../materials/nylon.html\">Nylon</a>"))
        let polyester = try #require(html.range(of: "<a href=\"../materials/polyester.html\">Polyester</a>"))
        #expect(nylon.lowerBound < polyester.lowerBound)
        #expect(html.contains("<td data-sort=\"2\"><span class=\"badge\" data-rank=\"2\">High</span></td>"))
        #expect(html.contains("<td><a class=\"chip\" href=\"../markets/kenya.html\">Kenya</a>, <a class=\"chip\" href=\"../markets/germany.html\">Germany</a></td>"))
        #expect(html.contains("<a href=\"kenya-comparison-1.csv\">CSV</a>"))
        #expect(try site.read("public/markets/kenya-comparison-1.csv") == """
            Material,Grades,Relative cost,Markets\r
            Nylon,"210D, 600D",High,Kenya\r
            Polyester,,Low,"Kenya, Germany"\r

            """)
    }

    @Test func blockWithoutRowsShowsEveryPageOfTheKindAndWorksInIntroductions() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/_index.md", "Markets.\n\n```compare\nkind: manufacturers\nfields: [lead_time]\n```\n")
        try await site.build()
        let html = try site.read("public/markets/index.html")
        #expect(html.contains("<td data-sort=\"6 16\">6–16 weeks</td>"))
        #expect(html.contains("<a href=\"index-comparison-1.csv\">CSV</a>"))
        #expect(try site.read("public/markets/index-comparison-1.csv") == "Manufacturer,Lead time\r\nAcme Bags,6–16 weeks\r\n")
    }

    @Test(arguments: [
        ("kind: materals\nfields: [cost_tier]",
         ["content/markets/kenya.md:8:7: error: unknown kind 'materals' in compare block (did you mean 'materials'?)"]),
        ("kind: materials\nfields: [grades, cost_teir]",
         ["content/markets/kenya.md:9:18: error: unknown field 'cost_teir' of kind 'materials' in compare block (did you mean 'cost_tier'?)"]),
        ("kind: materials\nfields: [cost_tier]\nrows: [nylon, polyestr]",
         ["content/markets/kenya.md:10:15: error: unknown row 'polyestr' in compare block: no page materials/polyestr.md (did you mean 'polyester'?)"]),
        ("kind: materials\nfields: [cost_tier]\nrows: [nylon, nylon]",
         ["content/markets/kenya.md:10:15: error: row 'nylon' is listed twice in compare block"]),
        ("kind: materials\nfields: [cost_tier]\nrows: []",
         ["content/markets/kenya.md:10:7: error: 'rows' in compare block must name at least one page; leave it out to show them all"]),
        ("kind: materials\nfields: [cost_tier]\nsort: weight",
         ["content/markets/kenya.md:10:7: error: 'sort' in compare block names 'weight', which is not a column of the table"]),
        ("kind: materials\nfields: [cost_tier]\nsort: -cost_teir",
         ["content/markets/kenya.md:10:7: error: 'sort' in compare block names 'cost_teir', which is not a column of the table (did you mean 'cost_tier'?)"]),
        ("kind: materials\nfield: [cost_tier]",
         ["content/markets/kenya.md:8:1: error: missing key 'fields' in compare block",
          "content/markets/kenya.md:9:1: error: unknown key 'field' in compare block (did you mean 'fields'?)"]),
        ("kind: materials\nfields: cost_tier",
         ["content/markets/kenya.md:9:9: error: 'fields' in compare block must be a list, e.g. [a, b]"]),
        ("kind: materials\nfields: []",
         ["content/markets/kenya.md:9:9: error: 'fields' in compare block must name at least one field"]),
        ("fields: [cost_tier]",
         ["content/markets/kenya.md:8:1: error: missing key 'kind' in compare block"]),
        ("kind: [materials]\nfields: [cost_tier]",
         ["content/markets/kenya.md:8:7: error: 'kind' in compare block must be a single value"]),
        ("- materials",
         ["content/markets/kenya.md:8:1: error: compare block must be a mapping of keys to values"]),
        ("",
         ["content/markets/kenya.md:7:1: error: empty compare block: 'kind' and 'fields' are required"]),
        ("kind: materials\nfields: [cost_tier\n",
         ["content/markets/kenya.md:11:1: error: invalid YAML: did not find expected ',' or ']'"]),
    ])
    func reportsEachMistakeAtItsLineInTheFile(block: String, expected: [String]) async throws {
        #expect(try await errors(forBlock: block) == expected)
    }

    @Test func blocksInIntroductionsAreCheckedTooAlongsideOtherErrors() async throws {
        let site = try FixtureSite()
        try site.write("content/materials/_index.md", "Intro.\n\n```compare\nkind: markets\nfields: [regoin]\n```\n")
        try site.write("content/markets/kenya.md", kenya(block: "kind: markets\nfields: [region]\nrows: [kenya, peru]"))
        #expect(await site.errors() == [
            "content/markets/kenya.md:10:15: error: unknown row 'peru' in compare block: no page markets/peru.md",
            "content/materials/_index.md:5:10: error: unknown field 'regoin' of kind 'markets' in compare block (did you mean 'region'?)",
        ])
    }

    @Test func incrementalBuildRefreshesAPageWhoseTableShowsAnEditedEntity() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/germany.md", "---\ntitle: Germany\n---\n```compare\nkind: materials\nfields: [cost_tier]\nrows: [nylon]\n```\n")
        try await site.build()
        #expect(try site.read("public/markets/germany.html").contains(">High</span>"))
        let nylon = try site.read("content/materials/nylon.md")
        try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "cost_tier: High", with: "cost_tier: Medium"))
        try await site.build()
        #expect(try site.read("public/markets/germany.html").contains(">Medium</span>"))
    }
}
