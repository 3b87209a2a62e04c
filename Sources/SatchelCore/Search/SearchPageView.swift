import Mustache

/// The search page (`search/index.html`): `{{#kinds}}` to browse instead, and `is_search`, which the head
/// partial reads to leave out its drop-down list of results, since this page lists them in full.
public struct SearchPageView: MustacheParent, Sendable {
    public var kinds: [KindSummaryView]

    public func child(named name: String) -> Any? {
        switch name {
        case "kinds": kinds
        case "is_search": true
        default: nil
        }
    }
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
