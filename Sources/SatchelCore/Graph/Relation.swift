/// Why one entity points to another: a typed front-matter field, or a link in the body.
public enum Relation: Hashable, Sendable {
    /// The field `key` of kind `kind` names the target.
    case field(kind: String, key: String)
    /// The body links to the target.
    case mention
}

/// One directed edge of the content graph.
public struct Edge: Hashable, Sendable {
    public var source: EntityID
    public var target: EntityID
    public var relation: Relation
}

/// Where a body link points once resolved.
public enum LinkTarget: Hashable, Sendable {
    /// An entity page, optionally at a heading anchor.
    case entity(EntityID, fragment: String?)
    /// A kind's listing page (a link to its `_index.md`).
    case kind(String, fragment: String?)
    /// An anchor on the same page.
    case fragment(String)
    /// Not a content link (an external URL); left as written.
    case external
}
