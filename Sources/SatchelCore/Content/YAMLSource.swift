import Yams

/// YAML parsed with its positions mapped into the file it came from.
struct YAMLSource {
    let file: String
    /// Line of the file on which the YAML text starts (front matter starts on line 2).
    let firstLine: Int

    /// `Constructor.default` builds three tag maps on every access; one shared constructor saves that per page.
    /// Its maps are immutable, so sharing it between parsing threads is safe.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Parses YAML text; syntax errors, tabs used for indentation and duplicate keys become diagnostics.
    func parse(_ yaml: String) throws(Diagnostic) -> Node? {
        do {
            // The basic resolver leaves scalars untyped (the schema types them) and skips Yams' per-scalar
            // regular expressions; an explicit encoding skips its environment lookup on every call.
            return try Yams.compose(yaml: yaml, .basic, Self.constructor, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, yaml: yaml)
        } catch {
            throw .error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(error)")
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: firstLine) }
        return location(of: mark)
    }

    func location(of mark: Mark) -> SourceLocation {
        location(line: mark.line, column: mark.column)
    }

    /// Maps a 1-based line and column of the YAML text to the file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + firstLine - 1, column: max(column, 1))
    }

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(max(mark.line - 1, 0)).first ?? ""
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return .error(
                    at: location(line: mark.line, column: 1),
                    "invalid YAML: tabs are not allowed for indentation; indent with spaces")
            }
            // libyaml's own wording names its C API; say what the writer can change instead.
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error(at: location(of: mark), "invalid YAML: nested too deeply (more than 1000 levels)")
            }
            return .error(at: location(of: mark), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: location(of: context.mark), "duplicate key \(names)")
        default:
            return .error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(error)")
        }
    }
}
