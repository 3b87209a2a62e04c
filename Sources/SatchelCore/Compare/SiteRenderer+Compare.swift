extension SiteRenderer {
    /// Writes the comparison output of `shared`: per kind its table page, the table's CSV and the data the
    /// side-by-side page loads (kinds in parallel: a large kind's data runs to megabytes); the side-by-side
    /// page and the entity titles its data refers to; and the CSV of every ```compare block beside the page
    /// holding it. Returns the number of HTML pages written.
    func renderComparisons(
        of shared: SharedPages = .all, write: @escaping @Sendable (String, String) throws -> Void, navigation: NavigationCache
    ) async throws -> Int {
        let schemas = graph.schemas.filter { shared.renders($0.name) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for schema in schemas {
                group.addTask {
                    try renderComparison(of: schema, skipsUnchanged: !shared.includes(schema.name), write: write, navigation: navigation)
                }
            }
            if shared.overview {
                group.addTask { try write(ComparePaths.titles, EntityTitles(graph: graph).script) }
            }
            try await group.waitForAll()
        }
        if shared.overview {
            let depth = SitePaths.depth(of: ComparePaths.sideBySide)
            let kinds = zip(graph.schemas, kindSummaries(depth: depth, current: nil)).map { schema, summary in
                SideBySidePageView.Kind(
                    summary: summary, tableURL: SitePaths.root(depth: depth) + ComparePaths.table(schema.name),
                    script: ComparePaths.dataName(schema.name))
            }
            try write(ComparePaths.sideBySide, page(
                SideBySidePageView(kinds: kinds, titlesScript: ComparePaths.titlesName), title: "Compare side by side",
                path: ComparePaths.sideBySide, template: "side-by-side", navigation: navigation))
        }

        var documents = introductions.map { (page: SitePaths.kind($0.key), body: $0.value) }
        for entity in graph.entities where !entity.body.fencedBlocks.isEmpty {
            documents.append((SitePaths.entity(entity.id), entity.body))
        }
        for (page, body) in documents {
            for (index, (_, block)) in compareBlocks(of: body, page: page).enumerated() {
                let table = block.table(graph: graph, allowsRawHTML: config.allowsRawHTML, depth: SitePaths.depth(of: page))
                try write(ComparePaths.blockCSV(page: page, index: index + 1), table.csv)
            }
        }
        return schemas.count + (shared.overview ? 1 : 0)
    }

    /// One kind's table page, its CSV and its side-by-side data; none of them when `skipsUnchanged` and every
    /// row is the one kept, so they would be those written last.
    private func renderComparison(
        of schema: KindSchema, skipsUnchanged: Bool, write: (String, String) throws -> Void, navigation: NavigationCache
    ) throws {
        let dataDepth = SitePaths.depth(of: ComparePaths.sideBySide)
        let comparison = comparison(of: schema)
        if skipsUnchanged && !comparison.rowsChanged { return }
        try write(ComparePaths.table(schema.name), comparisonPage(of: schema, comparison, navigation: navigation))
        try write(ComparePaths.csv(schema.name), comparison.table.csv(records: comparison.rows.map(\.csvRecord)))
        // Items name other entities by reference, so most edits leave a kind's data as it was; a kept file is
        // left in place (only serve keeps rows, and it keeps the output's other files too).
        if comparison.itemsChanged {
            try write(
                ComparePaths.data(schema.name), SideBySideData(schema: schema, depth: dataDepth, items: comparison.rows.map(\.item)).script)
        }
    }

    /// One kind's table page, showing `comparison`, which `comparison(of:)` made.
    func comparisonPage(of schema: KindSchema, _ comparison: KindComparison, navigation: NavigationCache) -> String {
        let path = ComparePaths.table(schema.name)
        let depth = SitePaths.depth(of: path)
        let (rows, table, facets) = (comparison.rows, comparison.table, comparison.facets)
        let view = ComparePageView(
            kind: kindSummaries(depth: depth, current: schema.name).first { $0.name == schema.name }!,
            table: CompareTableView(
                table, rows: rows.map(\.view), caption: "\(schema.plural) compared", tableID: "compare-table", formID: "compare-form",
                csvURL: ComparePaths.csvName(schema.name), sortKey: CompareTable.titleKey, ascending: true),
            facets: facets,
            sideBySideURL: SitePaths.root(depth: depth) + ComparePaths.sideBySide)
        return page(
            withPictures(view, schema: schema, depth: depth), title: "Compare \(schema.plural)", path: path, template: "compare",
            navigation: navigation)
    }

    /// A kind's comparison rows, its table and its facet filters, recorded in `comparisons`. Rows kept
    /// there are used as they are, except for the entities it rebuilds. `itemsChanged` is false when the
    /// kind's side-by-side items are those kept, `rowsChanged` when every row is.
    func comparison(of schema: KindSchema) -> KindComparison {
        let depth = SitePaths.depth(of: ComparePaths.table(schema.name))
        // Links in the data are followed from the side-by-side page, not from the script's own path.
        let dataDepth = SitePaths.depth(of: ComparePaths.sideBySide)
        let renderer = FieldRenderer(graph: graph, allowsRawHTML: config.allowsRawHTML, kind: schema.name)
        let kept = comparisons.kept(of: schema.name)
        let entities = graph.entities(of: schema.name)
        let fields = schema.compareFields
        // Each entity's kept row, nil where it is made again (every row unless rows are kept).
        let keptRows = entities.indices.map { position -> ComparisonRow? in
            let id = entities[position].id
            return comparisons.rebuilt.contains(id) ? nil : kept?.rows[id]
        }
        let rebuilt = zip(entities.indices, keptRows).filter { $0.1 == nil }.map(\.0)
        // Rows are independent of each other: made in parallel, as a kind can have thousands.
        let made = [ComparisonRow](concurrentlyCount: rebuilt.count) { position in
            let entity = entities[rebuilt[position]]
            let row = CompareTable.Row(entity: entity, fields: fields, renderer: renderer, depth: depth)
            let item = SideBySideData.Item(
                entity: entity, schema: schema, renderer: renderer, root: SitePaths.root(depth: dataDepth),
                relations: relations(of: entity))
            return ComparisonRow(
                table: row, view: CompareRowView(row, fields: fields, withFacets: true), csvRecord: row.csvRecord, item: item.json)
        }
        var rows: [ComparisonRow] = []
        rows.reserveCapacity(entities.count)
        var built: [Int] = []
        // The kept rows the built ones replace; nil once an entity has none (the kept facet counts then
        // cannot be updated by the difference).
        var replaced: [ComparisonRow]? = kept.map { _ in [] }
        for (position, keptRow) in zip(entities.indices, keptRows) {
            if let keptRow {
                rows.append(keptRow)
                continue
            }
            if let old = kept?.rows[entities[position].id] { replaced?.append(old) } else { replaced = nil }
            // The entities to rebuild come in `rebuilt`'s order, so the next made row is this one.
            rows.append(made[built.count])
            built.append(rows.count - 1)
        }
        let table = CompareTable(schema: schema, fields: fields, rows: rows.map(\.table))
        // With every kept row matched (the same entities as before), the kept counts change by the rows rebuilt.
        let sameEntities = replaced != nil && kept?.rows.count == rows.count
        // Rows are in title order, and a title is part of its item: unchanged items keep their order too.
        let itemsChanged = !sameEntities || zip(built, replaced ?? []).contains { rows[$0].item != $1.item }
        let rowsChanged = !sameEntities || zip(built, replaced ?? []).contains { rows[$0] != $1 }
        var facets: [CompareFacetView] = []
        var columns: [String: ComparisonRowsBox.Facet] = [:]
        for index in table.fields.indices where CompareTable.isFacet(table.fields[index]) {
            let field = table.fields[index]
            let keptColumn = kept?.facets[field.key]
            let column: ComparisonRowsBox.Facet
            if sameEntities, let replaced, let updated = keptColumn?.replacing(
                replaced.map { $0.table.cells[index].facets }, with: built.map { rows[$0].table.cells[index].facets }) {
                column = .kept(updated)
            } else {
                column = .counted(table.facetOptions(column: index, known: keptColumn?.options.map(\.value)))
            }
            columns[field.key] = column
            facets.append(CompareFacetView(
                key: field.key, label: field.label, options: column.options.map { CompareFacetOptionView(value: $0.value, count: $0.count) }))
        }
        comparisons.made(rows, built: built, facets: columns, of: schema.name)
        return KindComparison(rows: rows, table: table, facets: facets, itemsChanged: itemsChanged, rowsChanged: rowsChanged)
    }

    /// Shows each ```compare block of the body of the page at `page` as its table.
    func renderCompareBlocks(in body: MarkdownDocument, page: String) {
        guard !body.fencedBlocks.isEmpty else { return }
        let depth = SitePaths.depth(of: page)
        for (index, (source, block)) in compareBlocks(of: body, page: page).enumerated() {
            let table = block.table(graph: graph, allowsRawHTML: config.allowsRawHTML, depth: depth)
            let view = CompareTableView(
                table, caption: block.caption ?? "\(block.schema.plural) compared", tableID: nil, formID: nil,
                csvURL: ComparePaths.blockCSVName(page: page, index: index + 1), sortKey: block.sortKey, ascending: block.ascending)
            body.replace(source, withHTML: theme.render(view, template: "compare-table"))
        }
    }

    /// The body's compare blocks, in order. They were checked when the model was built
    /// (`CompareBlock.check`, which reports into the source file), so none fails here and the page path
    /// stands in for the file.
    private func compareBlocks(of body: MarkdownDocument, page: String) -> [(MarkdownDocument.FencedBlock, CompareBlock)] {
        body.fencedBlocks.filter { $0.info == CompareBlock.info }.compactMap { source in
            (try? CompareBlock.parse(source, file: page, graph: graph, kinds: config.kinds).get()).map { (source, $0) }
        }
    }

    /// What the side-by-side page lists under an entity's fields: the entities pointing at it, and those its
    /// text links to (the ones its fields name are fields already).
    private func relations(of entity: Entity) -> [SideBySideData.RelationGroup] {
        let mentions = (graph.outgoing[entity.id] ?? []).filter { $0.relation == .mention }
        return (grouped(mentions, outgoing: true) { id, _, _ in id } + grouped(graph.incoming[entity.id] ?? [], outgoing: false) { id, _, _ in id })
            .map { SideBySideData.RelationGroup(label: $0.label, ids: $0.links) }
    }
}

/// What `SiteRenderer.comparison(of:)` makes of a kind: its rows, table and facet filters, and whether the
/// side-by-side items, or any part of a row, differ from those kept.
struct KindComparison {
    var rows: [ComparisonRow]
    var table: CompareTable
    var facets: [CompareFacetView]
    var itemsChanged: Bool
    var rowsChanged: Bool
}
