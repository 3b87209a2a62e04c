/// A template that cannot be compiled, with the 1-based line and column of the offending tag.
public struct TemplateError: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// `{{#name}}` or `{{^name}}` without its closing tag; `close` is the tag that is missing.
        case unclosedSection(name: String, close: String)
        /// A closing tag that names another section than the innermost open one (opened at `openLine:openColumn`).
        case mismatchedClose(open: String, close: String, openLine: Int, openColumn: Int)
        /// A closing tag with no section open.
        case unopenedClose(name: String)
        /// An opening delimiter without its closing delimiter on the same line (comments may span lines).
        case unclosedTag(open: String, close: String)
        /// `{{=…=}}` that is not two delimiters without spaces or `=` in them.
        case invalidDelimiters(String)
        /// `{{}}`, `{{#}}` and the like.
        case emptyTag
        /// A name with spaces or empty parts, such as `a b` or `a..b`.
        case invalidName(String)
        /// Tags outside the supported subset: inheritance (`{{<`, `{{$`) and pragmas (`{{%`).
        case unsupportedTag(String)
        /// The file cannot be read or decoded.
        case unreadable(String)
    }

    /// The template's file, or its name when it does not come from a file.
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: Reason

    public init(file: String, line: Int, column: Int, reason: Reason) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var message: String {
        switch reason {
        case .unclosedSection(let name, let close):
            "section '\(name)' is never closed: expected '\(close)'"
        case .mismatchedClose(let open, let close, let openLine, let openColumn):
            "closing tag '\(close)' does not match the open section '\(open)' (opened at line \(openLine), column \(openColumn))"
        case .unopenedClose(let name):
            "closing tag '\(name)' has no open section"
        case .unclosedTag(let open, let close):
            "unclosed tag: '\(open)' has no matching '\(close)' on the same line"
        case .invalidDelimiters(let tag):
            "invalid set-delimiter tag '\(tag)': expected two delimiters without spaces or '=', as in '{{=<% %>=}}'"
        case .emptyTag:
            "empty tag: expected a name"
        case .invalidName(let name):
            "invalid name '\(name)': expected '.' or names separated by single dots, without spaces"
        case .unsupportedTag(let tag):
            "unsupported tag '\(tag)': template inheritance and pragmas are not available"
        case .unreadable(let why):
            why
        }
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    public static func < (lhs: TemplateError, rhs: TemplateError) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// Every template of a library that failed to compile, sorted by file and position.
public struct TemplateLibraryError: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) {
        self.errors = errors.sorted()
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
