// View data for the pictures: the relation map on entity pages, charts and matrices on comparison pages,
// and the catalog map page. Every HTML string is escaped already; templates insert them with `{{{…}}}`.

/// An entity page with its relation map: the entity page's keys, plus `{{{relation_map}}}` (inline SVG,
/// hidden from assistive technology: the relations lists hold the same links) and `has_relation_map`.
struct EntityPicturesView: Sendable {
    var page: EntityPageView
    var relationMap: RelationMap?
}

/// A chart on a comparison page: `{{id}}`, `{{label}}` (the field's), `{{plural}}` (the kind's), `{{{svg}}}`,
/// `{{note}}` when only some pages are drawn, `in_table` when the comparison table lists the same values, and
/// otherwise `{{{data_table}}}`, the values as a table.
struct ChartView: Sendable {
    var id: String
    var chart: FieldChart
    var inTable: Bool
}

/// A cross-reference matrix on a comparison page: `{{label}}` (the field's) and `{{{html}}}`, the table.
struct MatrixView: Sendable {
    var id: String
    var matrix: ReferenceMatrix
}

/// A comparison page with its pictures: the comparison page's keys, plus `{{#charts}}`, `{{#matrices}}`,
/// `has_charts` and `has_matrices`.
struct ComparePicturesView: Sendable {
    var page: ComparePageView
    var charts: [ChartView]
    var matrices: [MatrixView]
}

/// The catalog map page: `{{{map}}}` (inline SVG, hidden from assistive technology: the list holds the same
/// links), `overview` when it shows kinds rather than pages, `{{entity_limit}}`, `{{total}}` pages,
/// `{{link_count}}`, and `{{#kinds}}` for the list beside it.
struct MapPageView: Sendable {
    var map: CatalogMap
    var kinds: [MapKindView]
    var total: Int
}

/// A kind in the map's list: the kind summary's keys, `{{#entities}}` (empty in an overview) with `has_entities`, and
/// `{{#connections}}`, the kinds its pages link to or are linked from, with how many links.
struct MapKindView: Sendable {
    var summary: KindSummaryView
    var entities: [MapEntityView]
    var connections: [MapConnectionView]
}

/// A page in the map's list: its link's keys, `{{#outgoing}}` and `{{#incoming}}` (the pages it links to and
/// those linking to it), `has_outgoing`, `has_incoming`.
struct MapEntityView: Sendable {
    var link: LinkView
    var outgoing: [LinkView]
    var incoming: [LinkView]
}

/// Links between one kind and another: `{{plural}}`, `{{url}}` of its listing, `{{count}}`.
struct MapConnectionView: Sendable {
    var plural: String
    var url: String
    var count: Int
}

extension EntityPicturesView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "relation_map": TemplateValue(relationMap?.svg)
        case "has_relation_map": .bool(relationMap != nil)
        default: page.value(for: key)
        }
    }
}

extension ChartView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "id": .string(id)
        case "label": .string(chart.field.label)
        case "plural": .string(chart.kindPlural)
        case "svg": .string(chart.svg)
        case "note": chart.rows.count < chart.total ? .string("The \(chart.rows.count) first of \(chart.total) are drawn.") : .null
        case "in_table": .bool(inTable)
        case "data_table": inTable ? .null : .string(dataTable)
        default: .missing
        }
    }

    /// Every charted value as a table, for a chart whose field the comparison table does not show.
    private var dataTable: String {
        var html = "<table class=\"chart-data\"><caption>\(HTML.escape(chart.field.label))</caption><tbody>"
        for row in chart.rows {
            html += "<tr><th scope=\"row\"><a href=\"\(HTML.escape(row.href))\">\(HTML.escape(row.title))</a></th><td>\(HTML.escape(row.value))</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

extension MatrixView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "id": .string(id)
        case "label": .string(matrix.field.label)
        case "html": .string(matrix.html(id: id))
        default: .missing
        }
    }
}

extension ComparePicturesView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "charts": .list(charts)
        case "matrices": .list(matrices)
        case "has_charts": .bool(!charts.isEmpty)
        case "has_matrices": .bool(!matrices.isEmpty)
        default: page.value(for: key)
        }
    }
}

extension MapPageView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "map": .string(map.svg)
        case "overview": .bool(map.isOverview)
        case "entity_limit": .int(CatalogMap.entityLimit)
        case "total": .int(total)
        case "link_count": .int(map.links.reduce(0) { $0 + $1.weight })
        case "kinds": .list(kinds)
        case "is_map": .bool(true)
        default: .missing
        }
    }
}

extension MapKindView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "entities": .list(entities)
        case "has_entities": .bool(!entities.isEmpty)
        case "connections": .list(connections)
        case "has_connections": .bool(!connections.isEmpty)
        default: summary.value(for: key)
        }
    }
}

extension MapEntityView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "outgoing": .list(outgoing)
        case "incoming": .list(incoming)
        case "has_outgoing": .bool(!outgoing.isEmpty)
        case "has_incoming": .bool(!incoming.isEmpty)
        default: link.value(for: key)
        }
    }
}

extension MapConnectionView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "plural": .string(plural)
        case "url": .string(url)
        case "count": .int(count)
        default: .missing
        }
    }
}
