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
    /// Scans lines only until the closing delimiter; the body is taken as one slice.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            throw .error(at: SourceLocation(file: file), "empty file: a page needs front matter with at least a 'title'")
        }
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let isDelimiter = isDelimiterLine(utf8[lineStart..<lineEnd], allowDots: yamlStart != nil)
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if isDelimiter {
                    return FrontMatter(
                        yaml: String(text[start..<lineStart].dropLast(start < lineStart ? 1 : 0)),
                        yamlFirstLine: 2,
                        body: String(text[next...]),
                        bodyFirstLine: lineNumber + 1)
                }
            } else {
                guard isDelimiter else {
                    throw .error(
                        at: SourceLocation(file: file),
                        "missing front matter: a page must start with a line '---', then YAML, then a line '---'")
                }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        throw .error(at: SourceLocation(file: file), "unterminated front matter: no closing '---' line")
    }

    /// `---` (or `...` to close), optionally followed by spaces or tabs.
    private static func isDelimiterLine(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
