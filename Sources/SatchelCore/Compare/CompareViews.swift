// View data for the comparison templates (`compare`, `compare-table`, `side-by-side`); each type lists
// the template variables it answers. Every HTML string is escaped already.

/// A comparison table for the `compare-table` partial: `{{caption}}`, `{{kind_name}}`, `{{singular}}` (the
/// title column's header), `{{title_sort}}` (its `aria-sort`, if the rows are sorted by title), `{{#columns}}`,
/// `{{#rows}}`, `selectable` (rows carry a checkbox for the side-by-side form `{{form_id}}`),
/// optional `{{table_id}}`, and `{{csv_url}}`, the table's CSV file beside the page.
struct CompareTableView: Sendable {
    var tableID: String?
    var caption: String
    var kind: String
    var singular: String
    var titleSort: String?
    var columns: [CompareColumnView]
    var rows: [CompareRowView]
    var formID: String?
    var csvURL: String

    /// The view of `table`, marked as sorted by `sortKey` (a field key or `title`). Only a table with an id
    /// has filter controls, so only its cells carry the values facet filters match.
    init(_ table: CompareTable, caption: String, tableID: String?, formID: String?, csvURL: String, sortKey: String?, ascending: Bool) {
        self.init(
            table, rows: table.rows.map { CompareRowView($0, fields: table.fields, withFacets: tableID != nil) },
            caption: caption, tableID: tableID, formID: formID, csvURL: csvURL, sortKey: sortKey, ascending: ascending)
    }

    /// The view of `table` with its rows' views made already (`CompareRowView(_:fields:withFacets:)`).
    init(
        _ table: CompareTable, rows: [CompareRowView], caption: String, tableID: String?, formID: String?, csvURL: String,
        sortKey: String?, ascending: Bool
    ) {
        let order = ascending ? "ascending" : "descending"
        self.tableID = tableID
        self.caption = caption
        kind = table.schema.name
        singular = table.schema.singular
        titleSort = sortKey == CompareTable.titleKey ? order : nil
        columns = table.fields.map { field in
            CompareColumnView(
                key: field.key, label: field.label, sortType: CompareSortKey.isNumeric(field.type) ? "number" : "text",
                ariaSort: sortKey == field.key ? order : nil)
        }
        self.rows = rows
        self.formID = formID
        self.csvURL = csvURL
    }
}

/// A column header: `{{key}}`, `{{label}}`, `{{sort_type}}` (`number` or `text`), `{{aria_sort}}`.
struct CompareColumnView: Sendable {
    var key: String
    var label: String
    var sortType: String
    var ariaSort: String?
}

/// A row: `{{slug}}`, `{{title}}`, `{{url}}`, `{{#cells}}`.
///
/// Its values live in one unchanging box, as a listing card's do (`EntityCardView`): a reused row is the
/// same box, with its rendered output.
struct CompareRowView: Sendable, Equatable {
    private final class Storage: Sendable {
        let slug: String
        let title: String
        let url: String
        let cells: [CompareCellView]
        let renderings = TemplateRenderings()

        init(slug: String, title: String, url: String, cells: [CompareCellView]) {
            self.slug = slug
            self.title = title
            self.url = url
            self.cells = cells
        }
    }

    private let storage: Storage
    var slug: String { storage.slug }
    var title: String { storage.title }
    var url: String { storage.url }
    var cells: [CompareCellView] { storage.cells }
    /// The row's rendered output, kept with the box: a reused row is not rendered again.
    var renderings: TemplateRenderings? { storage.renderings }

    /// The view of `row`, whose cells hold `fields`. Only a table with filter controls needs its cells to
    /// carry the values facet filters match.
    init(_ row: CompareTable.Row, fields: [FieldSpec], withFacets: Bool) {
        let cells = zip(fields, row.cells).map { field, cell in
            CompareCellView(
                key: field.key, html: cell.html, sort: cell.sortKey?.attribute,
                facets: !withFacets || cell.facets.isEmpty ? nil : Self.json(cell.facets))
        }
        storage = Storage(slug: row.id.slug, title: row.title, url: row.url, cells: cells)
    }

    static func == (left: CompareRowView, right: CompareRowView) -> Bool {
        left.storage === right.storage
            || (left.slug == right.slug && left.title == right.title && left.url == right.url && left.cells == right.cells)
    }

    private static func json(_ values: [String]) -> String {
        var json = JSONWriter()
        json.array(values) { $0.string($1) }
        return json.text
    }
}

/// A cell: `{{key}}`, `{{{html}}}`, `{{sort}}` with `has_sort` (numeric sort keys only; text sorts by the
/// cell's text, and a missing value has neither), and
/// `{{facets}}` (a JSON list of the values a facet filter matches) with `has_facets`.
struct CompareCellView: Sendable, Equatable {
    var key: String
    var html: String
    var sort: String?
    var facets: String?
}

/// A facet filter: `{{key}}`, `{{label}}`, `{{#options}}`.
struct CompareFacetView: Sendable {
    var key: String
    var label: String
    var options: [CompareFacetOptionView]
}

/// A value a facet filter offers: `{{value}}` and how many rows hold it, `{{count}}`.
struct CompareFacetOptionView: Sendable {
    var value: String
    var count: Int
}

/// A kind's comparison page: the kind's summary keys (`{{plural}}`, `{{url}}` of its listing, …),
/// `{{#table}}` (render it with `{{> compare-table}}`), `{{#facet_columns}}`, `{{side_by_side_url}}`, and
/// `is_compare` for theme sections.
struct ComparePageView: Sendable {
    var kind: KindSummaryView
    var table: CompareTableView
    var facets: [CompareFacetView]
    var sideBySideURL: String
}

/// The side-by-side page: `{{#kinds}}` with `{{name}}`, `{{plural}}`, `{{count}}`, `{{table_url}}` (the
/// kind's comparison page) and `{{script}}` (its data file, relative to the page); `{{titles_script}}`
/// (the entity titles the data refers to); `is_side_by_side`.
struct SideBySidePageView: Sendable {
    struct Kind: Sendable {
        var summary: KindSummaryView
        var tableURL: String
        var script: String
    }

    var kinds: [Kind]
    /// The script of entity titles the kinds' data refer to, relative to the page.
    var titlesScript: String
}
