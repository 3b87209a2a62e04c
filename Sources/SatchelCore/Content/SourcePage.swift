/// A content file as read from disk, before parsing.
public struct SourcePage: Sendable {
    public var kind: String
    public var slug: String
    /// The path shown in diagnostics, e.g. `content/materials/nylon.md`.
    public var path: String
    public var text: String
}

/// Everything read from the content folder: configuration, schemas and raw pages.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// Schemas in navigation order.
    public var schemas: [KindSchema]
    public var pages: [SourcePage]
    /// The optional `_index.md` introduction of each kind, by kind name.
    public var introductions: [String: SourcePage]
    /// Pages that exist but could not be read; references to them are not reported again.
    public var unreadable: [EntityID]
    /// Problems found while loading: errors fail the build after later stages have reported theirs.
    public var diagnostics: [Diagnostic]
}
