import Foundation

/// Resolves a body link written as a relative path to a source file (`../materials/nylon.md#uv-limits`)
/// to the entity or listing it names, checking that the file and the heading anchor exist.
struct LinkResolver {
    let index: [EntityID: Int]
    let entities: [Entity]
    let kinds: Set<String>
    /// Pages that exist but failed to load; links to them are left alone, their errors are reported already.
    let invalid: Set<EntityID>

    func resolve(
        _ link: MarkdownDocument.Link, from kind: String, headings: [MarkdownDocument.Heading], file: String
    ) -> Result<LinkTarget, Diagnostic> {
        resolve(link.destination, from: kind, headings: headings, at: SourceLocation(file: file, line: link.line, column: link.column))
    }

    /// Resolves a destination written on a page of `kind` whose own anchors are `headings`.
    func resolve(
        _ destination: String, from kind: String, headings: [MarkdownDocument.Heading], at location: SourceLocation
    ) -> Result<LinkTarget, Diagnostic> {
        if destination.isEmpty { return .success(.external) }
        // In ASCII every character is one byte (a CR LF pair aside, which holds none of the characters
        // looked for), so searching the bytes finds what searching the characters would, much faster.
        let isASCII = destination.utf8.allSatisfy { $0 < 0x80 }
        if let colon = isASCII ? destination.utf8.firstIndex(of: UInt8(ascii: ":")) : destination.firstIndex(of: ":"),
           !destination[..<colon].contains("/"), !destination[..<colon].contains("#") {
            return .success(.external)
        }
        if destination.hasPrefix("//") || destination.hasPrefix("/") {
            return .failure(.error(
                at: location,
                "link '\(destination)' is root-relative and breaks when the site is opened from disk; link to the source file, e.g. '../materials/nylon.md'"))
        }
        let (path, fragment) = split(destination, isASCII: isASCII)
        if path.isEmpty {
            guard let fragment else { return .success(.external) }
            guard headings.contains(where: { $0.id == fragment }) else {
                return .failure(.error(
                    at: location, "unknown anchor '#\(fragment)' on this page",
                    suggestion: Suggestion.closest(to: fragment, in: headings.map(\.id))))
            }
            return .success(.fragment(fragment))
        }
        guard path.hasSuffix(".md") else {
            return .failure(.error(
                at: location, "relative link '\(destination)' does not name a content page; link to a '.md' file or use a full URL"))
        }
        var components = [kind]
        let parts = path.utf8.allSatisfy({ $0 < 0x80 })
            ? path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
            : path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty {
                    return .failure(.error(at: location, "link '\(destination)' leaves the content folder"))
                }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        guard components.count == 2 else {
            return .failure(.error(at: location, "link '\(destination)' does not name a page: pages are <kind>/<slug>.md"))
        }
        let targetKind = components[0]
        let slug = String(components[1].dropLast(3))
        let id = EntityID(kind: targetKind, slug: slug)
        if !invalid.isEmpty, invalid.contains(id) { return .success(.external) }
        guard kinds.contains(targetKind) else {
            // A kind whose schema failed is missing here, but its pages are `invalid`: its error is reported already.
            if invalid.contains(where: { $0.kind == targetKind }) { return .success(.external) }
            return .failure(.error(
                at: location, "broken link '\(destination)': there is no kind '\(targetKind)'",
                suggestion: Suggestion.closest(to: targetKind, in: kinds)))
        }
        if slug == "_index" { return .success(.kind(targetKind, fragment: fragment)) }
        guard let position = index[id] else {
            let candidates = entities.lazy.filter { $0.id.kind == targetKind }.map(\.id.slug)
            return .failure(.error(
                at: location, "broken link '\(destination)': there is no page \(targetKind)/\(slug).md",
                suggestion: Suggestion.closest(to: slug, in: candidates).map { "\($0).md" }))
        }
        if let fragment {
            let targetHeadings = entities[position].body.headings
            guard targetHeadings.contains(where: { $0.id == fragment }) else {
                return .failure(.error(
                    at: location, "broken link '\(destination)': \(targetKind)/\(slug).md has no heading with anchor '#\(fragment)'",
                    suggestion: Suggestion.closest(to: fragment, in: targetHeadings.map(\.id))))
            }
        }
        return .success(.entity(id, fragment: fragment))
    }

    private func split(_ destination: String, isASCII: Bool) -> (path: String, fragment: String?) {
        guard let hash = isASCII ? destination.utf8.firstIndex(of: UInt8(ascii: "#")) : destination.firstIndex(of: "#") else {
            return (destination.removingPercentEncodingIfValid, nil)
        }
        let fragment = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]).removingPercentEncodingIfValid, fragment.isEmpty ? nil : fragment)
    }
}

extension String {
    var removingPercentEncodingIfValid: String {
        // A byte search: Foundation's `contains` compares characters, slowly. Where the two differ (every `%`
        // followed by a combining mark), no `%` starts a valid escape and the text is returned as it is anyway.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return removingPercentEncoding ?? self
    }
}
