import Testing
@testable import SatchelCore

/// Normalising and tokenising, which `assets/search.js` repeats for queries.
@Suite struct SearchTextTests {
    @Test(arguments: [
        ("São Paulo", ["sao", "paulo"]),
        ("Sa\u{0303}o Paulo", ["sao", "paulo"]),
        ("ÉCOLE Ñandú Zürich", ["ecole", "nandu", "zurich"]),
        ("ΟΔΟΣ", ["οδοσ"]),
        ("600D nylon, ISO 9001", ["600d", "nylon", "iso", "9001"]),
        ("Medium to High", ["medium", "to", "high"]),
        ("  \n", []),
    ])
    func foldsCaseAndDiacritics(text: String, words: [String]) {
        #expect(SearchText.split(text).words == words)
    }

    @Test(arguments: [
        ("anti-theft", ["anti", "theft"], ["antitheft"]),
        ("T/T", ["t", "t"], ["tt"]),
        ("U.S.A. buyers", ["u", "s", "a", "buyers"], ["usa"]),
        ("nylon - polyester", ["nylon", "polyester"], []),
        ("nylon -- polyester", ["nylon", "polyester"], []),
        ("ISO 9001", ["iso", "9001"], []),
    ])
    func splitsAtPunctuationAndJoinsCompounds(text: String, words: [String], compounds: [String]) {
        let split = SearchText.split(text)
        #expect(split.words == words)
        #expect(split.compounds == compounds)
        #expect(SearchText.tokens(in: text) == words + compounds)
    }

    @Test func keepsLettersOfOtherScriptsAndDropsSymbols() {
        #expect(SearchText.split("東京 Москва → 2½ ✓").words == ["東京", "москва", "2½"])
    }
}
