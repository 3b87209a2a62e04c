// The view types as `TemplateContext`s for Satchel's template renderer (Template/): typed values, no reflection.
// `.missing` for names a view does not have (the lookup goes on to the enclosing view) and `.null` for a nil
// optional (it stops: a link without a summary shows no summary, not the page's).

extension LinkView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "title": .string(title)
        case "url": .string(url)
        case "kind": TemplateValue(kind)
        case "summary": TemplateValue(summary)
        case "updated": TemplateValue(updated)
        default: .missing
        }
    }
}

extension SimilarView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        key == "compare_url" ? .string(compareURL) : link.value(for: key)
    }
}

extension FactView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "key": .string(self.key)
        case "label": .string(label)
        case "html": .string(html)
        default: .missing
        }
    }
}

extension LinkGroupView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "label": .string(label)
        case "links": .list(links)
        case "count": .int(links.count)
        default: .missing
        }
    }
}

extension HeadingView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "text": .string(text)
        case "id": .string(id)
        case "level": .int(level)
        default: .missing
        }
    }
}

extension PageView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        let value = page.value(for: key)
        if !value.isMissing { return value }
        switch key {
        case "site_title": return .string(site.title)
        case "site_description": return site.description.isEmpty ? .null : .string(site.description)
        case "lang": return .string(site.language)
        case "root": return .string(root)
        case "page_title": return .string(pageTitle)
        case "navigation": return .string(navigation)
        case "build_date": return .string(buildDate)
        default: return .missing
        }
    }
}

extension HomeView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "kinds": .list(kinds)
        case "kind_count": .int(kinds.count)
        case "total": .int(total)
        case "recent": .list(recent)
        case "has_recent": .bool(!recent.isEmpty)
        case "guides": .list(guides)
        case "has_guides": .bool(!guides.isEmpty)
        case "is_home": .bool(true)
        default: .missing
        }
    }
}

extension KindSummaryView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "name": .string(name)
        case "singular": .string(singular)
        case "plural": .string(plural)
        case "description": description.isEmpty ? .null : .string(description)
        case "url": .string(url)
        case "count": .int(count)
        case "current": .bool(isCurrent)
        case "comparable": .bool(count >= 2)
        case "compare_url": .string(compareURL)
        case "highlights": .list(highlights)
        case "has_highlights": .bool(!highlights.isEmpty)
        default: .missing
        }
    }
}

extension KindPageView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        switch key {
        case "introduction": TemplateValue(introduction)
        case "entities": .list(entities)
        case "count": .int(entities.count)
        case "is_listing": .bool(true)
        default: kind.value(for: key)
        }
    }
}

extension EntityCardView: TemplateContext {

    public func value(for key: String) -> TemplateValue {
        switch key {
        case "slug": .string(slug)
        case "facts": .list(facts)
        case "has_facts": .bool(!facts.isEmpty)
        default: link.value(for: key)
        }
    }
}

extension EntityPageView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        // The same rule as the private `hasTOC` in Views.swift: short pages read better without a table of contents.
        let hasTOC = toc.count >= 3
        switch key {
        case "title": return .string(title)
        case "slug": return .string(slug)
        case "summary": return TemplateValue(summary)
        case "kind": return .context(kind)
        case "facts": return .list(facts)
        case "body": return .string(body)
        case "toc": return .list(hasTOC ? toc : [])
        case "outgoing": return .list(outgoing)
        case "incoming": return .list(incoming)
        case "has_facts": return .bool(!facts.isEmpty)
        case "has_toc": return .bool(hasTOC)
        case "has_outgoing": return .bool(!outgoing.isEmpty)
        case "has_incoming": return .bool(!incoming.isEmpty)
        case "source_path": return .string(sourcePath)
        case "updated": return TemplateValue(updated)
        case "similar": return .list(similar)
        case "has_similar": return .bool(!similar.isEmpty)
        case "sources": return TemplateValue(sources)
        case "has_sources": return .bool(sources != nil)
        case "has_relations": return .bool(!outgoing.isEmpty || !incoming.isEmpty)
        case "is_entity": return .bool(true)
        default: return .missing
        }
    }
}

extension NotFoundView: TemplateContext {
    public func value(for key: String) -> TemplateValue {
        key == "kinds" ? .list(kinds) : .missing
    }
}
