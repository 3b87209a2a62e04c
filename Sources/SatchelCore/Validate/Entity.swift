/// Identifies an entity across the site: its kind folder and its slug.
public struct EntityID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: String
    public var slug: String

    public init(kind: String, slug: String) {
        self.kind = kind
        self.slug = slug
    }

    public var description: String { "\(kind)/\(slug)" }

    /// The slug alone: pages of different kinds rarely share one, and every lookup of the graph and the
    /// renderer hashes an id, so hashing one string instead of two is worth the odd shared bucket.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
    }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool {
        (lhs.kind, lhs.slug) < (rhs.kind, rhs.slug)
    }
}

/// One page of content after its front matter has been validated against its kind's schema.
public struct Entity: Sendable {
    public var id: EntityID
    public var title: String
    public var summary: String?
    /// The built-in `updated` field: the day the page last changed, `YYYY-MM-DD`.
    public var updated: String?
    /// Field values by key; only fields present in the front matter.
    public var values: [String: FieldValue]
    /// Where each field's value was written, for diagnostics found after validation.
    public var valueLocations: [String: SourceLocation]
    public var body: MarkdownDocument
    /// The `.md` file, as shown in diagnostics.
    public var sourcePath: String
}
