import Foundation
import Yams

/// Checks one page's front matter against its kind's schema and turns it into typed values.
/// References are only checked for shape here; whether they exist is the content graph's job.
struct EntityValidator {
    let schema: KindSchema
    let source: YAMLSource

    /// The value `satchel new` writes into required fields; `check` reports it until it is replaced.
    static let placeholder = "TODO"

    struct Output {
        var title: String?
        var summary: String?
        var updated: String?
        var values: [String: FieldValue] = [:]
        var valueLocations: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        /// False when the front matter is not a mapping: nothing of it can be used. Otherwise the valid
        /// fields are kept even when others have errors.
        var isReadable = true
    }

    func validate(_ node: Node?) -> Output {
        var output = Output()
        let pageStart = SourceLocation(file: source.file, line: 1, column: 1)
        // Empty front matter is an empty mapping: every required field is missing.
        var pairs: [(key: Node, value: Node)] = []
        if let node {
            guard let mapping = node.mapping else {
                output.diagnostics.append(.error(at: source.location(of: node), "front matter must be a mapping of field names to values"))
                output.isReadable = false
                return output
            }
            pairs = Array(mapping)
        }
        var seen: Set<String> = []
        for (keyNode, valueNode) in pairs {
            let key = keyNode.scalar?.string ?? ""
            seen.insert(key)
            switch key {
            case "title":
                output.title = scalarText(valueNode, key: key, into: &output.diagnostics)
                if output.title?.trimmingSpacesAndTabs.isEmpty == true {
                    output.diagnostics.append(.error(at: source.location(of: valueNode), "field 'title' must not be empty"))
                }
                if output.title == Self.placeholder {
                    output.diagnostics.append(placeholderError(key: key, at: valueNode))
                }
            case "summary":
                output.summary = scalarText(valueNode, key: key, into: &output.diagnostics)
            case "updated":
                // Optional: when the page last changed, kept in the file because file times do not survive a clone.
                if !isNull(valueNode), let value = self.value(valueNode, type: .date, key: key, into: &output.diagnostics) {
                    output.updated = value.plainText
                }
            default:
                guard let field = schema.field(key) else {
                    output.diagnostics.append(.error(
                        at: source.location(of: keyNode), "unknown field '\(key)' for kind '\(schema.name)'",
                        suggestion: Suggestion.closest(to: key, in: schema.fields.map(\.key) + KindSchema.builtInKeys.sorted())))
                    continue
                }
                if field.isRequired, valueNode.scalar?.string == Self.placeholder {
                    output.diagnostics.append(placeholderError(key: key, at: valueNode))
                    continue
                }
                if isNull(valueNode) {
                    if field.isRequired {
                        output.diagnostics.append(.error(at: source.location(of: valueNode), "required field '\(key)' has no value"))
                    }
                    continue
                }
                if let value = self.value(valueNode, type: field.type, key: key, into: &output.diagnostics) {
                    output.values[key] = value
                    output.valueLocations[key] = source.location(of: valueNode)
                }
            }
        }
        if !seen.contains("title") {
            output.diagnostics.append(.error(at: pageStart, "missing required field 'title'"))
        }
        for field in schema.fields where field.isRequired && !seen.contains(field.key) {
            output.diagnostics.append(.error(at: pageStart, "missing required field '\(field.key)'"))
        }
        return output
    }

    private func placeholderError(key: String, at node: Node) -> Diagnostic {
        .error(at: source.location(of: node), "field '\(key)' still holds the placeholder '\(Self.placeholder)'; replace it with a real value")
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && Self.nullSpellings.contains(scalar.string)
    }

    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    private func scalarText(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: source.location(of: node), "field '\(key)' expects text, found a \(shapeName(node))"))
            return nil
        }
        return scalar.string
    }

    private func shapeName(_ node: Node) -> String {
        switch node {
        case .mapping: "mapping"
        case .sequence: "list"
        default: "single value"
        }
    }

    private func value(_ node: Node, type: FieldType, key: String, into diagnostics: inout [Diagnostic]) -> FieldValue? {
        if case .list(let element) = type {
            guard let sequence = node.sequence else {
                diagnostics.append(.error(
                    at: source.location(of: node),
                    "field '\(key)' expects a list (of \(element)), found a \(shapeName(node)) (write [a, b] or one '- item' per line)"))
                return nil
            }
            var items: [FieldValue] = []
            var failed = false
            for item in sequence {
                if let value = value(item, type: element, key: key, into: &diagnostics) {
                    items.append(value)
                } else {
                    failed = true
                }
            }
            return failed ? nil : .list(items)
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: source.location(of: node), "field '\(key)' expects \(article(type)), found a \(shapeName(node))"))
            return nil
        }
        let text = scalar.string.trimmingSpacesAndTabs
        let location = source.location(of: node)
        func fail(_ message: String, suggestion: String? = nil) -> FieldValue? {
            diagnostics.append(.error(at: location, message, suggestion: suggestion))
            return nil
        }
        switch type {
        case .string:
            return .string(text)
        case .text:
            return .text(text)
        case .integer:
            guard let value = Int(text) else { return fail("field '\(key)' expects an integer, found '\(text)'") }
            return .integer(value)
        case .number:
            guard let value = Double(text), value.isFinite else { return fail("field '\(key)' expects a number, found '\(text)'") }
            return .number(value)
        case .range:
            guard let (lower, upper) = Self.parseRange(text) else {
                return fail("field '\(key)' expects a range such as '6-16' or a single number, found '\(text)'")
            }
            guard lower <= upper else { return fail("field '\(key)' has a range whose lower bound is above its upper bound: '\(text)'") }
            return .range(lower: lower, upper: upper)
        case .enumeration(let allowed):
            guard let rank = allowed.firstIndex(of: text) else {
                let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
                return fail(
                    "'\(text)' is not an allowed value of field '\(key)' (allowed: \(list))",
                    suggestion: allowed.first { $0.lowercased() == text.lowercased() } ?? Suggestion.closest(to: text, in: allowed))
            }
            return .enumeration(text, rank: rank)
        case .bool:
            switch text.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default: return fail("field '\(key)' expects true or false, found '\(text)'")
            }
        case .date:
            guard Self.isValidDate(text) else { return fail("field '\(key)' expects a date written YYYY-MM-DD, found '\(text)'") }
            return .date(text)
        case .url:
            let lowered = text.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:"),
                  !text.contains(where: \.isWhitespace)
            else { return fail("field '\(key)' expects an http(s) or mailto URL, found '\(text)'") }
            return .url(text)
        case .ref(let kind):
            guard ContentLoader.isValidSlug(text) else {
                return fail("field '\(key)' expects the slug of a page in '\(kind)', found '\(text)'")
            }
            return .ref(text, at: location)
        case .list:
            return nil
        }
    }

    private func article(_ type: FieldType) -> String {
        switch type {
        case .integer, .enumeration, .url: "an \(type)"
        case .text: "text (inline Markdown)"
        default: "a \(type)"
        }
    }

    /// `6-16`, `6–16`, `6 to 16` or a single number. The separator is found by its UTF-8 bytes, not through
    /// Foundation: ranges are on most pages of a catalog.
    static func parseRange(_ text: String) -> (Double, Double)? {
        if let single = Double(text) { return (single, single) }
        let bytes = Array(text.utf8)
        for separator in ["–", "—", " to ", "-"] {
            // Exactly two parts: the separator occurs once.
            guard let (before, after) = bytes.withUnsafeBufferPointer({ Self.splitOnce($0, at: separator) }),
                  let lower = Double(String(decoding: bytes[before], as: UTF8.self).trimmingSpacesAndTabs),
                  let upper = Double(String(decoding: bytes[after], as: UTF8.self).trimmingSpacesAndTabs)
            else { continue }
            return (lower, upper)
        }
        return nil
    }

    /// The byte ranges before and after `separator` in `bytes`, if it occurs exactly once.
    private static func splitOnce(_ bytes: UnsafeBufferPointer<UInt8>, at separator: String) -> (Range<Int>, Range<Int>)? {
        var separator = separator
        return separator.withUTF8 { needle in
            guard let first = UTF8Search.firstOffset(of: needle, in: bytes), first + needle.count <= bytes.count else { return nil }
            let rest = UnsafeBufferPointer(rebasing: bytes[(first + needle.count)...])
            guard UTF8Search.firstOffset(of: needle, in: rest) == nil else { return nil }
            return (0..<first, (first + needle.count)..<bytes.count)
        }
    }

    static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (spaces and tabs, Unicode's included), answered without
    /// Foundation when both ends are ASCII other than a space or a tab, as nearly every value's are.
    var trimmingSpacesAndTabs: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
