extension ContentGraph {
    /// A hash of what other pages show of the entity at `position`, its face: its title, summary, update day
    /// and field values (in links, facts, tables, charts and "Compare with…" lists), the links it makes (as
    /// their backlinks and in the maps) and its headings (as link anchors); what `LiveSite` compares to tell
    /// an edit that only its own page and the search index can show. Kept in the build cache, so that
    /// `satchel build` can tell it too.
    func faceHash(at position: Int) -> ContentHash {
        let entity = entities[position]
        var hash = ContentHash()
        hash.combine(entity.title)
        Self.combine(entity.summary, into: &hash)
        Self.combine(entity.updated, into: &hash)
        for (key, value) in entity.values.sorted(by: { $0.key < $1.key }) {
            hash.combine(key)
            Self.combine(value, into: &hash)
        }
        // The links it makes: those of its fields are in its values, those of its body follow from their
        // destinations, as long as the same pages exist (a page added or removed rebuilds everything).
        hash.combine("links")
        for link in entity.body.links { hash.combine(link.destination) }
        hash.combine("headings")
        for heading in entity.body.headings {
            hash.combine(heading.level)
            hash.combine(heading.text)
            hash.combine(heading.id)
        }
        return hash
    }

    private static func combine(_ text: String?, into hash: inout ContentHash) {
        hash.combine(text == nil ? "0" : "1")
        if let text { hash.combine(text) }
    }

    private static func combine(tag: String, _ text: String, into hash: inout ContentHash) {
        hash.combine(tag)
        hash.combine(text)
    }

    /// The value with its case and every part, so that values equal as `FieldValue`s hash alike and others apart.
    private static func combine(_ value: FieldValue, into hash: inout ContentHash) {
        switch value {
        case .string(let text):
            combine(tag: "s", text, into: &hash)
        case .text(let markdown):
            combine(tag: "t", markdown, into: &hash)
        case .integer(let number):
            hash.combine("i")
            hash.combine(number)
        case .number(let number):
            hash.combine("n")
            hash.combine(Int(bitPattern: UInt(number.bitPattern)))
        case .range(let lower, let upper):
            hash.combine("r")
            hash.combine(Int(bitPattern: UInt(lower.bitPattern)))
            hash.combine(Int(bitPattern: UInt(upper.bitPattern)))
        case .enumeration(let text, let rank):
            hash.combine("e")
            hash.combine(text)
            hash.combine(rank)
        case .bool(let flag):
            hash.combine(flag ? "b1" : "b0")
        case .date(let text):
            combine(tag: "d", text, into: &hash)
        case .url(let text):
            combine(tag: "u", text, into: &hash)
        case .ref(let slug, let location):
            hash.combine("f")
            hash.combine(slug)
            hash.combine(location.file)
            hash.combine(location.line)
            hash.combine(location.column)
        case .list(let items):
            hash.combine("l")
            hash.combine(items.count)
            for item in items { combine(item, into: &hash) }
        }
    }
}
