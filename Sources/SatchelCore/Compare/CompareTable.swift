import Foundation

/// A typed comparison of entities of one kind: one row per entity, one column per field. Built once per
/// table and shown three ways: as an HTML table, as a CSV file, and (per kind) as side-by-side data.
struct CompareTable: Sendable {
    /// One entity: its title (the row header) and a cell per column.
    struct Row: Sendable, Equatable {
        var id: EntityID
        var title: String
        var url: String
        var cells: [CompareCell]

        /// The row of `entity`, a cell per field, with links for a page `depth` folders deep.
        init(entity: Entity, fields: [FieldSpec], renderer: FieldRenderer, depth: Int) {
            id = entity.id
            title = entity.title
            url = SitePaths.root(depth: depth) + SitePaths.entity(entity.id)
            cells = fields.map { CompareCell(value: entity.values[$0.key], field: $0, renderer: renderer, depth: depth) }
        }

        /// The row's CSV record: its title, then each cell's shown text.
        var csvRecord: String {
            CSV.record([title] + cells.map(\.text))
        }
    }

    /// A value of a facet column and how many rows hold it.
    struct FacetOption: Sendable, Hashable {
        var value: String
        var count: Int
    }

    /// The key that sorts by the row header.
    static let titleKey = "title"

    var schema: KindSchema
    var fields: [FieldSpec]
    var rows: [Row]

    /// Builds the rows of `entities`, in the order given, with links for a page `depth` folders deep.
    init(schema: KindSchema, fields: [FieldSpec], entities: some Sequence<Entity>, graph: ContentGraph, allowsRawHTML: Bool, depth: Int) {
        let renderer = FieldRenderer(graph: graph, allowsRawHTML: allowsRawHTML, kind: schema.name)
        self.init(schema: schema, fields: fields, rows: entities.map { Row(entity: $0, fields: fields, renderer: renderer, depth: depth) })
    }

    /// A table of rows built already, in the order given.
    init(schema: KindSchema, fields: [FieldSpec], rows: [Row]) {
        self.schema = schema
        self.fields = fields
        self.rows = rows
    }

    /// The sort key of a row in the column `key` (a field key or `title`).
    func sortKey(of row: Row, column key: String) -> CompareSortKey? {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { return .text(row.title) }
        return row.cells[index].sortKey
    }

    /// The table with its rows ordered by one column; rows with equal keys keep their order and rows
    /// without a value go last.
    func sorted(by key: String, ascending: Bool) -> CompareTable {
        var table = self
        table.rows = rows.enumerated().sorted { left, right in
            let leftKey = sortKey(of: left.element, column: key), rightKey = sortKey(of: right.element, column: key)
            if CompareSortKey.precedes(leftKey, rightKey, ascending: ascending) { return true }
            if CompareSortKey.precedes(rightKey, leftKey, ascending: ascending) { return false }
            return left.offset < right.offset
        }.map(\.element)
        return table
    }

    /// Whether a column gets a facet filter: enums and references, whose few distinct values are worth
    /// picking from.
    static func isFacet(_ field: FieldSpec) -> Bool {
        switch field.type.elementType {
        case .enumeration, .ref: true
        default: false
        }
    }

    /// The values of a facet column that occur in the table: enums in their declared order, references by
    /// title. `known`, the same column's values in the order a table had them before, saves sorting again:
    /// the values still there keep their order and new ones are put in place, which gives the same order.
    func facetOptions(column index: Int, known: [String]? = nil) -> [FacetOption] {
        var counts: [String: Int] = [:]
        for row in rows {
            for value in Self.distinct(row.cells[index].facets) { counts[value, default: 0] += 1 }
        }
        let values: [String]
        if case .enumeration(let declared) = fields[index].type.elementType {
            values = declared.filter { counts[$0] != nil }
        } else if let known {
            var ordered = known.filter { counts[$0] != nil }
            let kept = Set(ordered)
            let added = counts.keys.filter { !kept.contains($0) }
            // Each insertion moves the values after it: many new values are sorted in one go instead.
            if added.count > 32 {
                ordered = counts.keys.sorted(by: Self.facetPrecedes)
            } else {
                for value in added {
                    var low = 0, high = ordered.count
                    while low < high {
                        let middle = (low + high) / 2
                        if Self.facetPrecedes(ordered[middle], value) { low = middle + 1 } else { high = middle }
                    }
                    ordered.insert(value, at: low)
                }
            }
            values = ordered
        } else {
            values = counts.keys.sorted(by: Self.facetPrecedes)
        }
        return values.map { FacetOption(value: $0, count: counts[$0]!) }
    }

    /// A cell's facet values, each once: a row counts once per value. Its few values are checked in place
    /// rather than put in a set.
    static func distinct(_ facets: [String]) -> some Sequence<String> {
        facets.indices.lazy.filter { !facets[..<$0].contains(facets[$0]) }.map { facets[$0] }
    }

    /// The order of facet values: without case or accents, numbers by value; values that compare the same
    /// ("Café", "cafe") by their code points, so that the order never depends on the order values came in.
    static func facetPrecedes(_ left: String, _ right: String) -> Bool {
        switch TextOrder.compare(left, right) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: left < right
        }
    }

    /// The table as RFC 4180 CSV: a header row of labels (the kind's singular name heads the title column),
    /// then each row's shown text.
    var csv: String {
        csv(records: rows.map(\.csvRecord))
    }

    /// The CSV file of the rows' records (each row's `csvRecord`), after the header row.
    func csv(records: [String]) -> String {
        CSV.record([schema.singular] + fields.map(\.label)) + records.joined()
    }
}
