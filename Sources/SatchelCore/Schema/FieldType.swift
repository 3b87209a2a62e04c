/// The type of a schema field; decides how a front-matter value is validated, rendered and sorted.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case string
    /// Inline Markdown.
    case text
    case integer
    case number(unit: String?)
    /// Two bounds such as `6-16`, sorted by lower then upper bound.
    case range(unit: String?)
    /// An ordered list of allowed values; sorts by rank, not alphabet.
    case enumeration([String])
    case bool
    /// `YYYY-MM-DD`.
    case date
    case url
    /// A reference to an entity of another (or the same) kind, written as its slug.
    case ref(kind: String)
    case list(FieldType)

    /// The names accepted after `type:` in a schema.
    static let names = ["string", "text", "integer", "number", "range", "enum", "bool", "date", "url", "ref", "list"]

    public var description: String {
        switch self {
        case .string: "string"
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .range: "range"
        case .enumeration: "enum"
        case .bool: "bool"
        case .date: "date"
        case .url: "url"
        case .ref(let kind): "ref to '\(kind)'"
        case .list(let element): "list of \(element)"
        }
    }

    /// The kind this field refers to, directly or as a list of references.
    public var referencedKind: String? {
        switch self {
        case .ref(let kind): kind
        case .list(let element): element.referencedKind
        default: nil
        }
    }

    /// The element type for lists, the type itself otherwise.
    public var elementType: FieldType {
        if case .list(let element) = self { return element }
        return self
    }

    public var unit: String? {
        switch self {
        case .number(let unit), .range(let unit): unit
        case .list(let element): element.unit
        default: nil
        }
    }
}
