/// Parses and validates one page: front matter split, YAML, schema validation and Markdown parsing.
/// Pure apart from cmark; pages are independent, so the build runs this for many pages in parallel.
enum PageParser {
    /// What parsing one page gave: its entity, unless the front matter could not be read at all, and every
    /// error found on the page.
    struct Outcome {
        /// The page with its valid fields and its body. An entity with `diagnostics` is partial: fields whose
        /// values were invalid are left out, so the graph checks the references and links the page does
        /// hold without reporting anything about the invalid values again.
        var entity: Entity?
        var diagnostics: [Diagnostic]
    }

    static func parse(_ page: SourcePage, schema: KindSchema, allowsRawHTML: Bool) -> Outcome {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.split(page.text, file: page.path)
        } catch {
            return Outcome(entity: nil, diagnostics: [error])
        }
        let source = YAMLSource(file: page.path, firstLine: frontMatter.yamlFirstLine)
        let output: EntityValidator.Output
        do {
            output = EntityValidator(schema: schema, source: source).validate(try source.parse(frontMatter.yaml))
        } catch {
            return Outcome(entity: nil, diagnostics: [error])
        }
        guard output.isReadable else { return Outcome(entity: nil, diagnostics: output.diagnostics) }
        let body = MarkdownDocument(frontMatter.body, firstLine: frontMatter.bodyFirstLine, allowsRawHTML: allowsRawHTML)
        // A page without a valid title is still placed in the graph (under its slug) so its links are checked;
        // its title error is among the diagnostics, so it is never rendered.
        let entity = Entity(
            id: EntityID(kind: page.kind, slug: page.slug), title: output.title ?? page.slug, summary: output.summary,
            updated: output.updated, values: output.values, valueLocations: output.valueLocations, body: body,
            sourcePath: page.path)
        return Outcome(entity: entity, diagnostics: output.diagnostics)
    }

    /// A kind's `_index.md`: Markdown with optional front matter, which is ignored apart from being skipped.
    static func parseIntroduction(_ page: SourcePage, allowsRawHTML: Bool) -> MarkdownDocument {
        if let frontMatter = try? FrontMatter.split(page.text, file: page.path) {
            return MarkdownDocument(frontMatter.body, firstLine: frontMatter.bodyFirstLine, allowsRawHTML: allowsRawHTML)
        }
        return MarkdownDocument(page.text, firstLine: 1, allowsRawHTML: allowsRawHTML)
    }
}
