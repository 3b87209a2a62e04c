import Foundation

/// The documents of a search index, tokenised: every term, sorted, with its unscored postings, and each
/// document's weighted length and number of title words. `LiveSite` keeps it between builds, so that an edit
/// which moves no page tokenises only the replaced documents and changes only the terms they hold; the index
/// made from it is the one a whole build makes.
struct SearchCorpus: Sendable {
    private(set) var documents: [SearchDocument]
    /// Every term, sorted by UTF-16 code units as JavaScript compares strings.
    private(set) var terms: [String]
    /// Unscored postings of each term, parallel to `terms`, by ascending document.
    private(set) var postings: [[SearchIndex.RawPosting]]
    private(set) var lengths: [Float]
    private(set) var titleWords: [Int]

    /// Tokenises `documents` in parallel batches and merges the batches' terms.
    ///
    /// The batches run at once beside the build's other tasks (`Array(concurrentlyCount:)`) rather than
    /// as child tasks, which would wait behind every entity page queued before them and leave the serial
    /// merge, scoring and bundling after them as the last work of a build, on one core.
    static func collect(_ documents: [SearchDocument]) -> SearchCorpus {
        let size = max(64, documents.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let batches = [SearchIndex.PostingsCollector](concurrentlyCount: (documents.count + size - 1) / size, batchSize: 1) { batch in
            var collector = SearchIndex.PostingsCollector()
            // Through the buffer, each document is read in place rather than copied for the call.
            documents.withUnsafeBufferPointer { documents in
                for position in (batch * size)..<min((batch + 1) * size, documents.count) { collector.add(documents[position], number: position) }
            }
            return collector
        }
        // Batches cover ascending document ranges and add documents in order, so appending them in order
        // keeps every term's postings sorted by document.
        var table = TermTable()
        var merged: [[SearchIndex.RawPosting]] = []
        var lengths: [Float] = []
        var titleWords: [Int] = []
        for batch in batches {
            for term in 0..<batch.terms.count {
                let number = batch.terms.withBytes(of: term) { table.number(of: $0) }
                if number == merged.count { merged.append([]) }
                merged[number] += batch.postings[term]
            }
            lengths += batch.lengths
            titleWords += batch.titleWords
        }
        let texts = (0..<table.count).map(table.term)
        let order = texts.indices.sorted { texts[$0].utf16.lexicographicallyPrecedes(texts[$1].utf16) }
        return SearchCorpus(
            documents: documents, terms: order.map { texts[$0] }, postings: order.map { merged[$0] }, lengths: lengths,
            titleWords: titleWords)
    }

    /// The corpus with the documents at the given positions replaced: only they are tokenised again, and
    /// only the terms they held or hold change. Also returns, for each term of the new corpus, its position
    /// in this one (nil if it is new), so that what was made from this corpus can be reused, and the
    /// positions of the terms the replaced documents held or hold.
    func replacing(_ replacements: [Int: SearchDocument]) -> (corpus: SearchCorpus, previous: [Int?], touched: [Int]) {
        var corpus = self
        // Per changed term: the postings of the replaced documents it has from now on.
        var added: [String: [SearchIndex.RawPosting]] = [:]
        var touched = Set<String>()
        for (position, document) in replacements.sorted(by: { $0.key < $1.key }) {
            for term in Self.terms(of: documents[position]) { touched.insert(term) }
            var collector = SearchIndex.PostingsCollector()
            collector.add(document, number: position)
            for term in 0..<collector.terms.count {
                let text = collector.terms.term(term)
                touched.insert(text)
                added[text, default: []] += collector.postings[term]
            }
            corpus.lengths[position] = collector.lengths[0]
            corpus.titleWords[position] = collector.titleWords[0]
            corpus.documents[position] = document
        }
        let replaced = Set(replacements.keys.map(Int32.init))
        var newTerms: [(term: String, postings: [SearchIndex.RawPosting])] = []
        var emptied = Set<Int>()
        for term in touched {
            let position = SearchIndex.lowerBound(of: term, in: terms)
            guard position < terms.count, terms[position] == term else {
                newTerms.append((term, added[term] ?? []))
                continue
            }
            // Postings are sorted by document: each replaced document's posting is found by bisection.
            var list = corpus.postings[position]
            for document in replaced {
                let place = Self.firstPosting(in: list, notBefore: document)
                if place < list.count, list[place].document == document { list.remove(at: place) }
            }
            for posting in added[term] ?? [] { list.insert(posting, at: Self.firstPosting(in: list, notBefore: posting.document)) }
            if list.isEmpty { emptied.insert(position) }
            corpus.postings[position] = list
        }
        guard !newTerms.isEmpty || !emptied.isEmpty else {
            return (corpus, Array(terms.indices), touched.map { SearchIndex.lowerBound(of: $0, in: terms) })
        }
        // Terms came or went: merge the new ones into place and drop the emptied ones.
        newTerms.sort { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
        var mergedTerms: [String] = [], mergedPostings: [[SearchIndex.RawPosting]] = [], previous: [Int?] = []
        mergedTerms.reserveCapacity(terms.count + newTerms.count)
        mergedPostings.reserveCapacity(terms.count + newTerms.count)
        previous.reserveCapacity(terms.count + newTerms.count)
        func append(_ term: String, _ list: [SearchIndex.RawPosting], from position: Int?) {
            mergedTerms.append(term)
            mergedPostings.append(list)
            previous.append(position)
        }
        var next = 0
        for position in terms.indices {
            while next < newTerms.count, newTerms[next].term.utf16.lexicographicallyPrecedes(terms[position].utf16) {
                append(newTerms[next].term, newTerms[next].postings, from: nil)
                next += 1
            }
            if !emptied.contains(position) { append(terms[position], corpus.postings[position], from: position) }
        }
        for (term, list) in newTerms[next...] { append(term, list, from: nil) }
        corpus.terms = mergedTerms
        corpus.postings = mergedPostings
        // An emptied term is gone, and every other touched term is in the merged ones.
        let present = touched.compactMap { term -> Int? in
            let position = SearchIndex.lowerBound(of: term, in: mergedTerms)
            return position < mergedTerms.count && mergedTerms[position] == term ? position : nil
        }
        return (corpus, previous, present)
    }

    /// The index: every posting scored.
    var index: SearchIndex {
        let scorer = SearchIndex.Scorer(documentCount: documents.count, lengths: lengths, titleWords: titleWords)
        let postings = self.postings
        return SearchIndex(documents: documents, terms: terms, postings: Array(concurrentlyCount: postings.count) { scorer.score(postings[$0]) })
    }

    /// The index, keeping the postings of `old` (the index of the corpus this one replaced documents of,
    /// `previous` as `replacing` gave it) for every term whose scores came out the same. With `onlyTouched`
    /// (the average document length is as it was for `old`), only the terms there are scored again, and of
    /// those in as many documents as before only the postings of the replaced `documents`: no other term
    /// has a posting in a replaced document or a new number of documents.
    func index(reusing old: SearchIndex, previous: [Int?], onlyTouched touched: (terms: [Int], documents: [Int32])?) -> SearchIndex {
        let scorer = SearchIndex.Scorer(documentCount: documents.count, lengths: lengths, titleWords: titleWords)
        let postings = self.postings
        /// The term's postings scored again, the old ones kept where they come out the same; with
        /// `documents`, only those documents' postings scored again.
        @Sendable func score(_ position: Int, changing documents: [Int32]? = nil) -> [SearchIndex.Posting] {
            guard let before = previous[position] else { return scorer.score(postings[position]) }
            guard let documents else { return scorer.score(postings[position], unlessSameAs: old.postings[before]) }
            return scorer.score(postings[position], unlessSameAs: old.postings[before], changing: documents)
        }
        guard let touched else {
            return SearchIndex(documents: documents, terms: terms, postings: Array(concurrentlyCount: postings.count) { score($0) })
        }
        // Every new term is touched, so every other one has a previous position.
        var scored = previous.map { $0.map { old.postings[$0] } ?? [] }
        for position in touched.terms { scored[position] = score(position, changing: touched.documents) }
        return SearchIndex(documents: documents, terms: terms, postings: scored)
    }

    private static func firstPosting(in list: [SearchIndex.RawPosting], notBefore document: Int32) -> Int {
        SearchIndex.firstPlace(list.count, notBefore: Int(document)) { Int(list[$0].document) }
    }

    /// The distinct terms of `document`.
    private static func terms(of document: SearchDocument) -> [String] {
        var collector = SearchIndex.PostingsCollector()
        collector.add(document, number: 0)
        return (0..<collector.terms.count).map(collector.terms.term)
    }
}
