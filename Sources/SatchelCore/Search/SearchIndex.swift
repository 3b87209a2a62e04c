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

    /// The terms of one document with their occurrences, and its weighted length.
    struct DocumentTerms {
        var terms: [String: Occurrence] = [:]
        var length: Float = 0
        var titleWordCount = 0

        init(_ document: SearchDocument) {
            add(document.title, at: .title)
            titleWordCount = max(1, terms.count)
            for field in document.fields { add(field, at: .field) }
            if let summary = document.summary { add(summary, at: .heading) }
            for heading in document.headings { add(heading, at: .heading) }
            add(document.kindName, at: .body)
            add(document.body, at: .body)
        }

        mutating func add(_ text: String, at place: Place) {
            for token in SearchText.tokens(in: text) {
                length += place.frequencyWeight
                if var occurrence = terms[token] {
                    occurrence.place = max(occurrence.place, place)
                    occurrence.frequency += place.frequencyWeight
                    terms[token] = occurrence
                } else {
                    terms[token] = Occurrence(place: place, frequency: place.frequencyWeight)
                }
            }
        }
    }

    /// A term's unscored postings: document, best place, weighted frequency.
    typealias RawPosting = (document: Int32, place: Place, frequency: Float)

    init(documents: [SearchDocument], terms: [String], postings: [[Posting]]) {
        self.documents = documents
        self.terms = terms
        self.postings = postings
    }

    /// Tokenises every document (in parallel batches) and scores every posting.
    public static func build(_ documents: [SearchDocument]) async -> SearchIndex {
        typealias Batch = (start: Int, postings: [String: [RawPosting]], lengths: [Float], titleWords: [Int])
        let batchSize = max(64, documents.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let batches = await withTaskGroup(of: Batch.self) { group in
            for start in stride(from: 0, to: documents.count, by: batchSize) {
                let end = min(start + batchSize, documents.count)
                group.addTask {
                    var postings: [String: [RawPosting]] = [:]
                    var lengths: [Float] = []
                    var titleWords: [Int] = []
                    for position in start..<end {
                        let terms = DocumentTerms(documents[position])
                        lengths.append(terms.length)
                        titleWords.append(terms.titleWordCount)
                        for (term, occurrence) in terms.terms {
                            postings[term, default: []].append((Int32(position), occurrence.place, occurrence.frequency))
                        }
                    }
                    return (start, postings, lengths, titleWords)
                }
            }
            var all: [Batch] = []
            for await batch in group { all.append(batch) }
            return all.sorted { $0.start < $1.start }
        }
        // Batches cover ascending document ranges and add documents in order, so appending them in order
        // keeps every term's postings sorted by document.
        var merged: [String: [RawPosting]] = [:]
        var lengths: [Float] = []
        var titleWords: [Int] = []
        for batch in batches {
            for (term, list) in batch.postings { merged[term, default: []] += list }
            lengths += batch.lengths
            titleWords += batch.titleWords
        }
        let terms = merged.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        let scorer = Scorer(documentCount: documents.count, lengths: lengths, titleWords: titleWords)
        return SearchIndex(documents: documents, terms: terms, postings: terms.map { scorer.score(merged[$0]!) })
    }

    /// The postings of `term`, if it is indexed.
    public func postings(for term: String) -> [Posting]? {
        let position = lowerBound(of: term)
        return position < terms.count && terms[position] == term ? postings[position] : nil
    }

    /// The position of the first term not ordered before `term`.
    public func lowerBound(of term: String) -> Int {
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
        let lengths: [Float]
        let averageLength: Float
        let titleWords: [Int]

        init(documentCount: Int, lengths: [Float], titleWords: [Int]) {
            self.documentCount = documentCount
            self.lengths = lengths
            self.titleWords = titleWords
            averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Float(lengths.count))
        }

        func score(_ raw: [RawPosting]) -> [Posting] {
            let frequency = Float(raw.count)
            let inverse = log(1 + (Float(documentCount) - frequency + 0.5) / (frequency + 0.5))
            return raw.map { posting in
                let document = Int(posting.document)
                let normaliser = Self.k1 * (1 - Self.b + Self.b * lengths[document] / averageLength)
                let weight = inverse * posting.frequency * (Self.k1 + 1) / (posting.frequency + normaliser)
                let bonus: Float = switch posting.place {
                case .title: 200 + 50 / Float(titleWords[document])
                case .field: 200
                case .heading: 100
                case .body: 0
                }
                return Posting(document: document, score: Int(((bonus + weight) * 10).rounded()))
            }
        }
    }
}
