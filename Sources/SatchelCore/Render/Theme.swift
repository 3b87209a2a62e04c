import Foundation
import Yams

/// A theme folder: Mustache templates (with partials) read at run time, and assets copied as they are.
///
/// A theme may extend another (`extends: default` in its `theme.yml`): it then holds only the templates and
/// assets it changes, and every template or asset it lacks comes from its parent, the parent's parent, and so on.
public struct Theme: Sendable {
    /// Templates every theme must provide, itself or through the themes it extends.
    public static let requiredTemplates = ["home", "kind", "entity", "404", "navigation", "search", "compare", "compare-table", "side-by-side", "map"]
    /// The optional file naming the theme's parent.
    public static let configFile = "theme.yml"

    public let name: String
    public let directory: URL
    /// This theme's folder, then its parent's, up to the theme that extends none.
    public let lineage: [URL]
    public let library: TemplateLibrary

    /// The asset folders to copy, the farthest ancestor first, so that a theme's own files replace its parents'.
    public var assetsDirectories: [URL] { lineage.reversed().map { $0.appendingPathComponent("assets") } }

    /// Loads `themes/<name>/templates/*.mustache` and those of the themes it extends, reporting a bad
    /// `theme.yml` (unknown parent, a cycle), syntax errors, missing required templates and partials that
    /// name no template, with their file and position.
    public static func load(named name: String, themesDirectory: URL, displayPath: String) throws(BuildFailure) -> Theme {
        let names = try resolveLineage(of: name, themesDirectory: themesDirectory, displayPath: displayPath)
        let lineage = names.map { themesDirectory.appendingPathComponent($0) }
        var templates: [String: CompiledTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        // The farthest ancestor first: a theme's template replaces its parent's of the same name.
        for themeName in names.reversed() {
            let templatesDirectory = themesDirectory.appendingPathComponent(themeName).appendingPathComponent("templates")
            guard FileManager.default.fileExists(atPath: templatesDirectory.path) else { continue }
            do {
                let compiled = try TemplateLibrary.compile(directory: templatesDirectory, displayPath: "\(displayPath)/\(themeName)/templates")
                templates.merge(compiled) { _, own in own }
            } catch {
                diagnostics += error.errors.map {
                    .error(at: SourceLocation(file: $0.file, line: $0.line, column: $0.column), "template syntax error: \($0.message)")
                }
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        let templatesDisplay = "\(displayPath)/\(name)/templates"
        let inherited = names.count > 1 ? " or the themes it extends (\(names.dropFirst().joined(separator: ", ")))" : ""
        let owner = names.count > 1 ? "theme '\(name)' and the themes it extends (\(names.dropFirst().joined(separator: ", "))) lack" : "theme '\(name)' lacks"
        for required in requiredTemplates where templates[required] == nil {
            diagnostics.append(.error(at: SourceLocation(file: templatesDisplay), "\(owner) the template '\(required).mustache'"))
        }
        let library = TemplateLibrary(templates: templates)
        for reference in library.missingPartials {
            diagnostics.append(.error(
                at: SourceLocation(file: reference.file, line: reference.line, column: reference.column),
                "missing partial '\(reference.name)': no \(reference.name).mustache in \(templatesDisplay)\(inherited)",
                suggestion: Suggestion.closest(to: reference.name, in: library.names)))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return Theme(name: name, directory: lineage[0], lineage: lineage, library: library)
    }

    /// The theme's name followed by its ancestors', read from each `theme.yml`; an unknown theme, an
    /// unreadable `theme.yml`, an unknown key or a cycle is an error pointing at the file and value.
    static func resolveLineage(of name: String, themesDirectory: URL, displayPath: String) throws(BuildFailure) -> [String] {
        var names: [String] = []
        var current = name
        var referrer: SourceLocation?
        while true {
            let directory = themesDirectory.appendingPathComponent(current)
            guard FileManager.default.fileExists(atPath: directory.path) else {
                let available = ((try? FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)) ?? [])
                    .filter { !$0.hasPrefix(".") }.sorted()
                let message = referrer == nil
                    ? "theme '\(current)' not found: no folder \(displayPath)/\(current)/templates"
                    : "theme '\(names.last!)' extends unknown theme '\(current)': no folder \(displayPath)/\(current)"
                throw BuildFailure([.error(
                    at: referrer ?? SourceLocation(file: "\(displayPath)/\(current)"), message,
                    suggestion: Suggestion.closest(to: current, in: available))])
            }
            if names.contains(current) {
                let cycle = (names.drop { $0 != current } + [current]).joined(separator: " → ")
                throw BuildFailure([.error(at: referrer ?? SourceLocation(file: "\(displayPath)/\(current)"), "themes extend each other in a cycle: \(cycle)")])
            }
            names.append(current)
            guard let (parent, location) = try parent(of: current, themesDirectory: themesDirectory, displayPath: displayPath) else {
                return names
            }
            current = parent
            referrer = location
        }
    }

    /// The `extends:` value of a theme's `theme.yml` and where it is written; nil when the theme has no parent.
    private static func parent(of name: String, themesDirectory: URL, displayPath: String) throws(BuildFailure) -> (String, SourceLocation)? {
        let file = themesDirectory.appendingPathComponent(name).appendingPathComponent(configFile)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let display = "\(displayPath)/\(name)/\(configFile)"
        let source = YAMLSource(file: display, firstLine: 1)
        let node: Node?
        do {
            node = try source.parse(try SourceText.decode(data, displayPath: display))
        } catch {
            throw BuildFailure([error])
        }
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            throw BuildFailure([.error(at: source.location(of: node), "\(configFile) must be a mapping such as 'extends: default'")])
        }
        var result: (String, SourceLocation)?
        var diagnostics: [Diagnostic] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard key == "extends" else {
                diagnostics.append(.error(at: source.location(of: keyNode), "unknown key '\(key)' in \(configFile)", suggestion: Suggestion.closest(to: key, in: ["extends"])))
                continue
            }
            guard let parent = valueNode.scalar?.string, !parent.isEmpty, !parent.contains("/"), !parent.hasPrefix(".") else {
                diagnostics.append(.error(at: source.location(of: valueNode), "'extends' expects the name of a theme folder beside this one"))
                continue
            }
            result = (parent, source.location(of: valueNode))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return result
    }

    /// The folders a build reads for `name`: the theme's and its ancestors', as far as they can be resolved.
    /// Used to hash the theme for the build cache before the theme is loaded (and its errors reported).
    static func folders(named name: String, themesDirectory: URL) -> [URL] {
        var names: [String] = []
        var current: String? = name
        while let next = current, !names.contains(next) {
            names.append(next)
            current = try? parent(of: next, themesDirectory: themesDirectory, displayPath: "")?.0
        }
        return names.map { themesDirectory.appendingPathComponent($0) }
    }

    /// The template for a page of `kind`: `<base>-<kind>` when the theme has one (`entity-guides`), else `base`.
    public func template(_ base: String, kind: String) -> String {
        let specific = "\(base)-\(kind)"
        return library.contains(specific) ? specific : base
    }

    /// `template` rendered with `view`; with `fragments`, listing cards and table rows rendered before are reused.
    public func render(_ view: some TemplateContext, template: String, fragments: TemplateFragments? = nil) -> String {
        library.render(template, view, fragments: fragments) ?? ""
    }
}
