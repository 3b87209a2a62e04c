import Foundation

/// Turns the content graph into pages: computes each page's view data once, renders it with the theme,
/// and hands the bytes to `write`. Pages are rendered in parallel in batches.
struct SiteRenderer: Sendable {
    let graph: ContentGraph
    let config: SiteConfig
    let theme: Theme
    let introductions: [String: MarkdownDocument]
    let buildDate: String

    private func fields(of kind: String) -> FieldRenderer {
        FieldRenderer(graph: graph, allowsRawHTML: config.allowsRawHTML, kind: kind)
    }

    /// Renders every page, or only the entity pages of `only` (with every page not tied to one entity);
    /// `write` receives an output-relative path and the page's contents.
    @discardableResult
    func render(only: Set<EntityID>? = nil, write: @escaping @Sendable (String, String) throws -> Void) async throws -> Int {
        let navigation = NavigationCache(renderer: self)
        var count = 0
        try write(SitePaths.home, page(homeView, title: config.title, path: SitePaths.home, template: "home", navigation: navigation))
        try write(SitePaths.notFound, page(NotFoundView(kinds: kindSummaries(depth: 0, current: nil)), title: "Page not found", path: SitePaths.notFound, template: "404", navigation: navigation))
        count += 2
        for schema in graph.schemas {
            let path = SitePaths.kind(schema.name)
            try write(path, page(kindView(schema), title: schema.plural, path: path, template: "kind", navigation: navigation))
            count += 1
        }
        count += try await renderSearch(write: write, navigation: navigation)
        count += try await renderComparisons(write: write, navigation: navigation)
        count += try renderMap(write: write, navigation: navigation)
        let entities = only.map { only in graph.entities.filter { only.contains($0.id) } } ?? graph.entities
        let batchSize = max(64, entities.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: entities.count, by: batchSize) {
                let batch = entities[start..<min(start + batchSize, entities.count)]
                group.addTask {
                    for entity in batch {
                        let path = SitePaths.entity(entity.id)
                        let view = EntityPicturesView(
                            page: entityView(entity), relationMap: RelationMap(entity: entity, graph: graph, depth: SitePaths.depth(of: path)))
                        try write(path, page(view, title: entity.title, path: path, template: "entity", navigation: navigation))
                    }
                }
            }
            try await group.waitForAll()
        }
        return count + entities.count
    }

    func page(_ view: any PageContext, title: String, path: String, template: String, navigation: NavigationCache) -> String {
        let depth = SitePaths.depth(of: path)
        let current = SitePaths.depth(of: path) > 0 ? String(path.prefix { $0 != "/" }) : nil
        let pageView = PageView(
            site: config, root: SitePaths.root(depth: depth), pageTitle: title,
            navigation: navigation.html(depth: depth, current: current), buildDate: buildDate, page: view)
        return theme.render(pageView, template: template)
    }

    func kindSummaries(depth: Int, current: String?) -> [KindSummaryView] {
        graph.schemas.map { schema in
            KindSummaryView(
                name: schema.name, singular: schema.singular, plural: schema.plural, description: schema.description,
                url: SitePaths.root(depth: depth) + SitePaths.kind(schema.name), count: graph.count(of: schema.name),
                isCurrent: schema.name == current)
        }
    }

    private var homeView: HomeView {
        HomeView(kinds: kindSummaries(depth: 0, current: nil), total: graph.entities.count)
    }

    private func kindView(_ schema: KindSchema) -> KindPageView {
        let depth = 1
        var introductionHTML: String?
        if let introduction = introductions[schema.name] {
            rewriteLinks(of: introduction, targets: graph.introductionLinks[schema.name] ?? [], depth: depth)
            renderCompareBlocks(in: introduction, page: SitePaths.kind(schema.name))
            introductionHTML = introduction.renderHTML()
        }
        let cards = graph.entities(of: schema.name).map { entity in
            EntityCardView(
                link: LinkView(title: entity.title, url: SitePaths.root(depth: depth) + SitePaths.entity(entity.id), summary: entity.summary),
                facts: facts(of: entity, keys: schema.compareKeys, schema: schema, depth: depth), slug: entity.id.slug)
        }
        let summary = kindSummaries(depth: depth, current: schema.name).first { $0.name == schema.name }!
        return KindPageView(kind: summary, introduction: introductionHTML, entities: cards)
    }

    private func entityView(_ entity: Entity) -> EntityPageView {
        let depth = SitePaths.depth(of: SitePaths.entity(entity.id))
        let schema = graph.schema(entity.id.kind)!
        rewriteLinks(of: entity.body, targets: graph.bodyLinks[entity.id] ?? [], depth: depth)
        renderCompareBlocks(in: entity.body, page: SitePaths.entity(entity.id))
        let kind = KindSummaryView(
            name: schema.name, singular: schema.singular, plural: schema.plural, description: schema.description,
            url: SitePaths.root(depth: depth) + SitePaths.kind(schema.name), count: graph.count(of: schema.name), isCurrent: true)
        return EntityPageView(
            title: entity.title, slug: entity.id.slug, summary: entity.summary, kind: kind,
            facts: facts(of: entity, keys: schema.fields.map(\.key), schema: schema, depth: depth),
            body: entity.body.renderHTML(),
            toc: entity.body.headings.filter { $0.level <= 3 }.map { HeadingView(text: $0.text, id: $0.id, level: $0.level) },
            outgoing: groups(graph.outgoing[entity.id] ?? [], from: entity.id, outgoing: true, depth: depth),
            incoming: groups(graph.incoming[entity.id] ?? [], from: entity.id, outgoing: false, depth: depth),
            sourcePath: entity.sourcePath)
    }

    private func facts(of entity: Entity, keys: [String], schema: KindSchema, depth: Int) -> [FactView] {
        keys.compactMap { key in
            guard let field = schema.field(key), let value = entity.values[key] else { return nil }
            return FactView(key: key, label: field.label, html: fields(of: schema.name).html(value, type: field.type, depth: depth))
        }
    }

    /// Relations grouped under their labels: a field's label going out, its inverse label coming in.
    func groups(_ edges: [Edge], from id: EntityID, outgoing: Bool, depth: Int) -> [LinkGroupView] {
        var order: [String] = []
        var links: [String: [LinkView]] = [:]
        for edge in edges {
            let other = outgoing ? edge.target : edge.source
            guard let entity = graph.entity(other), let schema = graph.schema(other.kind) else { continue }
            let label: String
            switch edge.relation {
            case .field(let kind, let key):
                guard let sourceSchema = graph.schema(kind), let field = sourceSchema.field(key) else { continue }
                label = outgoing ? field.label : SchemaSet.inverseLabel(of: field, in: sourceSchema)
            case .mention:
                label = outgoing ? "Linked from the text" : "Mentioned in"
            }
            if links[label] == nil { order.append(label) }
            links[label, default: []].append(LinkView(
                title: entity.title, url: SitePaths.root(depth: depth) + SitePaths.entity(other), kind: schema.singular,
                summary: entity.summary))
        }
        return order.map { LinkGroupView(label: $0, links: links[$0]!) }
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
