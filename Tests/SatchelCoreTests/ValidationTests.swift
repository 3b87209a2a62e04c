import Testing
@testable import SatchelCore

/// Front-matter validation against the fixture catalog's schemas, one behaviour per test, checked through
/// the real pipeline on real files.
@Suite struct ValidationTests {
    private func errors(for page: String, at path: String = "content/manufacturers/test.md") async throws -> [String] {
        let site = try FixtureSite()
        try site.write(path, page)
        return await site.errors()
    }

    @Test func acceptsEveryFieldTypeAndKeepsTypedValues() async throws {
        let model = try await FixtureSite().site.model()
        let acme = try #require(model.graph.entity(EntityID(kind: "manufacturers", slug: "acme-bags")))
        #expect(acme.values["founded"] == .integer(2009))
        #expect(acme.values["lead_time"] == .range(lower: 6, upper: 16))
        #expect(acme.values["website"] == .url("https://example.com"))
        #expect(acme.values["audited"] == .date("2024-02-29"))
        let nylon = try #require(model.graph.entity(EntityID(kind: "materials", slug: "nylon")))
        #expect(nylon.values["cost_tier"] == .enumeration("High", rank: 2))
        #expect(nylon.values["weight"] == .number(120.5))
        #expect(nylon.values["recyclable"] == .bool(false))
        #expect(nylon.values["grades"] == .list([.string("210D"), .string("600D")]))
    }

    @Test func reportsWrongTypesWithFileLineAndColumn() async throws {
        let found = try await errors(for: """
            ---
            title: Test
            founded: 19x9
            lead_time: soon
            website: ftp://x
            audited: 2023-02-29
            materials: nylon
            ---
            """)
        #expect(found == [
            "content/manufacturers/test.md:3:10: error: field 'founded' expects an integer, found '19x9'",
            "content/manufacturers/test.md:4:12: error: field 'lead_time' expects a range such as '6-16' or a single number, found 'soon'",
            "content/manufacturers/test.md:5:10: error: field 'website' expects an http(s) or mailto URL, found 'ftp://x'",
            "content/manufacturers/test.md:6:10: error: field 'audited' expects a date written YYYY-MM-DD, found '2023-02-29'",
            "content/manufacturers/test.md:7:12: error: field 'materials' expects a list (of ref to 'materials'), found a single value (write [a, b] or one '- item' per line)",
        ])
    }

    @Test(arguments: [
        ("6-16", 6.0, 16.0), ("6–16", 6, 16), ("6—16", 6, 16), ("6 to 16", 6, 16), ("6 - 16", 6, 16),
        ("2.5–3", 2.5, 3), ("12", 12, 12), ("-5", -5, -5), ("\u{3000}6\u{3000}–\u{3000}16\u{3000}", 6, 16),
    ])
    func readsRangesWrittenWithEveryDashOrTo(text: String, lower: Double, upper: Double) {
        #expect(EntityValidator.parseRange(text).map { [$0.0, $0.1] } == [lower, upper])
    }

    @Test func rejectsRangesThatAreNotTwoNumbers() {
        for text in ["soon", "1-2-3", "6 to", "6–", "six–16", "6–16–20", "6 to 16 to 20", "-5-10"] { #expect(EntityValidator.parseRange(text) == nil) }
    }

    @Test func valuesLoseSpacesAndTabsAtTheirEndsOnly() {
        #expect("Nylon".trimmingSpacesAndTabs == "Nylon")
        #expect(" Nylon 6\t".trimmingSpacesAndTabs == "Nylon 6")
        #expect("\u{3000}Nylon\u{00A0}".trimmingSpacesAndTabs == "Nylon")
        #expect("Nylon\n".trimmingSpacesAndTabs == "Nylon\n")
        #expect("".trimmingSpacesAndTabs == "")
    }

    @Test func reportsRangeWithBoundsReversed() async throws {
        #expect(try await errors(for: "---\ntitle: T\nlead_time: 16-6\n---\n") == [
            "content/manufacturers/test.md:3:12: error: field 'lead_time' has a range whose lower bound is above its upper bound: '16-6'",
        ])
    }

    @Test func reportsValueOutsideEnumWithSuggestion() async throws {
        let found = try await errors(for: "---\ntitle: T\ncost_tier: medium\n---\n", at: "content/materials/test.md")
        #expect(found == [
            "content/materials/test.md:3:12: error: 'medium' is not an allowed value of field 'cost_tier' (allowed: 'Low', 'Medium', 'High') (did you mean 'Medium'?)",
        ])
    }

    @Test func reportsMissingRequiredFieldsAndTitle() async throws {
        #expect(try await errors(for: "---\nsummary: S\n---\n", at: "content/materials/test.md") == [
            "content/materials/test.md:1:1: error: missing required field 'cost_tier'",
            "content/materials/test.md:1:1: error: missing required field 'title'",
        ])
    }

    @Test func emptyFrontMatterMissesTitleAndEveryRequiredField() async throws {
        #expect(try await errors(for: "---\n---\nBody.\n", at: "content/materials/test.md") == [
            "content/materials/test.md:1:1: error: missing required field 'cost_tier'",
            "content/materials/test.md:1:1: error: missing required field 'title'",
        ])
    }

    @Test func reportsUnknownFieldWithSuggestion() async throws {
        #expect(try await errors(for: "---\ntitle: T\nfounde: 2001\n---\n") == [
            "content/manufacturers/test.md:3:1: error: unknown field 'founde' for kind 'manufacturers' (did you mean 'founded'?)",
        ])
    }

    @Test func reportsPlaceholderLeftBySatchelNew() async throws {
        #expect(try await errors(for: "---\ntitle: TODO\ncost_tier: TODO\n---\n", at: "content/materials/test.md") == [
            "content/materials/test.md:2:8: error: field 'title' still holds the placeholder 'TODO'; replace it with a real value",
            "content/materials/test.md:3:12: error: field 'cost_tier' still holds the placeholder 'TODO'; replace it with a real value",
        ])
    }

    @Test func reportsInvalidYAMLTabsAndDuplicateKeys() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/tabs.md", "---\ntitle: T\n\tregion: x\n---\n")
        try site.write("content/markets/twice.md", "---\ntitle: T\nregion: a\nregion: b\n---\n")
        try site.write("content/markets/broken.md", "---\ntitle: [unclosed\n---\n")
        #expect(await site.errors() == [
            "content/markets/broken.md:3:1: error: invalid YAML: did not find expected ',' or ']'",
            "content/markets/tabs.md:3:1: error: invalid YAML: tabs are not allowed for indentation; indent with spaces",
            "content/markets/twice.md:3:1: error: duplicate key 'region'",
        ])
    }

    @Test func collectsErrorsOfAllPagesSortedByFileAndLine() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/b.md", "---\ntitle: B\nregion: [x]\n---\n")
        try site.write("content/markets/a.md", "---\ntitle: A\nregio: x\n---\n")
        try site.write("content/materials/c.md", "---\ntitle: C\ncost_tier: Low\nmarkets: [kenya, nowhere]\n---\n")
        #expect(await site.errors() == [
            "content/markets/a.md:3:1: error: unknown field 'regio' for kind 'markets' (did you mean 'region'?)",
            "content/markets/b.md:3:9: error: field 'region' expects a string, found a list",
            "content/materials/c.md:4:18: error: unknown reference 'nowhere' in field 'markets': no page markets/nowhere.md",
        ])
    }
}
