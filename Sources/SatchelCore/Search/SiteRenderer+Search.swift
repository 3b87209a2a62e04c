import Foundation

extension SiteRenderer {
    /// Where the search page is written; its form's `q` and `kind` parameters say what to show.
    static let searchPage = "\(SearchBundle.folder)/index.html"

    /// `SATCHEL_SEARCH_INDEX`: `off` builds without the index files; `alone` builds the search page and index
    /// before every other page, by themselves, so that the process's CPU time over that span is the index's
    /// alone (`BuildSummary.searchIndexCPU`): what `Benchmarks/search_bench.py` holds to its budget, as one
    /// build's two parts vary together where two builds' totals vary apart on a shared machine.
    static var searchIndexMode: String? { ProcessInfo.processInfo.environment["SATCHEL_SEARCH_INDEX"] }

    /// Writes the search page and the index files its script loads (after an update of a kept index, only
    /// the files that changed); returns the number of pages written.
    ///
    /// With the environment variable `SATCHEL_SEARCH_INDEX=off` the index files are not written, which is
    /// how `Benchmarks/search_bench.py` compares builds with and without the index.
    func renderSearch(write: @escaping @Sendable (String, String) throws -> Void, navigation: NavigationCache) async throws -> Int {
        let view = SearchPageView(kinds: kindSummaries(depth: SitePaths.depth(of: Self.searchPage), current: nil))
        try write(Self.searchPage, page(view, title: "Search", path: Self.searchPage, template: "search", navigation: navigation))
        guard Self.searchIndexMode != "off" else { return 1 }
        let bundle: SearchBundle
        let numbers: [Int]
        if let kept = search.indexed, let replacements = search.replacements {
            let (indexed, changed) = kept.replacing(replacements, schemas: graph.schemas)
            search.made(indexed)
            (bundle, numbers) = (indexed.bundle, changed)
        } else if search.keeps {
            let indexed = IndexedCorpus(SearchCorpus.collect(SearchDocument.documents(in: graph)), schemas: graph.schemas)
            search.made(indexed)
            bundle = indexed.bundle
            numbers = Array(bundle.paths.indices)
        } else {
            // Nothing is kept: the corpus goes once scored and the index once cut into files, which keeps
            // a whole build's peak memory down.
            bundle = SearchBundle(index: SearchCorpus.collect(SearchDocument.documents(in: graph)).index, schemas: graph.schemas)
            numbers = Array(bundle.paths.indices)
        }
        // Each file is made as it is written, so the index's text is never held whole beside its pieces.
        let paths = bundle.paths
        let batchSize = max(64, numbers.count / (ProcessInfo.processInfo.activeProcessorCount * 2) + 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: numbers.count, by: batchSize) {
                let batch = numbers[start..<min(start + batchSize, numbers.count)]
                group.addTask {
                    for number in batch { try write(paths[number], bundle.contents(ofFile: number)) }
                }
            }
            try await group.waitForAll()
        }
        return 1
    }
}
