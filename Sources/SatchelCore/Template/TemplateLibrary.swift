import Foundation

/// A set of named templates that can include each other as partials: compiled once, linked once (each
/// `{{> name}}` resolved to its template), then rendered any number of times, from any number of tasks.
public struct TemplateLibrary: Sendable {
    private let templates: [CompiledTemplate]
    private let slots: [String: Int]
    /// Initial capacity of the output buffer; larger pages grow it.
    private static let outputCapacity = 16 * 1024

    /// Links compiled templates under their names.
    public init(templates named: [String: CompiledTemplate]) {
        let names = named.keys.sorted()
        var slots: [String: Int] = [:]
        for (slot, name) in names.enumerated() { slots[name] = slot }
        self.slots = slots
        var sections = 0
        self.templates = names.map { name in
            var template = named[name]!
            template.link(slots, sections: &sections)
            return template
        }
    }

    /// Compiles templates given as source text, keyed by name (the name is the file in errors); every syntax
    /// error is reported, not just the first.
    public init(sources: [String: String]) throws(TemplateLibraryError) {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        for (name, source) in sources {
            do {
                compiled[name] = try CompiledTemplate(source, file: name)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw TemplateLibraryError(errors) }
        self.init(templates: compiled)
    }

    /// Loads and compiles every `*.mustache` file under `directory`, subfolders included; a file's template
    /// name is its path relative to `directory` without the extension (`entity`, `partials/card`). Errors name
    /// files as `displayPath/relative path` and are all reported at once.
    public init(directory: URL, displayPath: String) throws(TemplateLibraryError) {
        self.init(templates: try Self.compile(directory: directory, displayPath: displayPath))
    }

    /// Compiles every `*.mustache` file under `directory` without linking them, so that templates of several
    /// folders (a theme and the themes it extends) can be merged before they are linked.
    public static func compile(directory: URL, displayPath: String) throws(TemplateLibraryError) -> [String: CompiledTemplate] {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [TemplateError] = []
        let suffix = ".mustache"
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var relativePaths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(suffix) { relativePaths.append(relative) }
        }
        for relative in relativePaths.sorted() {
            let file = displayPath.isEmpty ? relative : "\(displayPath)/\(relative)"
            do {
                let data = try Data(contentsOf: directory.appendingPathComponent(relative))
                let source = try SourceText.decode(data, displayPath: file)
                compiled[String(relative.dropLast(suffix.count))] = try CompiledTemplate(source, file: file)
            } catch let error as TemplateError {
                errors.append(error)
            } catch let diagnostic as Diagnostic {
                errors.append(TemplateError(
                    file: file, line: diagnostic.location.line, column: diagnostic.location.column, reason: .unreadable(diagnostic.message)))
            } catch {
                errors.append(TemplateError(file: file, line: 1, column: 1, reason: .unreadable("cannot read file: \(error.localizedDescription)")))
            }
        }
        if !errors.isEmpty { throw TemplateLibraryError(errors) }
        return compiled
    }

    /// The templates' names, sorted.
    public var names: [String] { slots.keys.sorted() }

    public func contains(_ name: String) -> Bool { slots[name] != nil }

    public func template(named name: String) -> CompiledTemplate? {
        slots[name].map { templates[$0] }
    }

    /// Every `{{> name}}` tag that names no template of the library, sorted by file and position. Such a tag
    /// renders as nothing, as the Mustache spec asks; a build should report these before rendering.
    public var missingPartials: [PartialReference] {
        templates.flatMap(\.partialReferences).filter { slots[$0.name] == nil }.sorted()
    }

    /// Renders the template `name` with `context` at the bottom of the stack; nil when there is no such template.
    public func render(_ name: String, _ context: some TemplateContext, fragments: TemplateFragments? = nil) -> String? {
        render(name, value: .context(context), fragments: fragments)
    }

    /// Renders the template `name` with `value` at the bottom of the stack; nil when there is no such template.
    /// With `fragments`, list elements that keep `TemplateRenderings` are taken from them when they were
    /// rendered before (by this library, with the same `fragments`) with the same values around them, and
    /// recorded in them otherwise.
    public func render(_ name: String, value: TemplateValue, fragments: TemplateFragments? = nil) -> String? {
        guard let slot = slots[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, root: value, capacity: Self.outputCapacity, fragments: fragments)
        renderer.render(templates[slot].nodes, indentation: "")
        return renderer.output
    }
}
