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

    /// The tokeniser reads UTF-8 bytes: characters of two, three and four bytes, combining marks after
    /// punctuation and white space other than ASCII follow the same rules as ASCII.
    @Test(arguments: [
        ("nylon—polyester", ["nylon", "polyester"], ["nylonpolyester"]),
        ("nylon\u{00A0}polyester", ["nylon", "polyester"], []),
        ("a-\u{0301}b", ["a", "b"], ["ab"]),
        ("Cafe\u{0301} 𝐀x😀y", ["cafe", "𝐀x", "y"], ["𝐀xy"]),
        ("İstanbul ΣΟΦΟΣ", ["istanbul", "σοφοσ"], []),
    ])
    func readsCharactersOfEveryLength(text: String, words: [String], compounds: [String]) {
        let split = SearchText.split(text)
        #expect(split.words == words)
        #expect(split.compounds == compounds)
    }

    /// The tokeniser's buffer starts with room for a text's bytes and grows where folded letters take more:
    /// a Hangul syllable (three bytes) decomposes into three jamo (nine). A long text of them, between ASCII
    /// words, gives the words a scalar-by-scalar fold gives.
    @Test func longTextWhoseFoldedLettersOutgrowItsBytes() {
        let words = (0..<3_000).map { $0.isMultiple(of: 3) ? "Word\($0)" : "한국어\($0)" }
        let expected = words.map { word in
            word.unicodeScalars.map { $0.isASCII ? Array(String($0).lowercased().utf8) : SearchText.fold($0) }
                .reduce([], +)
        }.map { String(decoding: $0, as: UTF8.self) }
        #expect(SearchText.split(words.joined(separator: " ")).words == expected)
        #expect(expected[1].utf8.count > words[1].utf8.count)
    }

    @Test func termTableNumbersTermsInTheOrderFirstSeen() {
        var table = TermTable()
        // Enough terms to make the table grow several times.
        let terms = (0..<5_000).map { "term\($0)" } + ["", "é", "東京"]
        let numbers = terms.map { term in Array(term.utf8).withUnsafeBufferPointer { table.number(of: $0) } }
        #expect(numbers == Array(terms.indices))
        #expect(terms.reversed().map { table.number(of: ArraySlice($0.utf8)) } == Array(terms.indices.reversed()))
        #expect(table.count == terms.count)
        #expect(terms.indices.map(table.term) == terms)
    }

    @Test func keepsLettersOfOtherScriptsAndDropsSymbols() {
        #expect(SearchText.split("東京 Москва → 2½ ✓").words == ["東京", "москва", "2½"])
    }
}
