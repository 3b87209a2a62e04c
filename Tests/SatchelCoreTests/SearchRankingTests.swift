import Testing
@testable import SatchelCore

/// What the index holds for a page and in which order results come.
@Suite struct SearchRankingTests {
    @Test func indexesTitleSummaryHeadingsBodyAndFieldValues() async throws {
        let search = try await SearchTestSite()
        #expect(search.ids("strengths") == ["materials/nylon"])  // a heading
        #expect(search.ids("printable") == ["materials/polyester"])  // the summary
        #expect(search.ids("abrasion") == ["materials/nylon"])  // the body
        #expect(search.ids("600D") == ["materials/nylon"])  // a list of strings
        #expect(search.ids("weeks") == ["manufacturers/acme-bags"])  // a range's unit
        #expect(search.ids("2009") == ["manufacturers/acme-bags"])
    }

    @Test func referencesAreIndexedByTheTitleTheyPointTo() async throws {
        let search = try await SearchTestSite([
            "content/markets/sp.md": "---\ntitle: São Paulo City\n---\n",
            "content/materials/canvas.md": "---\ntitle: Canvas\ncost_tier: Medium\nmarkets: [sp]\n---\n",
        ])
        #expect(search.ids("sao paulo") == ["markets/sp", "materials/canvas"])
        #expect(search.ids("city canvas") == ["materials/canvas"])
        // The slug is not page text.
        #expect(search.ids("sp").isEmpty)
    }

    @Test func yesNoValuesAreNotIndexed() async throws {
        let search = try await SearchTestSite()
        #expect(search.ids("false").isEmpty)
        #expect(search.ids("no").isEmpty)
    }

    @Test func titleAndFieldMatchesBeatHeadingsWhichBeatTheBody() async throws {
        let search = try await SearchTestSite([
            "content/markets/a.md": "---\ntitle: Alpha\n---\nZephyr, zephyr and zephyr again: zephyr.\n",
            "content/markets/b.md": "---\ntitle: Bravo\n---\n## Zephyr\n\nText.\n",
            "content/markets/c.md": "---\ntitle: Charlie\nregion: Zephyr coast\n---\nText.\n",
            "content/markets/d.md": "---\ntitle: Zephyr\n---\nText.\n",
            "content/markets/e.md": "---\ntitle: Echo\nsummary: Zephyr summary.\n---\nText.\n",
        ])
        let order = search.titles("zephyr")
        #expect(order.count == 5)
        #expect(order.first == "Zephyr")  // title
        #expect(order.dropFirst().first == "Charlie")  // field value
        #expect(Set(order.dropFirst(2).prefix(2)) == ["Bravo", "Echo"])  // heading, summary
        #expect(order.last == "Alpha")  // body, however often
    }

    @Test func shorterTitlesAndMoreFrequentTermsRankHigher() async throws {
        let search = try await SearchTestSite([
            "content/markets/a.md": "---\ntitle: Quokka\n---\n",
            "content/markets/b.md": "---\ntitle: Quokka island survey notes\n---\n",
            "content/markets/c.md": "---\ntitle: Once\n---\nA wallaby here.\n",
            "content/markets/d.md": "---\ntitle: Often\n---\nA wallaby, a wallaby, a third wallaby.\n",
        ])
        #expect(search.titles("quokka") == ["Quokka", "Quokka island survey notes"])
        #expect(search.titles("wallaby") == ["Often", "Once"])
    }

    @Test func tiesGoToKindOrderThenTitle() async throws {
        let body = "---\ntitle: %@\n---\nA wombat.\n"
        let search = try await SearchTestSite([
            "content/manufacturers/a.md": body.replacingOccurrences(of: "%@", with: "Aaa"),
            "content/markets/z.md": body.replacingOccurrences(of: "%@", with: "Zzz"),
            "content/markets/y.md": body.replacingOccurrences(of: "%@", with: "Yyy"),
        ])
        #expect(search.titles("wombat") == ["Yyy", "Zzz", "Aaa"])
    }

    @Test func everyWordMustMatchUnlessNoPageHasThemAll() async throws {
        let search = try await SearchTestSite()
        #expect(search.ids("nylon kenya") == ["materials/nylon", "manufacturers/acme-bags"])
        // No page has all three: pages with any, those matching more words first.
        #expect(search.ids("nylon abrasion fades") == ["materials/nylon", "manufacturers/acme-bags", "materials/polyester"])
    }

    @Test func compoundsBoostPagesThatWriteThemJoined() async throws {
        let search = try await SearchTestSite([
            "content/markets/a.md": "---\ntitle: Payments\n---\nPay by T/T.\n",
            "content/markets/b.md": "---\ntitle: Tea time\n---\nT and t.\n",
        ])
        #expect(search.titles("T/T") == ["Payments", "Tea time"])
    }
}
