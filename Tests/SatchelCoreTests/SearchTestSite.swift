@testable import SatchelCore

/// The fixture site's search index, after writing `pages` (path → file text) into a copy of it.
struct SearchTestSite {
    let index: SearchIndex

    init(_ pages: [String: String] = [:]) async throws {
        let site = try FixtureSite()
        for (path, text) in pages { try site.write(path, text) }
        let model = try await site.site.model()
        index = SearchIndex.build(SearchDocument.documents(in: model.graph))
    }

    /// Titles of the results of `query`, best first.
    func titles(_ query: String) -> [String] {
        SearchQuery(query).run(on: index).map { index.documents[$0.document].title }
    }

    /// `kind/slug` of the results of `query`, best first.
    func ids(_ query: String) -> [String] {
        SearchQuery(query).run(on: index).map { index.documents[$0.document].id.description }
    }
}
