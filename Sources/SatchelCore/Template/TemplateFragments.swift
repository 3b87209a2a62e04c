import Synchronization

/// Renders that keep the output of list elements with the elements, so that a later render reuses it.
///
/// A list element that offers `TemplateRenderings` (a context that never changes: the listing's cards, the
/// comparison table's rows) is rendered once per section and kept there; a render with the same
/// `TemplateFragments` appends the kept output instead of rendering the element again. `LiveSite` keeps one
/// per theme, and a reused card or row is the same value as last time, so an update renders again only the
/// cards and rows it made anew.
///
/// An element's output also depends on the names its section looked up outside it (a card's `{{#comparable}}`
/// answered by the page): each rendering records those names with the values they had, and is reused only
/// where they still have them. A name that led outside to a context or a list, which cannot be compared
/// cheaply, leaves the element unrecorded.
public final class TemplateFragments: Sendable {
    public init() {}

    /// A value looked up outside the element, as far as it decides the output.
    enum Fingerprint: Hashable, Sendable {
        case missing, null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)

        /// Nil for a context or a list.
        init?(_ value: TemplateValue) {
            switch value {
            case .missing: self = .missing
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .double(let number): self = .double(number)
            case .string(let text): self = .string(text)
            case .context, .list: return nil
            }
        }
    }
}

/// The output one unchanging list element was rendered to, kept with the element: one rendering per
/// section (and indentation) that showed it, for the `TemplateFragments` of the render that made it.
///
/// Kept by the element rather than looked up by key in a shared table, a kept rendering is found without
/// hashing or comparing the element: it is the same value, so it renders the same.
public final class TemplateRenderings: Sendable {
    struct Rendering: Sendable {
        let fragments: TemplateFragments
        let section: Int
        let indentation: String
        let output: String
        let outside: [(name: String, value: TemplateFragments.Fingerprint)]
    }

    // Pages render on every core at once, and an element can be shown by more than one of them.
    private let renderings = Mutex<[Rendering]>([])

    public init() {}

    /// How many renderings are kept.
    public var count: Int { renderings.withLock { $0.count } }

    func rendering(for fragments: TemplateFragments, section: Int, indentation: String) -> Rendering? {
        renderings.withLock { kept in
            kept.first { $0.fragments === fragments && $0.section == section && $0.indentation == indentation }
        }
    }

    /// Keeps `rendering` in place of the one of the same section and indentation; those of other
    /// `TemplateFragments` (a theme that was replaced) go.
    func record(_ rendering: Rendering) {
        renderings.withLock { kept in
            kept.removeAll { $0.fragments !== rendering.fragments || ($0.section == rendering.section && $0.indentation == rendering.indentation) }
            kept.append(rendering)
        }
    }
}
