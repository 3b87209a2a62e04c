/// One field of one entity in a comparison table, in every form the table needs: HTML for the page (from
/// `FieldRenderer`, so it matches the fact sheets), the shown text for CSV and filtering, the sort key,
/// and the values a facet filter matches.
struct CompareCell: Sendable, Hashable {
    /// Escaped HTML; empty when the entity has no value.
    var html: String
    /// The text a reader sees in the cell, with units and titles; what the CSV file holds.
    var text: String
    /// Nil when the entity has no value, which sorts last.
    var sortKey: CompareSortKey?
    /// Enum values or referenced titles, for the column's facet filter.
    var facets: [String]

    static let missing = CompareCell(html: "", text: "", sortKey: nil, facets: [])

    /// Builds the cell of `field` for `value` on a page `depth` folders deep. Lists are joined with commas
    /// rather than shown as bullet lists, so a row stays one line of text in the table and in CSV.
    init(value: FieldValue?, field: FieldSpec, renderer: FieldRenderer, depth: Int) {
        guard let value, value != .list([]) else {
            self = .missing
            return
        }
        let items: [FieldValue]
        if case .list(let values) = value { items = values } else { items = [value] }
        let element = field.type.elementType
        html = items.map { renderer.html($0, type: element, depth: depth) }.joined(separator: ", ")
        text = Self.text(of: value, type: field.type, renderer: renderer)
        sortKey = CompareSortKey(value: value, type: field.type, text: text)
        switch element {
        case .enumeration, .ref: facets = items.map { Self.text(of: $0, type: element, renderer: renderer) }
        default: facets = []
        }
    }

    private init(html: String, text: String, sortKey: CompareSortKey?, facets: [String]) {
        self.html = html
        self.text = text
        self.sortKey = sortKey
        self.facets = facets
    }

    /// The text shown for a value: numbers with their unit, references by title, inline Markdown without
    /// its markup, list items joined with commas. URLs are written out in full, since a spreadsheet cannot
    /// follow a shortened one.
    static func text(of value: FieldValue, type: FieldType, renderer: FieldRenderer) -> String {
        switch value {
        case .list(let items):
            return items.map { text(of: $0, type: type.elementType, renderer: renderer) }.joined(separator: ", ")
        case .integer, .number, .range:
            guard let unit = type.unit, !unit.isEmpty else { return value.plainText }
            return "\(value.plainText) \(unit)"
        case .text(let markdown):
            return MarkdownDocument(markdown, rendersHTML: false).plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        case .ref(let slug, _):
            guard let kind = type.referencedKind else { return slug }
            return renderer.graph.entityTitle(of: EntityID(kind: kind, slug: slug)) ?? slug
        case .string, .enumeration, .bool, .date, .url:
            return value.plainText
        }
    }
}
