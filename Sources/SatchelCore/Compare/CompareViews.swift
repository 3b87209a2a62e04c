import Mustache

// View data for the comparison templates (`compare`, `compare-table`, `side-by-side`); each type lists
// the template variables it answers. Every HTML string is escaped already.

/// A comparison table for the `compare-table` partial: `{{caption}}`, `{{kind_name}}`, `{{singular}}` (the
/// title column's header), `{{title_sort}}` (its `aria-sort`, if the rows are sorted by title), `{{#columns}}`,
/// `{{#rows}}`, `selectable` (rows carry a checkbox for the side-by-side form `{{form_id}}`),
/// optional `{{table_id}}`, and `{{csv_url}}`, the table's CSV file beside the page.
struct CompareTableView: MustacheParent, Sendable {
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
        rows = table.rows.map { row in
            CompareRowView(
                slug: row.id.slug, title: row.title, url: row.url,
                cells: zip(table.fields, row.cells).map { field, cell in
                    CompareCellView(
                        key: field.key, html: cell.html, sort: cell.sortKey?.attribute,
                        facets: tableID == nil || cell.facets.isEmpty ? nil : Self.json(cell.facets))
                })
        }
        self.formID = formID
        self.csvURL = csvURL
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "table_id": tableID
        case "caption": caption
        case "kind_name": kind
        case "singular": singular
        case "title_sort": titleSort
        case "columns": columns
        case "rows": rows
        case "selectable": formID != nil
        case "form_id": formID
        case "csv_url": csvURL
        default: nil
        }
    }

    private static func json(_ values: [String]) -> String {
        var json = JSONWriter()
        json.array(values) { $0.string($1) }
        return json.text
    }
}

/// A column header: `{{key}}`, `{{label}}`, `{{sort_type}}` (`number` or `text`), `{{aria_sort}}`.
struct CompareColumnView: MustacheParent, Sendable {
    var key: String
    var label: String
    var sortType: String
    var ariaSort: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "sort_type": sortType
        case "aria_sort": ariaSort
        default: nil
        }
    }
}

/// A row: `{{slug}}`, `{{title}}`, `{{url}}`, `{{#cells}}`.
struct CompareRowView: MustacheParent, Sendable {
    var slug: String
    var title: String
    var url: String
    var cells: [CompareCellView]

    public func child(named name: String) -> Any? {
        switch name {
        case "slug": slug
        case "title": title
        case "url": url
        case "cells": cells
        default: nil
        }
    }
}

/// A cell: `{{key}}`, `{{{html}}}`, `{{sort}}` with `has_sort` (numeric sort keys only; text sorts by the
/// cell's text, and a missing value has neither), and
/// `{{facets}}` (a JSON list of the values a facet filter matches) with `has_facets`.
struct CompareCellView: MustacheParent, Sendable {
    var key: String
    var html: String
    var sort: String?
    var facets: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "html": html
        // Answered even when empty so that Mustache does not look the name up in enclosing views.
        case "sort": sort ?? ""
        case "has_sort": sort != nil
        case "facets": facets ?? ""
        case "has_facets": facets != nil
        default: nil
        }
    }
}

/// A facet filter: `{{key}}`, `{{label}}`, `{{#options}}`.
struct CompareFacetView: MustacheParent, Sendable {
    var key: String
    var label: String
    var options: [CompareFacetOptionView]

    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "options": options
        default: nil
        }
    }
}

/// A value a facet filter offers: `{{value}}` and how many rows hold it, `{{count}}`.
struct CompareFacetOptionView: MustacheParent, Sendable {
    var value: String
    var count: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "count": count
        default: nil
        }
    }
}

/// A kind's comparison page: the kind's summary keys (`{{plural}}`, `{{url}}` of its listing, …),
/// `{{#table}}` (render it with `{{> compare-table}}`), `{{#facet_columns}}`, `{{side_by_side_url}}`, and
/// `is_compare` for theme sections.
struct ComparePageView: MustacheParent, Sendable {
    var kind: KindSummaryView
    var table: CompareTableView
    var facets: [CompareFacetView]
    var sideBySideURL: String

    public func child(named name: String) -> Any? {
        switch name {
        case "table": table
        case "facet_columns": facets
        case "side_by_side_url": sideBySideURL
        case "is_compare": true
        default: kind.child(named: name)
        }
    }
}

/// The side-by-side page: `{{#kinds}}` with `{{name}}`, `{{plural}}`, `{{count}}`, `{{table_url}}` (the
/// kind's comparison page) and `{{script}}` (its data file, relative to the page); `is_side_by_side`.
struct SideBySidePageView: MustacheParent, Sendable {
    struct Kind: MustacheParent, Sendable {
        var summary: KindSummaryView
        var tableURL: String
        var script: String

        public func child(named name: String) -> Any? {
            switch name {
            case "table_url": tableURL
            case "script": script
            default: summary.child(named: name)
            }
        }
    }

    var kinds: [Kind]

    public func child(named name: String) -> Any? {
        switch name {
        case "kinds": kinds
        case "is_side_by_side": true
        default: nil
        }
    }
}
