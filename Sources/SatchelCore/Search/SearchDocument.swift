/// The searchable text of one entity's page, kept apart by where it appears on the page, since that
/// decides how much a match counts.
public struct SearchDocument: Sendable, Equatable {
    public var id: EntityID
    /// Position of the entity's kind in navigation order.
    public var kindIndex: Int
    public var title: String
    public var summary: String?
    /// The kind's singular name, so "nylon material" narrows to materials.
    public var kindName: String
    /// Field values as plain text, in schema order; a reference reads as its target's title.
    public var fields: [String]
    public var headings: [String]
    public var body: String

    /// Collects the text of `entity`, whose kind is `schema`, looking referenced titles up in `graph`.
    public init(entity: Entity, schema: KindSchema, kindIndex: Int, graph: ContentGraph) {
        id = entity.id
        self.kindIndex = kindIndex
        title = entity.title
        summary = entity.summary
        kindName = schema.singular
        fields = schema.fields.compactMap { field in
            entity.values[field.key].flatMap { Self.text(of: $0, type: field.type, graph: graph) }
        }
        headings = entity.body.headings.map(\.text)
        body = entity.body.plainText
    }

    /// The documents of every entity of `graph`, in its navigation order.
    public static func documents(in graph: ContentGraph) -> [SearchDocument] {
        let schemas = Dictionary(uniqueKeysWithValues: graph.schemas.enumerated().map { ($1.name, ($1, $0)) })
        let indexed = graph.entities.indices.compactMap { position in
            schemas[graph.entities[position].id.kind].map { (position: position, schema: $0.0, kindIndex: $0.1) }
        }
        // Made in parallel: each document reads its own entity and the titles it references.
        return [SearchDocument](concurrentlyCount: indexed.count) { number in
            let (position, schema, kindIndex) = indexed[number]
            return SearchDocument(entity: graph.entities[position], schema: schema, kindIndex: kindIndex, graph: graph)
        }
    }

    /// Text shown under a result, in which its matched words are highlighted: summary, field values, then
    /// the body, with runs of white space as one space, cut at the first space after `limit` bytes of UTF-8
    /// to bound the index's size. Works on bytes because it runs over every page's whole text.
    public func snippetText(limit: Int) -> String {
        var snippet = Snippet(limit: limit)
        let parts = [summary ?? "", fields.joined(separator: " · "), body].filter { !$0.isEmpty }
        for (position, part) in parts.enumerated() {
            guard (position == 0 || snippet.append(" — ")) && snippet.append(part) else { return snippet.text + " …" }
        }
        return snippet.text
    }

    /// Snippet text being collected. A type of its own rather than a closure over local variables, which
    /// made every byte pay for a boxed, access-checked variable.
    private struct Snippet {
        let limit: Int
        var bytes: [UInt8] = []
        var pendingSpace = false

        init(limit: Int) {
            self.limit = limit
            bytes.reserveCapacity(limit + 32)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// Appends `text` with runs of white space as one space; false if it stopped at the limit.
        mutating func append(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { utf8 in
                var index = 0
                while index < utf8.count {
                    if Self.isSpace(utf8[index]) {
                        if bytes.count >= limit { return false }
                        pendingSpace = !bytes.isEmpty
                        index += 1
                        continue
                    }
                    if pendingSpace {
                        bytes.append(0x20)
                        pendingSpace = false
                    }
                    // The run up to the next space is copied whole: one append per word, not per byte.
                    var end = index + 1
                    while end < utf8.count, !Self.isSpace(utf8[end]) { end += 1 }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                    index = end
                }
                return true
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (0x09...0x0D).contains(byte)
        }
    }

    /// A value as it reads on the page. Yes/no values say nothing without their label and are left out.
    static func text(of value: FieldValue, type: FieldType, graph: ContentGraph) -> String? {
        switch value {
        case .bool:
            return nil
        case .ref(let slug, _):
            guard let kind = type.referencedKind else { return slug }
            return graph.entityTitle(of: EntityID(kind: kind, slug: slug)) ?? slug
        case .list(let items):
            let texts = items.compactMap { text(of: $0, type: type.elementType, graph: graph) }
            return texts.isEmpty ? nil : texts.joined(separator: ", ")
        case .text(let markdown):
            return withoutMarkup(markdown)
        case .integer, .number, .range:
            guard let unit = type.unit, !unit.isEmpty else { return value.plainText }
            return "\(value.plainText) \(unit)"
        default:
            return value.plainText
        }
    }

    /// Inline Markdown as it reads: without link brackets, emphasis and code marks, and without the
    /// `(destination)` of its links, whose file paths are not page text.
    static func withoutMarkup(_ markdown: String) -> String {
        var result = ""
        var rest = markdown[...]
        while let open = rest.range(of: "](") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else {
                rest = rest[open.upperBound...]
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        result.removeAll { $0 == "[" || $0 == "*" || $0 == "`" }
        return result
    }
}
