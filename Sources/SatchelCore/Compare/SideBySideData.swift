/// Everything the side-by-side page shows for one kind: every field of every entity and its relations,
/// written as a script that sets `window.SatchelCompare[kind]`. A script rather than JSON because pages
/// opened from disk may not `fetch()`. Values arrive as text and links, not HTML, so the page builds
/// them with DOM nodes and never parses markup.
///
/// The data, kept compact because a large kind's file runs to megabytes:
///
///     {"kind": "materials", "singular": "Material", "plural": "Materials", "table": "../materials/compare/index.html",
///      "fields": [{"key": "cost_tier", "label": "Relative cost"}, …],
///      "items": [{"slug": "nylon", "title": "Nylon", "url": "../materials/nylon.html", "summary": "…" or null,
///                 "cells": [one per field: null, "plain text", or [part, …]],
///                 "relations": [{"label": "Made by", "links": ["manufacturers/acme-bags", …]}]}]}
///
/// A part is a string, `{"ref": "markets/kenya"}` (a link to an entity), `{"text": …, "href": …}` (an
/// external link, with `"external": true`) or `{"text": …, "badge": true}` (an enum value). A cell's text,
/// compared to find differences and written to CSV, is its parts' texts joined, an external link counting
/// as its full URL: `CompareCell.text`.
///
/// Other entities appear by reference (`kind/slug`), their titles and URLs given once for the whole site
/// by `EntityTitles`: an item then changes only with its own entity, so that retitling a page rewrites its
/// own kind's data and the titles, not the data of every kind that links to it.
struct SideBySideData: Sendable {
    /// A run of a cell: text, optionally a link or an enum badge.
    struct Part: Sendable, Hashable {
        var text: String
        var href: String?
        var isExternal = false
        var isBadge = false
        /// The entity the part links to, shown by its title.
        var ref: EntityID?
    }

    /// A relation's label and the entities under it.
    struct RelationGroup: Sendable {
        var label: String
        var ids: [EntityID]
    }

    /// One entity: its fields and relations, shown as one object of the data's `items`.
    struct Item: Sendable {
        var id: EntityID
        var title: String
        var url: String
        var summary: String?
        /// One per field of the kind; nil where the entity has no value.
        var cells: [[Part]?]
        var relations: [RelationGroup]

        /// The item of `entity`, whose kind is `schema`, with links relative to `root`; `relations` are the
        /// entity's relation groups.
        init(entity: Entity, schema: KindSchema, renderer: FieldRenderer, root: String, relations: [RelationGroup]) {
            id = entity.id
            title = entity.title
            url = root + SitePaths.entity(entity.id)
            summary = entity.summary
            cells = schema.fields.map { field in
                guard let value = entity.values[field.key], value != .list([]) else { return nil }
                return SideBySideData.parts(of: value, type: field.type, renderer: renderer)
            }
            self.relations = relations
        }

        /// The item's JSON object, as it stands in the script's `items`. Kept as text: the script is put
        /// together from these, and text appends without being checked as UTF-8 again.
        var json: String {
            var json = JSONWriter()
            json.raw("{\"slug\":")
            json.string(id.slug)
            json.raw(",\"title\":")
            json.string(title)
            json.raw(",\"url\":")
            json.string(url)
            json.raw(",\"summary\":")
            json.optional(summary)
            json.raw(",\"cells\":")
            json.array(cells) { json, cell in SideBySideData.write(cell, to: &json) }
            json.raw(",\"relations\":")
            SideBySideData.write(relations, to: &json)
            json.raw("}")
            return json.text
        }
    }

    var schema: KindSchema
    /// The kind's comparison page, relative to the side-by-side page.
    var table: String
    /// Each entity's item as JSON (`Item.json`), in the order they are listed.
    var items: [String]

    /// The data of `schema`'s entities, whose items are given as JSON, for the side-by-side page `depth`
    /// folders deep.
    init(schema: KindSchema, depth: Int, items: [String]) {
        self.schema = schema
        table = SitePaths.root(depth: depth) + ComparePaths.table(schema.name)
        self.items = items
    }

    /// The file's text: one assignment, merged into whatever other kinds the page loaded.
    var script: String {
        var json = JSONWriter()
        json.raw("window.SatchelCompare = window.SatchelCompare || {};\nwindow.SatchelCompare[")
        json.string(schema.name)
        json.raw("] = {\"kind\":")
        json.string(schema.name)
        json.raw(",\"singular\":")
        json.string(schema.singular)
        json.raw(",\"plural\":")
        json.string(schema.plural)
        json.raw(",\"table\":")
        json.string(table)
        json.raw(",\"fields\":")
        json.array(schema.fields) { json, field in
            json.raw("{\"key\":")
            json.string(field.key)
            json.raw(",\"label\":")
            json.string(field.label)
            json.raw("}")
        }
        json.raw(",\"items\":[")
        var script = json.text
        script.reserveCapacity(script.utf8.count + items.reduce(8) { $0 + $1.utf8.count + 1 })
        for (position, item) in items.enumerated() {
            if position > 0 { script += "," }
            script += item
        }
        script += "]};\n"
        return script
    }

    /// An item's relation groups, `[{"label": …, "links": ["kind/slug", …]}, …]`.
    fileprivate static func write(_ groups: [RelationGroup], to json: inout JSONWriter) {
        json.array(groups) { json, group in
            json.raw("{\"label\":")
            json.string(group.label)
            json.raw(",\"links\":")
            json.array(group.ids) { json, id in json.string(EntityTitles.key(of: id)) }
            json.raw("}")
        }
    }

    /// A cell as `null`, a plain string when it is one run of text, or its list of parts.
    fileprivate static func write(_ cell: [Part]?, to json: inout JSONWriter) {
        guard let cell else { return json.raw("null") }
        if cell.count == 1, cell[0].href == nil, cell[0].ref == nil, !cell[0].isBadge { return json.string(cell[0].text) }
        json.array(cell) { json, part in
            if let ref = part.ref {
                json.raw("{\"ref\":")
                json.string(EntityTitles.key(of: ref))
                return json.raw("}")
            }
            guard part.href != nil || part.isBadge else { return json.string(part.text) }
            json.raw("{\"text\":")
            json.string(part.text)
            if let href = part.href {
                json.raw(",\"href\":")
                json.string(href)
            }
            if part.isExternal { json.raw(",\"external\":true") }
            if part.isBadge { json.raw(",\"badge\":true") }
            json.raw("}")
        }
    }

    /// The runs of a value, with the same text as `CompareCell.text` (list items joined with `, `).
    fileprivate static func parts(of value: FieldValue, type: FieldType, renderer: FieldRenderer) -> [Part] {
        switch value {
        case .list(let items):
            return items.enumerated().flatMap { index, item in
                (index == 0 ? [] : [Part(text: ", ")]) + parts(of: item, type: type.elementType, renderer: renderer)
            }
        case .enumeration(let text, _):
            return [Part(text: text, isBadge: true)]
        case .url(let url):
            let shown = url.replacingPrefix("https://").replacingPrefix("http://").replacingPrefix("mailto:")
            return [Part(text: shown, href: url, isExternal: true)]
        case .ref(let slug, _):
            let text = CompareCell.text(of: value, type: type, renderer: renderer)
            guard let kind = type.referencedKind, renderer.graph.containsEntity(EntityID(kind: kind, slug: slug)) else { return [Part(text: text)] }
            return [Part(text: text, ref: EntityID(kind: kind, slug: slug))]
        case .string, .text, .integer, .number, .range, .bool, .date:
            return [Part(text: CompareCell.text(of: value, type: type, renderer: renderer))]
        }
    }
}
