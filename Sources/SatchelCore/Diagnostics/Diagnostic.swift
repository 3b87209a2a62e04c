/// One problem found in the input, printed compiler style:
/// `content/materials/nylon.md:7:12: error: unknown reference 'kenyaa' in field 'markets' (did you mean 'kenya'?)`.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A proposed fix, shown as "(did you mean 'x'?)".
    public var suggestion: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func error(at location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, suggestion: suggestion)
    }

    public static func warning(at location: SourceLocation, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, suggestion: suggestion)
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.message < rhs.message
    }
}

/// Thrown when a stage found errors; carries every diagnostic of the run, sorted by file and position.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
