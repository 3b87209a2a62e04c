/// How pages are drawn as neighbours in relation maps: each page's label fitted to its box and its link
/// and texts escaped once per render, rather than once per map it appears in (a page is a neighbour on
/// about twenty maps of a 10,000-page catalog).
struct RelationMapNodes: Sendable {
    /// What a relation map draws for one page, wherever it is a neighbour.
    final class Page: Sendable, Equatable {
        let title: String
        /// The title as shown, shortened to fit its box.
        let label: String
        /// The page's path from the output root.
        let path: String
        /// `path` escaped, then the tooltip (a `<title>` with the full title, nothing when the label is the
        /// title), then `label` escaped: `escapedPath`, `tooltip` and `escapedLabel` are its parts.
        private let markup: [UInt8]
        private let pathEnd: Int
        private let tooltipEnd: Int

        init(_ entity: Entity) {
            title = entity.title
            label = PictureLabel.fit(entity.title, width: RelationMap.nodeWidth - 14, fontSize: RelationMap.fontSize)
            path = SitePaths.entity(entity.id)
            var markup: [UInt8] = []
            markup.reserveCapacity(path.utf8.count + 2 * title.utf8.count + 24)
            HTML.append(escaping: path, to: &markup)
            pathEnd = markup.count
            if label != title {
                markup.append(contentsOf: "<title>".utf8)
                HTML.append(escaping: title, to: &markup)
                markup.append(contentsOf: "</title>".utf8)
            }
            tooltipEnd = markup.count
            HTML.append(escaping: label, to: &markup)
            self.markup = markup
        }

        var escapedPath: ArraySlice<UInt8> { markup[..<pathEnd] }
        var tooltip: ArraySlice<UInt8> { markup[pathEnd..<tooltipEnd] }
        var escapedLabel: ArraySlice<UInt8> { markup[tooltipEnd...] }

        static func == (lhs: Page, rhs: Page) -> Bool {
            lhs.title == rhs.title && lhs.label == rhs.label && lhs.path == rhs.path
        }
    }

    private let byPosition: [Page?]

    /// Every page of `graph`, prepared in parallel: for a render of the whole site.
    init(graph: ContentGraph) {
        byPosition = Array(concurrentlyCount: graph.entities.count) { Page(graph.entities[$0]) }
    }

    /// The neighbours of the pages at `positions`: for a render of a few pages.
    init(graph: ContentGraph, neighboursOf positions: [Int]) {
        var byPosition = [Page?](repeating: nil, count: graph.entities.count)
        func prepare(_ id: EntityID) {
            guard let position = graph.position(of: id), byPosition[position] == nil else { return }
            byPosition[position] = Page(graph.entities[position])
        }
        for position in positions {
            let id = graph.entities[position].id
            for edge in graph.outgoing[id] ?? [] { prepare(edge.target) }
            for edge in graph.incoming[id] ?? [] { prepare(edge.source) }
        }
        self.byPosition = byPosition
    }

    /// The page at `position` of `graph`, as prepared, or prepared now if it was not.
    func page(at position: Int, in graph: ContentGraph) -> Page {
        byPosition[position] ?? Page(graph.entities[position])
    }
}
