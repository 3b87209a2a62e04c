import Foundation
import Mustache

/// A theme folder: Mustache templates (with partials) read at run time, and assets copied as they are.
public struct Theme: Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["home", "kind", "entity", "404", "navigation", "search", "compare", "compare-table", "side-by-side"]

    public let name: String
    public let directory: URL
    public let library: MustacheLibrary

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
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var texts: [String: (path: String, text: String)] = [:]
        let enumerator = fileManager.enumerator(atPath: templatesDirectory.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            let templateName = String(relative.dropLast(".mustache".count))
            let path = "\(templatesDisplay)/\(relative)"
            do {
                let text = try SourceText.read(templatesDirectory.appendingPathComponent(relative), displayPath: path)
                texts[templateName] = (path, text)
                library.register(try MustacheTemplate(string: text), named: templateName)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                    "template syntax error: \(describe(error.error))"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: path), "template error: \(error)"))
            }
        }
        for required in requiredTemplates where texts[required] == nil {
            diagnostics.append(.error(at: SourceLocation(file: templatesDisplay), "theme '\(name)' lacks the template '\(required).mustache'"))
        }
        for (_, template) in texts {
            for reference in partialReferences(in: template.text) where texts[reference.name] == nil {
                diagnostics.append(.error(
                    at: SourceLocation(file: template.path, line: reference.line, column: reference.column),
                    "missing partial '\(reference.name)': no \(reference.name).mustache in \(templatesDisplay)",
                    suggestion: Suggestion.closest(to: reference.name, in: texts.keys)))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return Theme(name: name, directory: directory, library: library)
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions (default delimiters only).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let marker = afterOpen.first, marker == ">" || marker == "<",
                      let close = afterOpen.range(of: "}}") else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                references.append((name, lineIndex + 1, column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "the closing tag does not match the open section"
        case .unfinishedName: "unfinished tag"
        case .expectedSectionEnd: "a section is not closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }

    public func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }
}
