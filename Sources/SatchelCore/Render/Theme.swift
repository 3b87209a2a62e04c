import Foundation

/// A theme folder: Mustache templates (with partials) read at run time, and assets copied as they are.
public struct Theme: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["home", "kind", "entity", "404", "navigation", "search", "compare", "compare-table", "side-by-side", "map"]

    public let name: String
    public let directory: URL
    public let library: TemplateLibrary

    public var assetsDirectory: URL { directory.appendingPathComponent("assets") }

    /// Loads `themes/<name>/templates/*.mustache`, reporting syntax errors, missing required templates
    /// and partials that name no template, with their file and position.
    public static func load(named name: String, themesDirectory: URL, displayPath: String) throws(BuildFailure) -> Theme {
        let directory = themesDirectory.appendingPathComponent(name)
        let templatesDirectory = directory.appendingPathComponent("templates")
        let templatesDisplay = "\(displayPath)/\(name)/templates"
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: templatesDirectory.path) else {
            let available = ((try? fileManager.contentsOfDirectory(atPath: themesDirectory.path)) ?? []).filter { !$0.hasPrefix(".") }
            throw BuildFailure([.error(
                at: SourceLocation(file: "\(displayPath)/\(name)"), "theme '\(name)' not found: no folder \(templatesDisplay)",
                suggestion: Suggestion.closest(to: name, in: available))])
        }
        let names = ((fileManager.enumerator(atPath: templatesDirectory.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        var diagnostics: [Diagnostic] = []
        for required in requiredTemplates where !names.contains(required) {
            diagnostics.append(.error(at: SourceLocation(file: templatesDisplay), "theme '\(name)' lacks the template '\(required).mustache'"))
        }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(directory: templatesDirectory, displayPath: templatesDisplay)
        } catch {
            diagnostics += error.errors.map {
                .error(at: SourceLocation(file: $0.file, line: $0.line, column: $0.column), "template syntax error: \($0.message)")
            }
            throw BuildFailure(diagnostics)
        }
        for reference in library.missingPartials {
            diagnostics.append(.error(
                at: SourceLocation(file: reference.file, line: reference.line, column: reference.column),
                "missing partial '\(reference.name)': no \(reference.name).mustache in \(templatesDisplay)",
                suggestion: Suggestion.closest(to: reference.name, in: library.names)))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return Theme(name: name, directory: directory, library: library)
    }

    public func render(_ view: some TemplateContext, template: String) -> String {
        library.render(template, view) ?? ""
    }
}
