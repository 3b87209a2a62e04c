// Typed view data handed to the theme's templates; each type's template names are in
// Views+TemplateContext.swift. Names are the template variables documented in README ("Theme").

/// A link to a page: `{{title}}`, `{{url}}`, optional `{{kind}}`, `{{summary}}` and `{{updated}}`.
public struct LinkView: Sendable, Equatable {
    public var title: String
    public var url: String
    public var kind: String?
    public var summary: String?
    public var updated: String? = nil
}

/// A page similar to the one shown, to compare with: `{{title}}`, `{{url}}` (its page), `{{compare_url}}`
/// (both side by side), `{{summary}}`.
public struct SimilarView: Sendable {
    public var link: LinkView
    public var compareURL: String
}

/// One typed fact: `{{label}}` and `{{{html}}}` (already escaped), `{{key}}`.
public struct FactView: Sendable, Equatable {
    public var key: String
    public var label: String
    public var html: String
}

/// A titled group of links: a relation (`{{label}}`, `{{#links}}`).
public struct LinkGroupView: Sendable {
    public var label: String
    public var links: [LinkView]
}

/// A heading of the body for a table of contents: `{{text}}`, `{{id}}`, `{{level}}`.
public struct HeadingView: Sendable {
    public var text: String
    public var id: String
    public var level: Int
}

/// What every page template receives, plus the page's own view under its name.
/// `{{site_title}}`, `{{site_description}}`, `{{lang}}`, `{{root}}` (prefix back to the output root),
/// `{{page_title}}`, `{{{navigation}}}` (rendered once per folder depth), `{{build_date}}`, and the page
/// view's keys, which take precedence.
public struct PageView: Sendable {
    public var site: SiteConfig
    public var root: String
    public var pageTitle: String
    public var navigation: String
    public var buildDate: String
    public var page: any TemplateContext & Sendable
}

/// The home page: `{{#kinds}}` cards with `{{plural}}`, `{{url}}`, `{{count}}`, `{{description}}`,
/// `{{compare_url}}` and `{{#highlights}}`; `{{total}}` pages in `{{kind_count}}` kinds; `{{#recent}}` (the
/// pages with the newest `updated` dates) and `{{#guides}}` (the pages of a kind named `guides`, if any).
public struct HomeView: Sendable, Equatable {
    public var kinds: [KindSummaryView]
    public var total: Int
    public var recent: [LinkView]
    public var guides: [LinkView]
}

/// A kind in navigation and on the home page; `comparable` when it has two or more pages to compare.
public struct KindSummaryView: Sendable, Equatable {
    public var name: String
    public var singular: String
    public var plural: String
    public var description: String
    public var url: String
    public var count: Int
    public var isCurrent: Bool
    /// The kind's comparison table.
    public var compareURL: String
    /// A few of the kind's pages, the most referenced first; filled on the home page only.
    public var highlights: [LinkView] = []
}

/// A kind's listing page: `{{plural}}`, `{{{introduction}}}`, `{{#entities}}` with `{{title}}`, `{{slug}}`, `{{url}}`,
/// `{{summary}}`, `{{#facts}}` (the comparison fields) and `has_facts`, `{{count}}`.
public struct KindPageView: Sendable {
    public var kind: KindSummaryView
    public var introduction: String?
    public var entities: [EntityCardView]
}

/// An entity on a listing page.
///
/// Its values live in one unchanging box: serve keeps a listing's cards and, after an edit, reuses those it
/// cannot change. A reused card is the same box, so it keeps its rendered output (`renderings`), and a
/// card passed as a template context is one reference rather than a copy of every field.
public struct EntityCardView: Sendable, Equatable {
    private final class Storage: Sendable {
        let link: LinkView
        let facts: [FactView]
        let slug: String
        let renderings = TemplateRenderings()

        init(link: LinkView, facts: [FactView], slug: String) {
            self.link = link
            self.facts = facts
            self.slug = slug
        }
    }

    private let storage: Storage
    public var link: LinkView { storage.link }
    public var facts: [FactView] { storage.facts }
    public var slug: String { storage.slug }
    /// The card's rendered output, kept with the box: a reused card is not rendered again.
    public var renderings: TemplateRenderings? { storage.renderings }

    public init(link: LinkView, facts: [FactView], slug: String) {
        storage = Storage(link: link, facts: facts, slug: slug)
    }

    public static func == (left: EntityCardView, right: EntityCardView) -> Bool {
        left.storage === right.storage || (left.link == right.link && left.facts == right.facts && left.slug == right.slug)
    }
}

/// An entity's page: `{{title}}`, `{{slug}}`, `{{summary}}`, `{{#kind}}` (its kind summary), `{{#facts}}`,
/// `{{{body}}}`, `{{#toc}}`, `{{#outgoing}}` and `{{#incoming}}` link groups, `{{source_path}}`, `{{updated}}`,
/// `{{#similar}}` pages to compare with, `{{{sources}}}` (the `sources` field), and `has_facts`, `has_toc`, `has_outgoing`, `has_incoming`,
/// `has_relations`, `has_similar`, `has_sources` for wrapping sections.
public struct EntityPageView: Sendable {
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
    public var updated: String?
    public var similar: [SimilarView]
    /// The `sources` field's HTML, taken out of `facts` to be shown on its own.
    public var sources: String?

    /// Short pages read better without a table of contents.
    private var hasTOC: Bool { toc.count >= 3 }
}

/// The 404 page: `{{#kinds}}` to find a way back.
public struct NotFoundView: Sendable {
    public var kinds: [KindSummaryView]
}

/// View data that templates can read and that can cross task boundaries.
public typealias PageContext = TemplateContext & Sendable
