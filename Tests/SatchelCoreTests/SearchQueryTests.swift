import Testing
@testable import SatchelCore

/// Exact, prefix and typo matching, and the "did you mean" suggestion.
@Suite struct SearchQueryTests {
    @Test func completesTheLastWordWhileTyping() async throws {
        let search = try await SearchTestSite()
        #expect(search.titles("polye") == ["Polyester", "Acme Bags", "Nylon"])  // title, field, body
        #expect(search.titles("nyl") == ["Nylon", "Acme Bags"])
        // A space ends the word; short words are not completed.
        #expect(search.titles("polye ").isEmpty)
        #expect(search.titles("po").isEmpty)
        // Only the last word is completed.
        #expect(SearchQuery("polye kenya").expansions(of: "polye", in: search.index).isEmpty)
    }

    @Test func toleratesOneTypoInWordsOfFiveLettersOrMore() async throws {
        let search = try await SearchTestSite()
        #expect(search.titles("polyestr").first == "Polyester")  // a letter missing
        #expect(search.titles("nylno").first == "Nylon")  // two letters swapped
        #expect(search.titles("kenia ").first == "Kenya")  // a letter wrong
        #expect(search.titles("nylonn").first == "Nylon")  // a letter too many
        #expect(search.titles("kena ").isEmpty)  // four letters: no typo allowed
        #expect(search.titles("nyolnn").isEmpty)  // two typos
    }

    @Test func exactMatchesOutrankCompletionsAndTypos() async throws {
        let search = try await SearchTestSite([
            "content/markets/a.md": "---\ntitle: Strong sun\n---\nPolyesters fade.\n",
        ])
        let expansions = SearchQuery("polyester").expansions(of: "polyester", in: search.index)
        #expect(expansions.map(\.term) == ["polyester", "polyesters"])
        #expect(expansions.map(\.quality) == [SearchQuery.Quality.exact, SearchQuery.Quality.completion])
        #expect(SearchQuery("polyster ").expansions(of: "polyster", in: search.index).map(\.quality).allSatisfy { $0 == SearchQuery.Quality.typo })
    }

    @Test func suggestsTheClosestIndexedWord() async throws {
        let search = try await SearchTestSite()
        #expect(SearchQuery("nylonnn").suggestion(in: search.index) == "nylon")
        #expect(SearchQuery("kenya polyestr").suggestion(in: search.index) == nil)  // "polyestr" matches by typo
        #expect(SearchQuery("kenya polyyestr").suggestion(in: search.index) == "kenya polyester")
        #expect(SearchQuery("qwxzqk").suggestion(in: search.index) == nil)
    }

    @Test(arguments: [
        ("nylon", "nylon", 0), ("nylno", "nylon", 1), ("polyestr", "polyester", 1), ("kenia", "kenya", 1),
        ("abc", "abcde", 2), ("abc", "xyzabc", 3),
    ])
    func editDistanceCountsTranspositionsAsOneAndStopsAtItsLimit(a: String, b: String, distance: Int) {
        #expect(SearchQuery.editDistance(Array(a.utf16), Array(b.utf16), limit: 2) == min(distance, 3))
    }
}
