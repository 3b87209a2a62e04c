import Foundation

/// The documents of a search index, tokenised in batches of consecutive documents. `LiveSite` keeps it
/// between builds, so that an edit which moves no page and changes no other page's text tokenises only the
/// batch holding the edited page; the index made from it is the one a whole build makes.
struct SearchCorpus: Sendable {
    let documents: [SearchDocument]
    /// Each batch's first document and its terms; batches cover the documents in order.
    private let batches: [(start: Int, collector: SearchIndex.PostingsCollector)]

    /// Tokenises `documents` in parallel batches.
    static func collect(_ documents: [SearchDocument]) async -> SearchCorpus {
        let size = max(64, documents.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let starts = Array(stride(from: 0, to: documents.count, by: size))
        return SearchCorpus(documents: documents, batches: await collect(documents, starts: starts))
    }

    /// The corpus with the documents at the given positions replaced; only their batches are tokenised again.
    func replacing(_ replacements: [Int: SearchDocument]) async -> SearchCorpus {
        var documents = self.documents
        for (position, document) in replacements { documents[position] = document }
        let starts = batches.map(\.start)
        let stale = Set(replacements.keys.map { position in starts[starts.lastIndex { $0 <= position } ?? 0] })
        let fresh = Dictionary(uniqueKeysWithValues: await Self.collect(documents, starts: starts, only: stale).map { ($0.start, $0.collector) })
        return SearchCorpus(documents: documents, batches: batches.map { batch in (batch.start, fresh[batch.start] ?? batch.collector) })
    }

    /// The index: every batch's terms merged in document order, and every posting scored.
    var index: SearchIndex {
        // Batches cover ascending document ranges and add documents in order, so appending them in order
        // keeps every term's postings sorted by document.
        var terms = TermTable()
        var merged: [[SearchIndex.RawPosting]] = []
        var lengths: [Float] = []
        var titleWords: [Int] = []
        for (_, batch) in batches {
            for term in 0..<batch.terms.count {
                let number = batch.terms.withBytes(of: term) { terms.number(of: $0) }
                if number == merged.count { merged.append([]) }
                merged[number] += batch.postings[term]
            }
            lengths += batch.lengths
            titleWords += batch.titleWords
        }
        let texts = (0..<terms.count).map(terms.term)
        let order = texts.indices.sorted { texts[$0].utf16.lexicographicallyPrecedes(texts[$1].utf16) }
        let scorer = SearchIndex.Scorer(documentCount: documents.count, lengths: lengths, titleWords: titleWords)
        return SearchIndex(documents: documents, terms: order.map { texts[$0] }, postings: order.map { scorer.score(merged[$0]) })
    }

    /// Tokenises the batches starting at `starts` (each running to the next start), or only those in `only`.
    private static func collect(
        _ documents: [SearchDocument], starts: [Int], only: Set<Int>? = nil
    ) async -> [(start: Int, collector: SearchIndex.PostingsCollector)] {
        await withTaskGroup(of: (start: Int, collector: SearchIndex.PostingsCollector).self) { group in
            for (number, start) in starts.enumerated() where only?.contains(start) ?? true {
                let end = number + 1 < starts.count ? starts[number + 1] : documents.count
                group.addTask {
                    var collector = SearchIndex.PostingsCollector()
                    for position in start..<end { collector.add(documents[position], number: position) }
                    return (start, collector)
                }
            }
            var all: [(start: Int, collector: SearchIndex.PostingsCollector)] = []
            for await batch in group { all.append(batch) }
            return all.sorted { $0.start < $1.start }
        }
    }
}

/// The search corpus a render starts from and, for the `LiveSite` that keeps it, the one it indexed.
final class SearchCorpusBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: SearchCorpus?
    /// Whether the corpus indexed is kept: a plain build lets it go once indexed (tens of MB at 10,000 pages).
    let keeps: Bool

    init(_ corpus: SearchCorpus? = nil, keeping keeps: Bool = false) {
        stored = corpus
        self.keeps = keeps
    }

    var corpus: SearchCorpus? {
        lock.withLock { stored }
    }

    /// Records the corpus just indexed, if it is to be kept.
    func indexed(_ corpus: SearchCorpus) {
        lock.withLock { stored = keeps ? corpus : nil }
    }
}
