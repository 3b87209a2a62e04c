/// The search page (`search/index.html`): `{{#kinds}}` to browse instead, and `is_search`, which the head
/// partial reads to leave out its drop-down list of results, since this page lists them in full.
public struct SearchPageView: Sendable {
    public var kinds: [KindSummaryView]
}

extension SearchPageView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "kinds": .list(kinds)
        case "is_search": .bool(true)
        default: .missing
        }
    }
}
