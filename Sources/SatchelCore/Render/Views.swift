import Mustache

// Typed view data handed to the theme's templates. Each type answers `child(named:)` directly (swift-mustache's
// `MustacheParent`), which renders several times faster than reflection. Names are the template variables
// documented in README ("Theme").

/// A link to a page: `{{title}}`, `{{url}}`, optional `{{kind}}` and `{{summary}}`.
public struct LinkView: MustacheParent, Sendable {
    public var title: String
    public var url: String
    public var kind: String?
    public var summary: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "kind": kind
        case "summary": summary
        default: nil
        }
    }
}

/// One typed fact: `{{label}}` and `{{{html}}}` (already escaped), `{{key}}`.
public struct FactView: MustacheParent, Sendable {
    public var key: String
    public var label: String
    public var html: String

    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "html": html
        default: nil
        }
    }
}

/// A titled group of links: a relation (`{{label}}`, `{{#links}}`).
public struct LinkGroupView: MustacheParent, Sendable {
    public var label: String
    public var links: [LinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "links": links
        case "count": links.count
        default: nil
        }
    }
}

/// A heading of the body for a table of contents: `{{text}}`, `{{id}}`, `{{level}}`.
public struct HeadingView: MustacheParent, Sendable {
    public var text: String
    public var id: String
    public var level: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "level": level
        default: nil
        }
    }
}

/// What every page template receives, plus the page's own view under its name.
/// `{{site_title}}`, `{{site_description}}`, `{{lang}}`, `{{root}}` (prefix back to the output root),
/// `{{page_title}}`, `{{{navigation}}}` (rendered once per folder depth), `{{build_date}}`, and the page
/// view's keys, which take precedence.
public struct PageView: MustacheParent, Sendable {
    public var site: SiteConfig
    public var root: String
    public var pageTitle: String
    public var navigation: String
    public var buildDate: String
    public var page: any MustacheParent & Sendable

    public func child(named name: String) -> Any? {
        if let value = page.child(named: name) { return value }
        switch name {
        case "site_title": return site.title
        case "site_description": return site.description.isEmpty ? nil : site.description
        case "lang": return site.language
        case "root": return root
        case "page_title": return pageTitle
        case "navigation": return navigation
        case "build_date": return buildDate
        default: return nil
        }
    }
}

/// The home page: `{{#kinds}}` cards with `{{plural}}`, `{{url}}`, `{{count}}`, `{{description}}`;
/// `{{total}}` pages in `{{kind_count}}` kinds.
public struct HomeView: MustacheParent, Sendable {
    public var kinds: [KindSummaryView]
    public var total: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "kinds": kinds
        case "kind_count": kinds.count
        case "total": total
        case "is_home": true
        default: nil
        }
    }
}

/// A kind in navigation and on the home page; `comparable` when it has two or more pages to compare.
public struct KindSummaryView: MustacheParent, Sendable {
    public var name: String
    public var singular: String
    public var plural: String
    public var description: String
    public var url: String
    public var count: Int
    public var isCurrent: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "singular": singular
        case "plural": plural
        case "description": description.isEmpty ? nil : description
        case "url": url
        case "count": count
        case "current": isCurrent
        case "comparable": count >= 2
        default: nil
        }
    }
}

/// A kind's listing page: `{{plural}}`, `{{{introduction}}}`, `{{#entities}}` with `{{title}}`, `{{slug}}`, `{{url}}`,
/// `{{summary}}`, `{{#facts}}` (the comparison fields) and `has_facts`, `{{count}}`.
public struct KindPageView: MustacheParent, Sendable {
    public var kind: KindSummaryView
    public var introduction: String?
    public var entities: [EntityCardView]

    public func child(named name: String) -> Any? {
        switch name {
        case "introduction": introduction
        case "entities": entities
        case "count": entities.count
        case "is_listing": true
        default: kind.child(named: name)
        }
    }
}

/// An entity on a listing page.
public struct EntityCardView: MustacheParent, Sendable {
    public var link: LinkView
    public var facts: [FactView]
    public var slug: String

    public func child(named name: String) -> Any? {
        switch name {
        case "slug": slug
        case "facts": facts
        case "has_facts": !facts.isEmpty
        default: link.child(named: name)
        }
    }
}

/// An entity's page: `{{title}}`, `{{slug}}`, `{{summary}}`, `{{#kind}}` (its kind summary), `{{#facts}}`,
/// `{{{body}}}`, `{{#toc}}`, `{{#outgoing}}` and `{{#incoming}}` link groups, `{{source_path}}`, and
/// `has_facts`, `has_toc`, `has_outgoing`, `has_incoming` for wrapping sections.
public struct EntityPageView: MustacheParent, Sendable {
    public var title: String
    public var slug: String
    public var summary: String?
    public var kind: KindSummaryView
    public var facts: [FactView]
    public var body: String
    public var toc: [HeadingView]
    public var outgoing: [LinkGroupView]
    public var incoming: [LinkGroupView]
    public var sourcePath: String

    /// Short pages read better without a table of contents.
    private var hasTOC: Bool { toc.count >= 3 }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "slug": slug
        case "summary": summary
        case "kind": kind
        case "facts": facts
        case "body": body
        case "toc": hasTOC ? toc : []
        case "outgoing": outgoing
        case "incoming": incoming
        case "has_facts": !facts.isEmpty
        case "has_toc": hasTOC
        case "has_outgoing": !outgoing.isEmpty
        case "has_incoming": !incoming.isEmpty
        case "source_path": sourcePath
        case "is_entity": true
        default: nil
        }
    }
}

/// The 404 page: `{{#kinds}}` to find a way back.
public struct NotFoundView: MustacheParent, Sendable {
    public var kinds: [KindSummaryView]

    public func child(named name: String) -> Any? {
        name == "kinds" ? kinds : nil
    }
}

/// View data that templates can read and that can cross task boundaries.
public typealias MustacheParentSendable = MustacheParent & Sendable
