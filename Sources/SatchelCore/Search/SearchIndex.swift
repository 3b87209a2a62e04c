import Foundation

/// The inverted index of a site: every term, and for each term the documents that contain it with a score
/// computed once at build time, so a query only adds numbers up.
///
/// A posting's score is a tier bonus for the best place the term appears — title or field value (200, and
/// up to 50 more for a short title) beats a heading or the summary (100) beats the body (0) — plus a BM25
/// weight of how often it appears (weighted by place) against how rare the term is, which stays below the
/// gap between tiers. Scores are kept as integers (tenths) to stay compact in the shipped index.
public struct SearchIndex: Sendable {
    /// A document containing a term, and what the term is worth to it.
    public struct Posting: Sendable, Hashable {
        public var document: Int
        public var score: Int
    }

    /// Documents by position; a posting's `document` is an index into this array. They are in navigation
    /// order (kind, then title), which is also the order that breaks ties between equal scores.
    public let documents: [SearchDocument]
    /// Every term, sorted by UTF-16 code units as JavaScript compares strings.
    public let terms: [String]
    /// Postings of each term, parallel to `terms`, by ascending document.
    public let postings: [[Posting]]

    /// Where a term appears in a document; higher counts for more.
    enum Place: Int, Comparable {
        case body, heading, field, title

        static func < (lhs: Place, rhs: Place) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How much one occurrence adds to the term's frequency in BM25.
        var frequencyWeight: Float {
            switch self {
            case .body: 1
            case .heading: 1.5
            case .field: 2
            case .title: 3
            }
        }
    }

    /// A term's occurrences in one document: its best place and its weighted count.
    struct Occurrence {
        var place: Place
        var frequency: Float
    }

    /// A term's unscored postings: document, best place, weighted frequency.
    typealias RawPosting = (document: Int32, place: Place, frequency: Float)

    /// Tokenises documents, in order, into numbered terms with their unscored postings and each
    /// document's weighted length and number of title terms.
    struct PostingsCollector {
        /// The terms met so far; a term's number indexes `postings`.
        private(set) var terms = TermTable()
        /// Each term's postings, by ascending document.
        private(set) var postings: [[RawPosting]] = []
        private(set) var lengths: [Float] = []
        private(set) var titleWords: [Int] = []

        private var tokenizer = SearchTokenizer()
        /// The terms of the document being added, in the order first met, with their occurrences.
        private var current: [(term: Int, occurrence: Occurrence)] = []
        /// Per term: the last document it was met in, and its place in `current` if that is this document.
        private var lastDocument: [Int32] = []
        private var positionInCurrent: [Int32] = []
        private var length: Float = 0

        /// Adds the terms of `document`, numbered `number`, which must be above those added before.
        mutating func add(_ document: SearchDocument, number: Int) {
            let number = Int32(number)
            current.removeAll(keepingCapacity: true)
            length = 0
            add(document.title, at: .title, document: number)
            titleWords.append(max(1, current.count))
            for field in document.fields { add(field, at: .field, document: number) }
            if let summary = document.summary { add(summary, at: .heading, document: number) }
            for heading in document.headings { add(heading, at: .heading, document: number) }
            add(document.kindName, at: .body, document: number)
            add(document.body, at: .body, document: number)
            lengths.append(length)
            for (term, occurrence) in current {
                postings[term].append((number, occurrence.place, occurrence.frequency))
            }
        }

        private mutating func add(_ text: String, at place: Place, document: Int32) {
            tokenizer.tokenize(text)
            let weight = place.frequencyWeight
            for token in 0..<tokenizer.tokenCount {
                let term = tokenizer.withToken(token) { terms.number(of: $0) }
                if term == postings.count {
                    postings.append([])
                    lastDocument.append(-1)
                    positionInCurrent.append(0)
                }
                length += weight
                if lastDocument[term] == document {
                    let position = Int(positionInCurrent[term])
                    current[position].occurrence.place = max(current[position].occurrence.place, place)
                    current[position].occurrence.frequency += weight
                } else {
                    lastDocument[term] = document
                    positionInCurrent[term] = Int32(current.count)
                    current.append((term, Occurrence(place: place, frequency: weight)))
                }
            }
        }
    }

    init(documents: [SearchDocument], terms: [String], postings: [[Posting]]) {
        self.documents = documents
        self.terms = terms
        self.postings = postings
    }

    /// Tokenises every document (in parallel batches) and scores every posting.
    public static func build(_ documents: [SearchDocument]) -> SearchIndex {
        SearchCorpus.collect(documents).index
    }

    /// The postings of `term`, if it is indexed.
    public func postings(for term: String) -> [Posting]? {
        let position = lowerBound(of: term)
        return position < terms.count && terms[position] == term ? postings[position] : nil
    }

    /// The position of the first term not ordered before `term`.
    public func lowerBound(of term: String) -> Int {
        Self.lowerBound(of: term, in: terms)
    }

    /// The place of the first of `count` postings, by ascending document, whose document is not before
    /// `document`; `documentAt` gives a place's document.
    static func firstPlace(_ count: Int, notBefore document: Int, documentAt: (Int) -> Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if documentAt(middle) < document { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The position of the first of `terms` (sorted by UTF-16 code units) not ordered before `term`.
    static func lowerBound(of term: String, in terms: [String]) -> Int {
        var low = 0, high = terms.count
        let key = Array(term.utf16)
        while low < high {
            let middle = (low + high) / 2
            if terms[middle].utf16.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// BM25 with the usual constants, plus the tier bonus of the best place a term appears.
    struct Scorer {
        static let k1: Float = 1.2
        static let b: Float = 0.75

        let documentCount: Int
        /// Per document: BM25's length normaliser, and the bonus of a title match (more for a short title).
        /// Worked out once per document rather than once per posting.
        private let normalisers: [Float]
        private let titleBonuses: [Float]

        init(documentCount: Int, lengths: [Float], titleWords: [Int]) {
            self.documentCount = documentCount
            let averageLength = Self.averageLength(of: lengths)
            normalisers = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / averageLength) }
            titleBonuses = titleWords.map { 200 + 50 / Float($0) }
        }

        /// The average document length BM25 scales by, rounded to a sixteenth of a word: an edit that leaves
        /// it as it was changes only the scores of the terms the edited documents hold, so an update scores
        /// only those again. The rounding moves no score by more than about 0.03 words' worth of length.
        static func averageLength(of lengths: [Float]) -> Float {
            guard !lengths.isEmpty else { return 1 }
            return max(1, (lengths.reduce(0, +) / Float(lengths.count) * 16).rounded() / 16)
        }

        func score(_ raw: [RawPosting]) -> [Posting] {
            let inverse = inverseFrequency(raw.count)
            return raw.map { score($0, inverse: inverse) }
        }

        /// `old` itself when scoring `raw` gives the same postings, so that an update keeps the arrays of
        /// the terms whose scores did not move.
        func score(_ raw: [RawPosting], unlessSameAs old: [Posting]) -> [Posting] {
            guard old.count == raw.count else { return score(raw) }
            let inverse = inverseFrequency(raw.count)
            for position in raw.indices {
                let posting = score(raw[position], inverse: inverse)
                guard posting != old[position] else { continue }
                // The first that differs: the ones before it are as they were.
                var scored = Array(old[..<position])
                scored.reserveCapacity(raw.count)
                scored.append(posting)
                for rest in raw[(position + 1)...] { scored.append(score(rest, inverse: inverse)) }
                return scored
            }
            return old
        }

        /// `old` with only the postings of `documents` (ascending) scored again, which is all that can move when
        /// the average length is as it was for `old` and each of `documents` holds the term before and after,
        /// or neither (so the term is in the same documents); otherwise as `score(_:unlessSameAs:)`.
        func score(_ raw: [RawPosting], unlessSameAs old: [Posting], changing documents: [Int32]) -> [Posting] {
            guard old.count == raw.count else { return score(raw) }
            var places: [Int] = []
            for document in documents {
                let place = SearchIndex.firstPlace(raw.count, notBefore: Int(document)) { Int(raw[$0].document) }
                let placeBefore = SearchIndex.firstPlace(old.count, notBefore: Int(document)) { old[$0].document }
                let holds = place < raw.count && raw[place].document == document
                let held = placeBefore < old.count && old[placeBefore].document == Int(document)
                guard holds == held, place == placeBefore else { return score(raw, unlessSameAs: old) }
                if holds { places.append(place) }
            }
            let inverse = inverseFrequency(raw.count)
            // Written only where a score moved, so that an unchanged term keeps the very array it had.
            var scored = old
            for place in places {
                let posting = score(raw[place], inverse: inverse)
                if posting != scored[place] { scored[place] = posting }
            }
            return scored
        }

        private func inverseFrequency(_ count: Int) -> Float {
            let frequency = Float(count)
            return log(1 + (Float(documentCount) - frequency + 0.5) / (frequency + 0.5))
        }

        private func score(_ posting: RawPosting, inverse: Float) -> Posting {
            let document = Int(posting.document)
            let weight = inverse * posting.frequency * (Self.k1 + 1) / (posting.frequency + normalisers[document])
            let bonus: Float = switch posting.place {
            case .title: titleBonuses[document]
            case .field: 200
            case .heading: 100
            case .body: 0
            }
            return Posting(document: document, score: Int(((bonus + weight) * 10).rounded()))
        }
    }
}
