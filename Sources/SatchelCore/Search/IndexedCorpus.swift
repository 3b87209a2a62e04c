import Foundation

/// A search corpus with the index and the files made from it: what `LiveSite` keeps, so that an edit which
/// moves no page tokenises, scores and writes again only what the edited documents change.
struct IndexedCorpus: Sendable {
    let corpus: SearchCorpus
    let index: SearchIndex
    let bundle: SearchBundle

    init(_ corpus: SearchCorpus, schemas: [KindSchema]) {
        self.corpus = corpus
        index = corpus.index
        bundle = SearchBundle(index: index, schemas: schemas)
    }

    private init(corpus: SearchCorpus, index: SearchIndex, bundle: SearchBundle) {
        self.corpus = corpus
        self.index = index
        self.bundle = bundle
    }

    /// This corpus with the documents at the given positions replaced, and the numbers (in its bundle's
    /// `paths`) of the files that changed. The files are those a whole build of the new documents makes.
    func replacing(_ replacements: [Int: SearchDocument], schemas: [KindSchema]) -> (indexed: IndexedCorpus, changed: [Int]) {
        let (corpus, previous, touched) = corpus.replacing(replacements)
        let sameAverage = SearchIndex.Scorer.averageLength(of: corpus.lengths) == SearchIndex.Scorer.averageLength(of: self.corpus.lengths)
        let index = corpus.index(
            reusing: self.index, previous: previous, onlyTouched: sameAverage ? (touched, replacements.keys.sorted().map(Int32.init)) : nil)
        let (bundle, changed) = bundle.updated(
            to: index, from: self.index, previous: previous, changedDocuments: Set(replacements.keys), schemas: schemas)
        return (IndexedCorpus(corpus: corpus, index: index, bundle: bundle), changed)
    }
}

/// The search index a render starts from and, for the `LiveSite` that keeps it, the one it made.
final class SearchCorpusBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: IndexedCorpus?
    /// Documents to put in place of the stored corpus's, by position; nil to index every document anew.
    let replacements: [Int: SearchDocument]?
    /// Whether the index made is kept: a plain build lets it go once written (tens of MB at 10,000 pages).
    let keeps: Bool

    init(_ indexed: IndexedCorpus? = nil, replacing replacements: [Int: SearchDocument]? = nil, keeping keeps: Bool = false) {
        stored = indexed
        self.replacements = indexed == nil ? nil : replacements
        self.keeps = keeps
    }

    var indexed: IndexedCorpus? {
        lock.withLock { stored }
    }

    /// Records the index just made, if it is to be kept.
    func made(_ indexed: IndexedCorpus) {
        lock.withLock { stored = keeps ? indexed : nil }
    }

    private var measuredCPU: Duration?

    /// The CPU time of building the search page and index by themselves (`SATCHEL_SEARCH_INDEX=alone`).
    var cpuTime: Duration? {
        lock.withLock { measuredCPU }
    }

    func measured(_ time: Duration) {
        lock.withLock { measuredCPU = time }
    }
}
