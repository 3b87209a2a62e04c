/// The site-wide settings from `content/_site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    public var language: String
    /// Kind folder names in navigation order.
    public var kinds: [String]
    public var theme: String
    /// Passes raw HTML in Markdown through (with GFM's tagfilter) instead of omitting it.
    public var allowsRawHTML: Bool
    public var location: SourceLocation
}
