/// Parses and validates one page: front matter split, YAML, schema validation and Markdown parsing.
/// Pure apart from cmark; pages are independent, so the build runs this for many pages in parallel.
enum PageParser {
    static func parse(_ page: SourcePage, schema: KindSchema, allowsRawHTML: Bool) -> Result<Entity, BuildFailure> {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.split(page.text, file: page.path)
        } catch {
            return .failure(BuildFailure([error]))
        }
        let source = YAMLSource(file: page.path, firstLine: frontMatter.yamlFirstLine)
        let output: EntityValidator.Output
        do {
            output = EntityValidator(schema: schema, source: source).validate(try source.parse(frontMatter.yaml))
        } catch {
            return .failure(BuildFailure([error]))
        }
        guard output.diagnostics.isEmpty, let title = output.title else {
            return .failure(BuildFailure(output.diagnostics))
        }
        let body = MarkdownDocument(frontMatter.body, firstLine: frontMatter.bodyFirstLine, allowsRawHTML: allowsRawHTML)
        return .success(Entity(
            id: EntityID(kind: page.kind, slug: page.slug), title: title, summary: output.summary, updated: output.updated,
            values: output.values, valueLocations: output.valueLocations, body: body, sourcePath: page.path))
    }

    /// A kind's `_index.md`: Markdown with optional front matter, which is ignored apart from being skipped.
    static func parseIntroduction(_ page: SourcePage, allowsRawHTML: Bool) -> MarkdownDocument {
        if let frontMatter = try? FrontMatter.split(page.text, file: page.path) {
            return MarkdownDocument(frontMatter.body, firstLine: frontMatter.bodyFirstLine, allowsRawHTML: allowsRawHTML)
        }
        return MarkdownDocument(page.text, firstLine: 1, allowsRawHTML: allowsRawHTML)
    }
}
