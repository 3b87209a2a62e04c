import Foundation

extension SiteRenderer {
    /// Where the search page is written; its form's `q` and `kind` parameters say what to show.
    static let searchPage = "\(SearchBundle.folder)/index.html"

    /// Writes the search page and the index files its script loads; returns the number of pages written.
    ///
    /// With the environment variable `SATCHEL_SEARCH_INDEX=off` the index files are not written, which is
    /// how `Benchmarks/search_bench.py` measures what building the index costs.
    func renderSearch(write: @escaping @Sendable (String, String) throws -> Void, navigation: NavigationCache) async throws -> Int {
        let view = SearchPageView(kinds: kindSummaries(depth: SitePaths.depth(of: Self.searchPage), current: nil))
        try write(Self.searchPage, page(view, title: "Search", path: Self.searchPage, template: "search", navigation: navigation))
        guard ProcessInfo.processInfo.environment["SATCHEL_SEARCH_INDEX"] != "off" else { return 1 }
        let corpus: SearchCorpus
        if let kept = search.corpus { corpus = kept } else { corpus = await SearchCorpus.collect(SearchDocument.documents(in: graph)) }
        search.indexed(corpus)
        let index = corpus.index
        let files = SearchBundle(index: index, schemas: graph.schemas).files
        let batchSize = max(64, files.count / (ProcessInfo.processInfo.activeProcessorCount * 2) + 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: files.count, by: batchSize) {
                let batch = files[start..<min(start + batchSize, files.count)]
                group.addTask {
                    for file in batch { try write(file.path, file.contents) }
                }
            }
            try await group.waitForAll()
        }
        return 1
    }
}
