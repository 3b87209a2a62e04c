// The comparison views as `TemplateContext`s for Satchel's own template renderer (Template/), answering the
// names the compare templates use: `.missing` for names a view does not have and `.null` for a nil optional.

extension CompareTableView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "table_id": TemplateValue(tableID)
        case "caption": .string(caption)
        case "kind_name": .string(kind)
        case "singular": .string(singular)
        case "title_sort": TemplateValue(titleSort)
        case "columns": .list(columns)
        case "rows": .list(rows)
        case "selectable": .bool(formID != nil)
        case "form_id": TemplateValue(formID)
        case "csv_url": .string(csvURL)
        default: .missing
        }
    }
}

extension CompareColumnView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "key": .string(self.key)
        case "label": .string(label)
        case "sort_type": .string(sortType)
        case "aria_sort": TemplateValue(ariaSort)
        default: .missing
        }
    }
}

extension CompareRowView: TemplateContext {

    func value(for key: String) -> TemplateValue {
        switch key {
        case "slug": .string(slug)
        case "title": .string(title)
        case "url": .string(url)
        case "cells": .list(cells)
        default: .missing
        }
    }
}

extension CompareCellView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "key": .string(self.key)
        case "html": .string(html)
        case "sort": TemplateValue(sort)
        case "has_sort": .bool(sort != nil)
        case "facets": TemplateValue(facets)
        case "has_facets": .bool(facets != nil)
        default: .missing
        }
    }
}

extension CompareFacetView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "key": .string(self.key)
        case "label": .string(label)
        case "options": .list(options)
        default: .missing
        }
    }
}

extension CompareFacetOptionView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "value": .string(value)
        case "count": .int(count)
        default: .missing
        }
    }
}

extension ComparePageView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "table": .context(table)
        case "facet_columns": .list(facets)
        case "side_by_side_url": .string(sideBySideURL)
        case "is_compare": .bool(true)
        default: kind.value(for: key)
        }
    }
}

extension SideBySidePageView.Kind: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "table_url": .string(tableURL)
        case "script": .string(script)
        default: summary.value(for: key)
        }
    }
}

extension SideBySidePageView: TemplateContext {
    func value(for key: String) -> TemplateValue {
        switch key {
        case "kinds": .list(kinds)
        case "titles_script": .string(titlesScript)
        case "is_side_by_side": .bool(true)
        default: .missing
        }
    }
}
