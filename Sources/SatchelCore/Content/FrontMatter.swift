/// A page split into its YAML front matter and Markdown body, with the line each part starts on so that
/// positions reported by the YAML and Markdown parsers can be mapped back into the `.md` file.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: String
    /// 1-based line of the file on which `yaml` starts.
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---` line.
    public var body: String
    /// 1-based line of the file on which `body` starts.
    public var bodyFirstLine: Int

    /// Splits a page. The text must already be normalised (no BOM, `\n` line ends).
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        if text.allSatisfy(\.isWhitespace) {
            throw .error(at: SourceLocation(file: file), "empty file: a page needs front matter with at least a 'title'")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.trimmingTrailingSpaces == "---" else {
            throw .error(
                at: SourceLocation(file: file),
                "missing front matter: a page must start with a line '---', then YAML, then a line '---'")
        }
        var yamlLines: [Substring] = []
        while let line = lines.popFirst() {
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: yamlLines.count + 3)
            }
            yamlLines.append(line)
        }
        throw .error(at: SourceLocation(file: file), "unterminated front matter: no closing '---' line")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
