/// A query and how it is matched and ranked. `themes/default/assets/search.js` runs the same steps in
/// the browser against the shipped index; the browser tests compare the two orders.
///
/// Each query word stands for one or more indexed terms, its *expansions*: the word itself if indexed;
/// for the last word while it is being typed (three or more letters, no space after it), its most frequent
/// completions (`polye` → `polyester`); and when neither matches, for words of five or more letters, the
/// indexed terms one edit away that start with the same character (`nylno` → `nylon`). A document must
/// match every word (if none does, any word); it scores the sum, over words, of its best posting score
/// through an expansion times the expansion's quality, plus half the score of any compound of the query
/// (`T/T` → `tt`) it contains. Ties go to navigation order.
public struct SearchQuery: Sendable, Hashable {
    public static let minimumCompletionLength = 3
    public static let maximumCompletions = 10
    public static let minimumTypoLength = 5
    public static let maximumTypoCandidates = 10

    /// How much a match through each kind of expansion counts, in tenths, so that JavaScript adds up
    /// exactly the same integers.
    public enum Quality {
        public static let exact = 10
        public static let completion = 9
        public static let typo = 6
        public static let compound = 5
    }

    /// The query's distinct words, in order.
    public let words: [String]
    /// Words written joined by punctuation (`T/T` → `tt`), which boost but are not required.
    public let compounds: [String]
    /// The last word, if it may be unfinished: it ends the text and is long enough to complete.
    public let completing: String?

    public init(_ text: String) {
        let (words, compounds) = SearchText.split(text)
        var seen: Set<String> = []
        self.words = words.filter { seen.insert($0).inserted }
        self.compounds = compounds.filter { seen.insert($0).inserted }
        let endsInWord = text.unicodeScalars.last.map { SearchText.isLetterOrDigit($0) || SearchText.isMark($0) } ?? false
        completing = endsInWord && (words.last?.utf16.count ?? 0) >= Self.minimumCompletionLength ? words.last : nil
    }

    /// An indexed term a query word stands for.
    public struct Expansion: Sendable, Hashable {
        public var term: String
        public var quality: Int
    }

    /// A matching document and its score.
    public struct Result: Sendable, Hashable {
        public var document: Int
        public var score: Int
    }

    /// The terms `word` stands for in `index`, best first.
    public func expansions(of word: String, in index: SearchIndex) -> [Expansion] {
        var expansions: [Expansion] = []
        if index.postings(for: word) != nil { expansions.append(Expansion(term: word, quality: Quality.exact)) }
        if word == completing {
            let key = Array(word.utf16)
            var candidates: [(term: String, count: Int)] = []
            var position = index.lowerBound(of: word)
            while position < index.terms.count, index.terms[position].utf16.starts(with: key) {
                if index.terms[position] != word { candidates.append((index.terms[position], index.postings[position].count)) }
                position += 1
            }
            expansions += Self.mostFrequent(candidates, limit: Self.maximumCompletions).map { Expansion(term: $0, quality: Quality.completion) }
        }
        if expansions.isEmpty, word.utf16.count >= Self.minimumTypoLength {
            let candidates = Self.sameFirstUnit(as: word, in: index)
                .filter { Self.editDistance(Array(word.utf16), Array($0.term.utf16), limit: 1) == 1 }
            expansions += Self.mostFrequent(candidates, limit: Self.maximumTypoCandidates).map { Expansion(term: $0, quality: Quality.typo) }
        }
        return expansions
    }

    /// The matching documents, best first.
    public func run(on index: SearchIndex) -> [Result] {
        var perWord: [[Int: Int]] = []
        for word in words {
            var best: [Int: Int] = [:]
            for expansion in expansions(of: word, in: index) {
                for posting in index.postings(for: expansion.term) ?? [] {
                    best[posting.document] = max(best[posting.document] ?? 0, posting.score * expansion.quality)
                }
            }
            perWord.append(best)
        }
        var totals: [Int: (words: Int, score: Int)] = [:]
        for best in perWord {
            for (document, score) in best {
                let total = totals[document] ?? (0, 0)
                totals[document] = (total.words + 1, total.score + score)
            }
        }
        let matchingAll = totals.filter { $0.value.words == words.count }
        let matching = matchingAll.isEmpty ? totals : matchingAll
        var scores = matching.mapValues(\.score)
        for compound in compounds {
            for posting in index.postings(for: compound) ?? [] where scores[posting.document] != nil {
                scores[posting.document]! += posting.score * Quality.compound
            }
        }
        let results = scores.map { document, score in
            (result: Result(document: document, score: score), words: matching[document]!.words)
        }.sorted {
            if $0.words != $1.words { return $0.words > $1.words }
            if $0.result.score != $1.result.score { return $0.result.score > $1.result.score }
            return $0.result.document < $1.result.document
        }
        return results.map(\.result)
    }

    /// The query with each word that matches nothing replaced by the closest indexed term starting with
    /// the same character, for a "did you mean" hint; nil if no word could be replaced.
    public func suggestion(in index: SearchIndex) -> String? {
        var replaced = false
        let suggested = words.map { word -> String in
            guard expansions(of: word, in: index).isEmpty else { return word }
            let key = Array(word.utf16)
            let allowed = max(1, min(3, key.count / 3))
            var best: (term: String, distance: Int, count: Int)?
            for candidate in Self.sameFirstUnit(as: word, in: index) {
                let distance = Self.editDistance(key, Array(candidate.term.utf16), limit: allowed)
                guard distance <= allowed else { continue }
                if best == nil || distance < best!.distance || distance == best!.distance && candidate.count > best!.count {
                    best = (candidate.term, distance, candidate.count)
                }
            }
            guard let best else { return word }
            replaced = true
            return best.term
        }
        return replaced ? suggested.joined(separator: " ") : nil
    }

    /// Indexed terms beginning with the same UTF-16 unit as `word`, with their document counts: the part
    /// of the index that one shipped dictionary file holds.
    static func sameFirstUnit(as word: String, in index: SearchIndex) -> [(term: String, count: Int)] {
        guard let first = word.utf16.first else { return [] }
        var position = index.lowerBound(of: String(utf16CodeUnits: [first], count: 1))
        var found: [(String, Int)] = []
        while position < index.terms.count, index.terms[position].utf16.first == first {
            found.append((index.terms[position], index.postings[position].count))
            position += 1
        }
        return found
    }

    /// The `limit` terms found in the most documents; ties in term order.
    static func mostFrequent(_ candidates: [(term: String, count: Int)], limit: Int) -> [String] {
        candidates.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .prefix(limit).map(\.element.term)
    }

    /// Optimal string alignment distance (adjacent transpositions count as one edit), or `limit + 1` as
    /// soon as it must exceed `limit`.
    static func editDistance(_ a: [UInt16], _ b: [UInt16], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], limit + 1)
    }
}
