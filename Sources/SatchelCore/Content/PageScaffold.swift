/// `satchel new KIND SLUG`: a new page whose front matter lists the kind's fields, with required ones
/// holding a placeholder that `satchel check` reports until it is replaced.
public enum PageScaffold {
    public static func text(for schema: KindSchema, slug: String) -> String {
        var lines = ["---", "title: \(EntityValidator.placeholder)", "summary: "]
        for field in schema.fields {
            let hint = "# \(field.label): \(hint(for: field.type))"
            if field.isRequired {
                lines.append("\(field.key): \(EntityValidator.placeholder)  \(hint)")
            } else {
                lines.append("# \(field.key):  \(hint.dropFirst(2))")
            }
        }
        lines += ["---", "", "Write the page's body in Markdown here.", ""]
        return lines.joined(separator: "\n")
    }

    private static func hint(for type: FieldType) -> String {
        switch type {
        case .string: "text"
        case .text: "inline Markdown"
        case .integer: "a whole number"
        case .number(let unit): "a number" + (unit.map { " in \($0)" } ?? "")
        case .range(let unit): "a range such as 6-16" + (unit.map { " (\($0))" } ?? "")
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        case .bool: "true or false"
        case .date: "YYYY-MM-DD"
        case .url: "https://…"
        case .ref(let kind): "the slug of a page in \(kind)"
        case .list(let element): "a list [a, b] of " + hint(for: element)
        }
    }
}

import Foundation

extension PageScaffold {
    /// Writes the scaffold for a new page, refusing invalid slugs, unknown kinds and existing files.
    public static func create(kind: String, slug: String, content: URL, displayPath: String) throws(BuildFailure) -> String {
        let loaded = try ContentLoader(directory: content, displayPath: displayPath).load()
        let path = "\(displayPath)/\(kind)/\(slug).md"
        guard let schema = loaded.schemas.first(where: { $0.name == kind }) else {
            throw BuildFailure([.error(
                at: SourceLocation(file: "\(displayPath)/_site.yml"), "unknown kind '\(kind)'",
                suggestion: Suggestion.closest(to: kind, in: loaded.schemas.map(\.name)))])
        }
        if let problem = ContentLoader.slugProblem(slug) {
            throw BuildFailure([.error(at: SourceLocation(file: path), problem, suggestion: ContentLoader.suggestedSlug(for: slug))])
        }
        let url = content.appendingPathComponent(kind).appendingPathComponent("\(slug).md")
        if FileManager.default.fileExists(atPath: url.path) {
            throw BuildFailure([.error(at: SourceLocation(file: path), "page already exists")])
        }
        do {
            try Data(text(for: schema, slug: slug).utf8).write(to: url)
        } catch {
            throw BuildFailure([.error(at: SourceLocation(file: path), "cannot write file: \(error.localizedDescription)")])
        }
        return path
    }
}
