import Foundation

/// Turns the content graph into pages: computes each page's view data once, renders it with the theme,
/// and hands the bytes to `write`. Pages are rendered in parallel in batches.
struct SiteRenderer: Sendable {
    let graph: ContentGraph
    let config: SiteConfig
    let theme: Theme
    let introductions: [String: MarkdownDocument]
    let buildDate: String
    /// Similar pages of each page's kind, computed once for the whole build.
    let similarity: Similarity
    /// The kept search index to update, with the documents to put in it, instead of indexing every document
    /// (`LiveSite` keeps it); holds the index made once the search index is rendered, if it is to be kept.
    var search = SearchCorpusBox()
    /// The kept comparison rows to reuse and, if they are to be kept, those made (`LiveSite` keeps them).
    var comparisons = ComparisonRowsBox()
    /// The kept listing cards to reuse and, if they are to be kept, those made (`LiveSite` keeps them).
    var cards = ListingCardsBox()
    /// The home page's view as shown and, if it is to be kept, the one made (`LiveSite` keeps it).
    var home = HomeViewBox()
    /// Listing cards and comparison-table rows rendered by earlier renders (`LiveSite` keeps them).
    var fragments: TemplateFragments?
    /// How many pages the home page lists as recently updated, and how many of a kind it highlights.
    static let recentLimit = 8
    static let highlightLimit = 3
    /// Pages of this kind are listed on the home page as guides.
    static let guidesKind = "guides"
    /// A field with this key is shown in its own section of an entity page rather than in the fact sheet.
    static let sourcesField = "sources"

    private func fields(of kind: String) -> FieldRenderer {
        FieldRenderer(graph: graph, allowsRawHTML: config.allowsRawHTML, kind: kind)
    }

    /// Renders every page, or only the entity pages of `only` and the `shared` pages not tied to one entity;
    /// `write` receives an output-relative path and the page's contents.
    ///
    /// Everything runs in one task group: the search index and the comparison data are each built by one
    /// long task, so they start first and entity pages fill the other core meanwhile.
    @discardableResult
    func render(
        only: Set<EntityID>? = nil, shared: SharedPages = .all, write: @escaping @Sendable (String, String) throws -> Void
    ) async throws -> Int {
        let navigation = NavigationCache(renderer: self)
        // The pages of `only` by position, rather than every entity copied out to be checked against it.
        let positions = only.map { only in only.compactMap(graph.position(of:)).sorted() }
        let entities = positions.map { $0.map { graph.entities[$0] } } ?? graph.entities
        let mapNodes = positions.map { RelationMapNodes(graph: graph, neighboursOf: $0) } ?? RelationMapNodes(graph: graph)
        let batchSize = max(64, entities.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        var searchPages = 0
        let searchAlone = Self.searchIndexMode == "alone"
        if searchAlone {
            let start = ProcessCPUTime.now
            searchPages = try await renderSearch(write: write, navigation: navigation)
            search.measured(ProcessCPUTime.now - start)
        }
        return try await withThrowingTaskGroup(of: Int.self) { [searchPages] group in
            if !searchAlone { group.addTask { try await renderSearch(write: write, navigation: navigation) } }
            group.addTask { try await renderComparisons(of: shared, write: write, navigation: navigation) }
            if shared.overview {
                group.addTask { try renderHomeAndNotFound(write: write, navigation: navigation) }
                group.addTask { try renderMap(write: write, navigation: navigation) }
            }
            for schema in graph.schemas where shared.renders(schema.name) {
                group.addTask {
                    guard let page = listingPage(of: schema, navigation: navigation, skipsUnchanged: !shared.includes(schema.name)) else {
                        return 0
                    }
                    try write(SitePaths.kind(schema.name), page)
                    return 1
                }
            }
            for start in stride(from: 0, to: entities.count, by: batchSize) {
                let batch = entities[start..<min(start + batchSize, entities.count)]
                group.addTask {
                    for entity in batch {
                        let path = SitePaths.entity(entity.id)
                        let view = EntityPicturesView(
                            page: entityView(entity),
                            relationMap: RelationMap(entity: entity, graph: graph, nodes: mapNodes, depth: SitePaths.depth(of: path)))
                        try write(path, page(
                            view, title: entity.title, path: path, template: theme.template("entity", kind: entity.id.kind), navigation: navigation))
                    }
                    return batch.count
                }
            }
            return try await group.reduce(searchPages, +)
        }
    }

    /// The home page, unless its view is the one shown already, and the 404 page; returns how many pages it
    /// wrote.
    private func renderHomeAndNotFound(write: (String, String) throws -> Void, navigation: NavigationCache) throws -> Int {
        let view = homeView
        home.made(view)
        let showsHome = view != home.shown
        if showsHome { try write(SitePaths.home, page(view, title: config.title, path: SitePaths.home, template: "home", navigation: navigation)) }
        try write(SitePaths.notFound, page(NotFoundView(kinds: kindSummaries(depth: 0, current: nil)), title: "Page not found", path: SitePaths.notFound, template: "404", navigation: navigation))
        return showsHome ? 2 : 1
    }

    func page(_ view: any PageContext, title: String, path: String, template: String, navigation: NavigationCache) -> String {
        let depth = SitePaths.depth(of: path)
        let current = SitePaths.depth(of: path) > 0 ? String(path.prefix { $0 != "/" }) : nil
        let pageView = PageView(
            site: config, root: SitePaths.root(depth: depth), pageTitle: title,
            navigation: navigation.html(depth: depth, current: current), buildDate: buildDate, page: view)
        return theme.render(pageView, template: template, fragments: fragments)
    }

    func kindSummaries(depth: Int, current: String?) -> [KindSummaryView] {
        graph.schemas.map { schema in
            KindSummaryView(
                name: schema.name, singular: schema.singular, plural: schema.plural, description: schema.description,
                url: SitePaths.root(depth: depth) + SitePaths.kind(schema.name), count: graph.count(of: schema.name),
                isCurrent: schema.name == current, compareURL: SitePaths.root(depth: depth) + ComparePaths.table(schema.name))
        }
    }

    private var homeView: HomeView {
        let singulars = Dictionary(uniqueKeysWithValues: graph.schemas.map { ($0.name, $0.singular) })
        // By position: the fields are read in place rather than each entity copied out (the guides run to thousands).
        func link(_ position: Int) -> LinkView {
            let entities = graph.entities
            return LinkView(
                title: entities[position].title, url: SitePaths.entity(entities[position].id),
                kind: singulars[entities[position].id.kind], summary: entities[position].summary, updated: entities[position].updated)
        }
        var kinds = kindSummaries(depth: 0, current: nil)
        for index in kinds.indices {
            // The most referenced pages first: those the rest of the catalog leans on.
            // Entities of a kind are in title order already; their place breaks ties.
            let ranked = graph.range(of: kinds[index].name).map { (position: $0, references: graph.incoming[graph.entities[$0].id]?.count ?? 0) }
                .sorted { ($1.references, $0.position) < ($0.references, $1.position) }
            kinds[index].highlights = ranked.prefix(Self.highlightLimit).map { link($0.position) }
        }
        let recent = recentlyUpdated(limit: Self.recentLimit).map(link)
        let guides = graph.range(of: Self.guidesKind).map(link)
        return HomeView(
            kinds: kinds, total: graph.entities.count, recent: recent, guides: guides)
    }

    /// The positions of the `limit` most recently updated entities, newest first. Ties go by title as
    /// everywhere else: without case (the graph's order), then by kind and slug. Only a page that can still
    /// make the list has its title lowered, so the home page does not sort the whole catalog.
    private func recentlyUpdated(limit: Int) -> [Int] {
        typealias Candidate = (position: Int, updated: String, title: String, id: EntityID)
        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            (b.updated, a.title, a.id) < (a.updated, b.title, b.id)
        }
        var best: [Candidate] = []
        for position in graph.entities.indices {
            guard let updated = graph.entities[position].updated else { continue }
            if best.count == limit, let worst = best.last, updated < worst.updated { continue }
            let entity = graph.entities[position]
            let candidate = (position: position, updated: updated, title: entity.title.lowercased(), id: entity.id)
            let place = best.firstIndex { precedes(candidate, $0) } ?? best.count
            guard place < limit else { continue }
            best.insert(candidate, at: place)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.position)
    }

    /// The listing page of `schema`'s entities.
    /// `schema`'s listing page; nil when `skipsUnchanged` and every card is the one kept, so the page would be
    /// the one written last.
    func listingPage(of schema: KindSchema, navigation: NavigationCache, skipsUnchanged: Bool = false) -> String? {
        let (cards, unchanged) = listingCards(of: schema)
        if skipsUnchanged && unchanged { return nil }
        let path = SitePaths.kind(schema.name)
        return page(
            kindView(schema, cards: cards), title: schema.plural, path: path, template: theme.template("kind", kind: schema.name),
            navigation: navigation)
    }

    private func kindView(_ schema: KindSchema, cards: [EntityCardView]) -> KindPageView {
        let depth = 1
        var introductionHTML: String?
        if let introduction = introductions[schema.name] {
            rewriteLinks(of: introduction, targets: graph.introductionLinks[schema.name] ?? [], depth: depth)
            renderCompareBlocks(in: introduction, page: SitePaths.kind(schema.name))
            introductionHTML = introduction.renderHTML()
        }
        let summary = kindSummaries(depth: depth, current: schema.name).first { $0.name == schema.name }!
        return KindPageView(kind: summary, introduction: introductionHTML, entities: cards)
    }

    /// The cards of `schema`'s listing, in listing order, recorded in `cards`. Cards kept there are used as
    /// they are, except for the entities it rebuilds; `unchanged` when each of those is as it was kept.
    func listingCards(of schema: KindSchema) -> (cards: [EntityCardView], unchanged: Bool) {
        let depth = SitePaths.depth(of: SitePaths.kind(schema.name))
        let kept = cards.kept(of: schema.name)
        let entities = graph.entities(of: schema.name)
        var built: [EntityID: EntityCardView] = [:]
        let list = entities.indices.map { position -> EntityCardView in
            let id = entities[position].id
            if !cards.rebuilt.contains(id), let card = kept?[id] { return card }
            let entity = entities[position]
            let card = EntityCardView(
                link: LinkView(title: entity.title, url: SitePaths.root(depth: depth) + SitePaths.entity(entity.id), summary: entity.summary),
                facts: facts(of: entity, keys: schema.compareKeys, schema: schema, depth: depth), slug: entity.id.slug)
            built[id] = card
            return card
        }
        let unchanged = kept.map { kept in kept.count == list.count && built.allSatisfy { kept[$0.key] == $0.value } } ?? false
        cards.update(schema.name) { kept in
            if var byID = kept, built.count < list.count {
                byID.merge(built) { _, new in new }
                kept = byID
            } else {
                kept = Dictionary(zip(entities.map(\.id), list), uniquingKeysWith: { first, _ in first })
            }
        }
        return (list, unchanged)
    }

    private func entityView(_ entity: Entity) -> EntityPageView {
        let depth = SitePaths.depth(of: SitePaths.entity(entity.id))
        let schema = graph.schema(entity.id.kind)!
        rewriteLinks(of: entity.body, targets: graph.bodyLinks[entity.id] ?? [], depth: depth)
        renderCompareBlocks(in: entity.body, page: SitePaths.entity(entity.id))
        let kind = KindSummaryView(
            name: schema.name, singular: schema.singular, plural: schema.plural, description: schema.description,
            url: SitePaths.root(depth: depth) + SitePaths.kind(schema.name), count: graph.count(of: schema.name), isCurrent: true,
            compareURL: SitePaths.root(depth: depth) + ComparePaths.table(schema.name))
        let root = SitePaths.root(depth: depth)
        let similar = similarity[entity.id].compactMap { other -> SimilarView? in
            guard let page = graph.entityTitleAndSummary(of: other) else { return nil }
            return SimilarView(
                link: LinkView(title: page.title, url: SitePaths.entity(other, root: root), summary: page.summary),
                compareURL: root + ComparePaths.sideBySide + "?kind=\(schema.name)&ids=\(entity.id.slug),\(other.slug)")
        }
        let allFacts = facts(of: entity, keys: schema.fields.map(\.key), schema: schema, depth: depth)
        return EntityPageView(
            title: entity.title, slug: entity.id.slug, summary: entity.summary, kind: kind,
            facts: allFacts.filter { $0.key != Self.sourcesField },
            body: entity.body.renderHTML(),
            toc: entity.body.headings.filter { $0.level <= 3 }.map { HeadingView(text: $0.text, id: $0.id, level: $0.level) },
            outgoing: groups(graph.outgoing[entity.id] ?? [], from: entity.id, outgoing: true, depth: depth),
            incoming: groups(graph.incoming[entity.id] ?? [], from: entity.id, outgoing: false, depth: depth),
            sourcePath: entity.sourcePath, updated: entity.updated, similar: similar,
            sources: allFacts.first { $0.key == Self.sourcesField }?.html)
    }

    private func facts(of entity: Entity, keys: [String], schema: KindSchema, depth: Int) -> [FactView] {
        // One renderer for all the facts: each holds a copy of the graph, whose every part it retains.
        let renderer = fields(of: schema.name)
        return keys.compactMap { key in
            guard let field = schema.field(key), let value = entity.values[key] else { return nil }
            return FactView(key: key, label: field.label, html: renderer.html(value, type: field.type, depth: depth))
        }
    }

    /// Relations grouped under their labels: a field's label going out, its inverse label coming in.
    func groups(_ edges: [Edge], from id: EntityID, outgoing: Bool, depth: Int) -> [LinkGroupView] {
        let root = SitePaths.root(depth: depth)
        return grouped(edges, outgoing: outgoing) { other, entity, singular in
            LinkView(title: entity.title, url: SitePaths.entity(other, root: root), kind: singular, summary: entity.summary)
        }.map { LinkGroupView(label: $0.label, links: $0.links) }
    }

    /// `edges` grouped under their labels, each other end as `link` makes it from its id, title and summary,
    /// and its kind's singular name; ends that are not pages of the site are left out.
    func grouped<Link>(
        _ edges: [Edge], outgoing: Bool, link: (EntityID, (title: String, summary: String?), String) -> Link
    ) -> [(label: String, links: [Link])] {
        var groups: [(label: String, links: [Link])] = []
        // A page's edges share a few relations: each one's group (nil for a field no schema declares) is found
        // once, by a linear scan as there are few, so an edge costs no label copy or comparison.
        var groupOfRelation: [(relation: Relation, group: Int?)] = []
        // Edges and pages are read in place rather than copied, as each holds several strings.
        for index in edges.indices {
            let other = outgoing ? edges[index].target : edges[index].source
            guard let position = graph.position(of: other), let singular = graph.singular(of: other.kind) else { continue }
            let group: Int
            if let known = groupOfRelation.first(where: { $0.relation == edges[index].relation }) {
                guard let knownGroup = known.group else { continue }
                group = knownGroup
            } else {
                guard let label = relationLabel(edges[index].relation, outgoing: outgoing) else {
                    groupOfRelation.append((edges[index].relation, nil))
                    continue
                }
                if let existing = groups.firstIndex(where: { $0.label == label }) {
                    group = existing
                } else {
                    group = groups.count
                    groups.append((label, []))
                }
                groupOfRelation.append((edges[index].relation, group))
            }
            groups[group].links.append(link(other, (graph.entities[position].title, graph.entities[position].summary), singular))
        }
        return groups
    }

    /// The heading of a relation in a page's relation lists; nil for a field that no schema declares.
    private func relationLabel(_ relation: Relation, outgoing: Bool) -> String? {
        switch relation {
        case .field(let kind, let key):
            guard let sourceSchema = graph.schema(kind), let field = sourceSchema.field(key) else { return nil }
            return outgoing ? field.label : SchemaSet.inverseLabel(of: field, in: sourceSchema)
        case .mention:
            return outgoing ? "Linked from the text" : "Mentioned in"
        }
    }

    private func rewriteLinks(of document: MarkdownDocument, targets: [LinkTarget], depth: Int) {
        for (link, target) in zip(document.links, targets) {
            if let href = SitePaths.href(for: target, depth: depth) {
                document.setDestination(of: link, to: href)
            }
        }
    }
}

/// Navigation is identical on every page of the same depth and section, so it is rendered once per
/// combination instead of once per page.
final class NavigationCache: @unchecked Sendable {
    // @unchecked: all access goes through `lock`.
    private let lock = NSLock()
    private var cache: [String: String] = [:]
    private let renderer: SiteRenderer

    init(renderer: SiteRenderer) {
        self.renderer = renderer
    }

    func html(depth: Int, current: String?) -> String {
        let key = "\(depth)|\(current ?? "")"
        lock.lock()
        defer { lock.unlock() }
        if let html = cache[key] { return html }
        let view: [String: TemplateValue] = [
            "root": .string(SitePaths.root(depth: depth)),
            "kinds": .list(renderer.kindSummaries(depth: depth, current: current)),
            "site_title": .string(renderer.config.title),
        ]
        let html = renderer.theme.render(view, template: "navigation")
        cache[key] = html
        return html
    }
}
