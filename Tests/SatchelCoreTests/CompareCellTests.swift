import Foundation
import Testing
@testable import SatchelCore

/// How each field type appears in a comparison table, and how it sorts.
@Suite struct CompareCellTests {
    let graph: ContentGraph

    init() async throws {
        graph = try await FixtureSite().site.model().graph
    }

    private func field(_ type: FieldType, key: String = "value") -> FieldSpec {
        FieldSpec(
            key: key, label: "Value", type: type, isRequired: false, description: nil, inverseLabel: nil, isCharted: false,
            location: SourceLocation(file: "test"))
    }

    /// The cell of a value on a page one folder deep, rendered for an entity of `kind`.
    private func cell(_ value: FieldValue?, _ type: FieldType, kind: String = "materials") -> CompareCell {
        CompareCell(value: value, field: field(type), renderer: FieldRenderer(graph: graph, allowsRawHTML: false, kind: kind), depth: 1)
    }

    private func ref(_ slug: String) -> FieldValue {
        .ref(slug, at: SourceLocation(file: "test"))
    }

    @Test func enumIsALabelledBadgeSortedByItsDeclaredRank() {
        let cell = cell(.enumeration("Medium", rank: 1), .enumeration(["Low", "Medium", "High"]))
        #expect(cell.html == "<span class=\"badge\" data-rank=\"1\">Medium</span>")
        #expect(cell.text == "Medium")
        #expect(cell.sortKey == .numbers([1]))
        #expect(cell.sortKey?.attribute == "1")
        #expect(cell.facets == ["Medium"])
    }

    @Test func rangeShowsItsUnitAndSortsByLowerThenUpperBound() {
        let type = FieldType.range(unit: "weeks")
        let cell = cell(.range(lower: 6, upper: 16), type)
        #expect(cell.html == "6–16 weeks")
        #expect(cell.text == "6–16 weeks")
        #expect(cell.sortKey == .numbers([6, 16]))
        #expect(cell.sortKey?.attribute == "6 16")
        #expect(self.cell(.range(lower: 8, upper: 8), type).text == "8 weeks")
        let keys = [(6.0, 20.0), (8, 10), (6, 16), (2.5, 30)].map { self.cell(.range(lower: $0.0, upper: $0.1), type).sortKey }
        let sorted = keys.sorted { CompareSortKey.precedes($0, $1, ascending: true) }
        #expect(sorted == [.numbers([2.5, 30]), .numbers([6, 16]), .numbers([6, 20]), .numbers([8, 10])])
    }

    @Test func numbersCarryTheirUnitsAndSortAsNumbers() {
        let weight = cell(.number(120.5), .number(unit: "g/m²"))
        #expect(weight.html == "120.5 g/m²")
        #expect(weight.sortKey == .numbers([120.5]))
        let founded = cell(.integer(2009), .integer)
        #expect(founded.text == "2009")
        #expect(founded.sortKey?.attribute == "2009")
        #expect(CompareSortKey.precedes(cell(.integer(9), .integer).sortKey, founded.sortKey, ascending: true))
    }

    @Test func referencesAreLinksShownAndSortedByTitle() {
        let cell = cell(.list([ref("kenya"), ref("germany")]), .list(.ref(kind: "markets")))
        #expect(cell.html == "<a class=\"chip\" href=\"../markets/kenya.html\">Kenya</a>, <a class=\"chip\" href=\"../markets/germany.html\">Germany</a>")
        #expect(cell.text == "Kenya, Germany")
        #expect(cell.facets == ["Kenya", "Germany"])
        #expect(cell.sortKey == .text("Kenya, Germany"))
        #expect(cell.sortKey?.attribute == nil)
    }

    @Test func listsAreJoinedAndEscaped() {
        let cell = cell(.list([.string("210D"), .string("<b>600D</b>")]), .list(.string))
        #expect(cell.html == "210D, &lt;b&gt;600D&lt;/b&gt;")
        #expect(cell.text == "210D, <b>600D</b>")
        #expect(cell.facets == [])
    }

    @Test func listOfEnumsSortsByItsLowestRanksFirst() {
        let type = FieldType.list(.enumeration(["UV", "Heat", "Mildew"]))
        let cell = cell(.list([.enumeration("Mildew", rank: 2), .enumeration("UV", rank: 0)]), type)
        #expect(cell.sortKey == .numbers([0, 2]))
        #expect(cell.facets == ["Mildew", "UV"])
        #expect(cell.text == "Mildew, UV")
    }

    @Test func boolsDatesURLsAndTextHaveTheirOwnForms() {
        let flag = cell(.bool(true), .bool)
        #expect(flag.html == "Yes" && flag.sortKey == .numbers([1]))
        let day = cell(.date("2024-02-29"), .date)
        #expect(day.html == "<time datetime=\"2024-02-29\">2024-02-29</time>")
        #expect(day.sortKey == .numbers([20_240_229]))
        let site = cell(.url("https://example.com/a"), .url)
        #expect(site.html == "<a href=\"https://example.com/a\" rel=\"external noopener\">example.com/a</a>")
        #expect(site.text == "https://example.com/a")
        let note = cell(.text("Sun *and* [Kenya](../markets/kenya.md)"), .text, kind: "materials")
        #expect(note.html == "Sun <em>and</em> <a href=\"../markets/kenya.html\">Kenya</a>")
        #expect(note.text == "Sun and Kenya")
        #expect(note.sortKey == .text("Sun and Kenya"))
    }

    @Test func missingValuesAndEmptyListsAreEmptyCellsWithoutAKey() {
        #expect(cell(nil, .string) == .missing)
        #expect(cell(.list([]), .list(.string)) == .missing)
        #expect(CompareCell.missing.html == "" && CompareCell.missing.sortKey == nil)
    }

    @Test func missingValuesSortLastInBothDirections() {
        let low = CompareSortKey.numbers([0])
        for ascending in [true, false] {
            #expect(CompareSortKey.precedes(low, nil, ascending: ascending))
            #expect(!CompareSortKey.precedes(nil, low, ascending: ascending))
            #expect(!CompareSortKey.precedes(nil, nil, ascending: ascending))
        }
        #expect(CompareSortKey.precedes(.numbers([1]), low, ascending: false))
    }

    @Test func textSortsIgnoringCaseAndAccentsWithNumbersInOrder() {
        #expect(CompareSortKey.precedes(.text("Item 2"), .text("item 10"), ascending: true))
        #expect(CompareSortKey.precedes(.text("apple"), .text("Banana"), ascending: true))
        #expect(!CompareSortKey.precedes(.text("Éclair"), .text("eclair"), ascending: true))
        #expect(!CompareSortKey.precedes(.text("eclair"), .text("Éclair"), ascending: true))
    }

    @Test func tableSortsByEnumRankNotAlphabetKeepingTiesAndMissingLast() async throws {
        let site = try FixtureSite()
        try site.write("content/materials/canvas.md", "---\ntitle: Canvas\ncost_tier: Medium\ngrades: [10oz]\n---\n")
        try site.write("content/materials/jute.md", "---\ntitle: Jute\ncost_tier: Medium\n---\n")
        let graph = try await site.site.model().graph
        let schema = try #require(graph.schema("materials"))
        let table = CompareTable(
            schema: schema, fields: schema.compareFields, entities: graph.entities(of: "materials"), graph: graph,
            allowsRawHTML: false, depth: 2)
        func titles(_ table: CompareTable) -> [String] { table.rows.map(\.title) }
        #expect(titles(table) == ["Canvas", "Jute", "Nylon", "Polyester"])
        #expect(titles(table.sorted(by: "cost_tier", ascending: true)) == ["Polyester", "Canvas", "Jute", "Nylon"])
        #expect(titles(table.sorted(by: "cost_tier", ascending: false)) == ["Nylon", "Canvas", "Jute", "Polyester"])
        #expect(titles(table.sorted(by: "grades", ascending: true)) == ["Canvas", "Nylon", "Jute", "Polyester"])
        #expect(titles(table.sorted(by: "grades", ascending: false)) == ["Nylon", "Canvas", "Jute", "Polyester"])
        #expect(titles(table.sorted(by: "title", ascending: false)) == ["Polyester", "Nylon", "Jute", "Canvas"])
        #expect(table.facetOptions(column: 0) == [
            .init(value: "Low", count: 1), .init(value: "Medium", count: 2), .init(value: "High", count: 1),
        ])
    }

    @Test func facetValuesThatCompareTheSameGoByCodePoints() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/cafe-a.md", "---\ntitle: cafe\nregion: Europe\n---\n")
        try site.write("content/markets/cafe-b.md", "---\ntitle: Café\nregion: Europe\n---\n")
        try site.write("content/manufacturers/one.md", "---\ntitle: One\nmarkets: [cafe-a, kenya]\n---\n")
        try site.write("content/manufacturers/two.md", "---\ntitle: Two\nmarkets: [cafe-b]\n---\n")
        let graph = try await site.site.model().graph
        let schema = try #require(graph.schema("manufacturers"))
        let table = CompareTable(
            schema: schema, fields: [try #require(schema.field("markets"))], entities: graph.entities(of: "manufacturers"),
            graph: graph, allowsRawHTML: false, depth: 2)
        // "Café" and "cafe" are the same to a case- and accent-blind comparison; "C" comes before "c".
        #expect(table.facetOptions(column: 0).map(\.value) == ["Café", "cafe", "Kenya"])
        // The order a table had before ("Old" has gone since, the cafés are new) gives the same options.
        #expect(table.facetOptions(column: 0, known: ["Kenya", "Old"]) == table.facetOptions(column: 0))
    }

    /// Kept counts change by the rows an edit rebuilt; a value that comes or goes needs the table counted again.
    @Test func aKeptFacetColumnChangesByTheRowsReplaced() {
        let column = FacetColumn([.init(value: "Kenya", count: 2), .init(value: "Peru", count: 1)])
        let moved = column.replacing([["Kenya"]], with: [["Peru", "Peru"]])
        #expect(moved?.options == [.init(value: "Kenya", count: 1), .init(value: "Peru", count: 2)])
        // The one row holding Peru, rebuilt with it still: the count dips to zero on the way and comes back.
        #expect(column.replacing([["Peru"]], with: [["Peru"]])?.options == column.options)
        #expect(column.replacing([["Peru"]], with: [["Kenya"]]) == nil)
        #expect(column.replacing([], with: [["Chile"]]) == nil)
    }
}
