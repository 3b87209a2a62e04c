extension SiteRenderer {
    /// Writes the catalog map page; returns the number of pages written.
    func renderMap(write: (String, String) throws -> Void, navigation: NavigationCache) throws -> Int {
        let depth = SitePaths.depth(of: SitePaths.map)
        let map = CatalogMap(graph: graph, depth: depth)
        let view = MapPageView(map: map, kinds: mapKinds(depth: depth, withEntities: !map.isOverview), total: graph.entities.count)
        try write(SitePaths.map, page(view, title: "Catalog map", path: SitePaths.map, template: "map", navigation: navigation))
        return 1
    }

    /// The map page's list: every kind with the kinds it is linked with and, unless the catalog is too big
    /// for one page, every page with the pages it links to and those linking to it.
    private func mapKinds(depth: Int, withEntities: Bool) -> [MapKindView] {
        let root = SitePaths.root(depth: depth)
        let counts = graph.kindLinkCounts
        func link(_ id: EntityID) -> LinkView? {
            guard let title = graph.entityTitle(of: id), let schema = graph.schema(id.kind) else { return nil }
            return LinkView(title: title, url: root + SitePaths.entity(id), kind: schema.singular, summary: nil)
        }
        func unique(_ ids: [EntityID]) -> [LinkView] {
            var seen: Set<EntityID> = []
            return ids.filter { seen.insert($0).inserted }.compactMap(link)
        }
        return zip(graph.schemas.indices, kindSummaries(depth: depth, current: nil)).map { kind, summary in
            let schema = graph.schemas[kind]
            let entities = withEntities ? graph.entities(of: schema.name).map { entity in
                MapEntityView(
                    link: LinkView(title: entity.title, url: root + SitePaths.entity(entity.id), kind: schema.singular, summary: nil),
                    outgoing: unique((graph.outgoing[entity.id] ?? []).map(\.target)),
                    incoming: unique((graph.incoming[entity.id] ?? []).map(\.source)))
            } : []
            // A kind's references to itself count once, others both ways.
            let linked = graph.schemas.indices.compactMap { other -> MapConnectionView? in
                let count = counts[kind][other] + (kind == other ? 0 : counts[other][kind])
                guard count > 0 else { return nil }
                return MapConnectionView(
                    plural: graph.schemas[other].plural, url: root + SitePaths.kind(graph.schemas[other].name), count: count)
            }
            return MapKindView(summary: summary, entities: entities, connections: linked)
        }
    }

    /// The comparison page `view` of `schema` with the charts and matrices its schema asks for.
    func withPictures(_ view: ComparePageView, schema: KindSchema, depth: Int) -> ComparePicturesView {
        let entities = graph.entities(of: schema.name)
        let charts = schema.fields.filter(\.isCharted).compactMap { field in
            FieldChart(field: field, schema: schema, entities: entities, depth: depth).map {
                ChartView(id: "chart-\(field.key)", chart: $0, inTable: schema.compareKeys.contains(field.key))
            }
        }
        let matrices = schema.fields.filter(\.isMatrix).compactMap { field in
            ReferenceMatrix(field: field, schema: schema, entities: entities, graph: graph, depth: depth).map {
                MatrixView(id: "matrix-\(field.key)", matrix: $0)
            }
        }
        return ComparePicturesView(page: view, charts: charts, matrices: matrices)
    }
}
