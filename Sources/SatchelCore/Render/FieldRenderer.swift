/// Renders typed field values as HTML for fact sheets, cards and tables. Every string is escaped here;
/// templates insert the result unescaped.
struct FieldRenderer {
    let graph: ContentGraph
    let allowsRawHTML: Bool
    /// The kind of the entity whose values are rendered; relative links in text fields start from its folder.
    let kind: String

    func html(_ value: FieldValue, type: FieldType, depth: Int) -> String {
        switch value {
        case .string(let text): return HTML.escape(text)
        case .text(let markdown): return inlineMarkdown(markdown, depth: depth)
        case .integer: return HTML.escape(withUnit(value.plainText, type.unit))
        case .number: return HTML.escape(withUnit(value.plainText, type.unit))
        case .range: return HTML.escape(withUnit(value.plainText, type.unit))
        case .enumeration(let text, let rank):
            var html = "<span class=\"badge\" data-rank=\""
            html += String(rank)
            html += "\">"
            HTML.append(escaping: text, to: &html)
            html += "</span>"
            return html
        case .bool(let flag): return flag ? "Yes" : "No"
        case .date(let text): return "<time datetime=\"\(text)\">\(text)</time>"
        case .url(let url):
            let shown = url.replacingPrefix("https://").replacingPrefix("http://").replacingPrefix("mailto:")
            return "<a href=\"\(HTML.escape(url))\" rel=\"external noopener\">\(HTML.escape(shown))</a>"
        case .ref(let slug, _):
            guard let kind = type.referencedKind else { return HTML.escape(slug) }
            let id = EntityID(kind: kind, slug: slug)
            var html = "<a class=\"chip\" href=\""
            html += SitePaths.entity(id, root: SitePaths.root(depth: depth))
            html += "\">"
            HTML.append(escaping: graph.entityTitle(of: id) ?? slug, to: &html)
            html += "</a>"
            return html
        case .list(let items):
            let element = type.elementType
            // Built in one string: lists of references are on most fact sheets and comparison tables.
            var html = if case .ref = element { "<ul class=\"values refs\">" } else { "<ul class=\"values\">" }
            for item in items {
                html += "<li>"
                html += self.html(item, type: element, depth: depth)
                html += "</li>"
            }
            html += "</ul>"
            return html
        }
    }

    private func withUnit(_ text: String, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return text }
        return "\(text) \(unit)"
    }

    /// Inline Markdown through cmark, without the paragraph it wraps single lines in; links to source
    /// files point at the rendered pages, as in bodies.
    private func inlineMarkdown(_ markdown: String, depth: Int) -> String {
        let document = MarkdownDocument(markdown, allowsRawHTML: allowsRawHTML)
        for link in document.links {
            if let href = SitePaths.href(for: graph.resolveFieldLink(link.destination, from: kind), depth: depth) {
                document.setDestination(of: link, to: href)
            }
        }
        var html = document.renderHTML()
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !html.dropFirst(3).containsUTF8("<p>") {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
