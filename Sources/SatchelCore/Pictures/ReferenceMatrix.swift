/// A cross-reference table for a reference field a schema marks `matrix: true`: one row per page of the kind
/// that names at least one target, one column per page named, a tick where the row names the column.
/// Rendered as an HTML table with row and column headers (links), each tick a symbol with a text
/// equivalent, so it reads cell by cell in a screen reader and needs no colour.
struct ReferenceMatrix: Sendable, Equatable {
    struct Header: Sendable, Equatable {
        var title: String
        var href: String
    }

    struct Row: Sendable, Equatable {
        var header: Header
        /// For each column, whether this row names it.
        var cells: [Bool]
    }

    /// The most rows and columns shown; the comparison table lists every value.
    static let rowLimit = 60
    static let columnLimit = 30

    var field: FieldSpec
    var kindPlural: String
    var targetPlural: String
    var columns: [Header]
    var rows: [Row]
    /// Pages naming at least one target, and targets named, before the limits.
    var totalRows: Int
    var totalColumns: Int

    /// Whether a schema may mark a field of this type `matrix: true`.
    static func accepts(_ type: FieldType) -> Bool {
        type.referencedKind != nil
    }

    /// The matrix of `field` across `entities`, or nil when no page names a target. Columns are the most named
    /// targets (ties and then display in the graph's order); rows are the first pages in title order.
    init?(field: FieldSpec, schema: KindSchema, entities: some Sequence<Entity>, graph: ContentGraph, depth: Int) {
        guard let targetKind = field.type.referencedKind, let targetSchema = graph.schema(targetKind) else { return nil }
        var named: [(entity: Entity, targets: Set<EntityID>)] = []
        var counts: [EntityID: Int] = [:]
        for entity in entities {
            guard let value = entity.values[field.key] else { continue }
            let targets = Set(value.referencedSlugs.map { EntityID(kind: targetKind, slug: $0.slug) }.filter(graph.containsEntity))
            guard !targets.isEmpty else { continue }
            named.append((entity, targets))
            for target in targets { counts[target, default: 0] += 1 }
        }
        guard !named.isEmpty else { return nil }
        let root = SitePaths.root(depth: depth)
        let position = { (id: EntityID) in graph.position(of: id) ?? 0 }
        let chosen = counts.sorted { ($1.value, position($0.key)) < ($0.value, position($1.key)) }
            .prefix(Self.columnLimit).map(\.key).sorted { position($0) < position($1) }
        self.field = field
        kindPlural = schema.plural
        targetPlural = targetSchema.plural
        columns = chosen.map { Header(title: graph.entityTitle(of: $0) ?? $0.slug, href: root + SitePaths.entity($0)) }
        rows = named.prefix(Self.rowLimit).map { item in
            Row(
                header: Header(title: item.entity.title, href: root + SitePaths.entity(item.entity.id)),
                cells: chosen.map(item.targets.contains))
        }
        totalRows = named.count
        totalColumns = counts.count
    }

    /// The matrix as an HTML table in a horizontally scrolling region.
    func html(id: String) -> String {
        var html = "<div class=\"matrix-scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">"
        html += "<table class=\"reference-matrix\" id=\"\(id)\"><caption id=\"\(id)-caption\">\(HTML.escape(kindPlural)) × \(HTML.escape(field.label))"
        if rows.count < totalRows || columns.count < totalColumns {
            html += " <span class=\"matrix-note\">(the first \(rows.count) of \(totalRows) \(HTML.escape(kindPlural.lowercased())), the \(columns.count) most named of \(totalColumns) \(HTML.escape(targetPlural.lowercased())))</span>"
        }
        html += "</caption><thead><tr><td></td>"
        for column in columns {
            html += "<th scope=\"col\"><a href=\"\(HTML.escape(column.href))\">\(HTML.escape(column.title))</a></th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr><th scope=\"row\"><a href=\"\(HTML.escape(row.header.href))\">\(HTML.escape(row.header.title))</a></th>"
            for cell in row.cells {
                html += cell
                    ? "<td class=\"matrix-yes\"><span aria-hidden=\"true\">✓</span><span class=\"picture-hidden\">Yes</span></td>"
                    : "<td><span class=\"picture-hidden\">No</span></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}
