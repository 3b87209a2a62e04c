/// A front-matter value checked against its field's type.
public indirect enum FieldValue: Sendable, Hashable {
    case string(String)
    /// Inline Markdown, rendered at render time.
    case text(String)
    case integer(Int)
    case number(Double)
    case range(lower: Double, upper: Double)
    /// The value and its rank in the enum's declared order.
    case enumeration(String, rank: Int)
    case bool(Bool)
    /// `YYYY-MM-DD`.
    case date(String)
    case url(String)
    /// A slug of the referenced kind, with where it was written (resolved by the content graph).
    case ref(String, at: SourceLocation)
    case list([FieldValue])

    /// The value as plain text, for search, CSV and `satchel graph`.
    public var plainText: String {
        switch self {
        case .string(let value), .text(let value), .date(let value), .url(let value): value
        case .integer(let value): String(value)
        case .number(let value): Self.format(value)
        case .range(let lower, let upper): lower == upper ? Self.format(lower) : "\(Self.format(lower))–\(Self.format(upper))"
        case .enumeration(let value, _): value
        case .bool(let value): value ? "Yes" : "No"
        case .ref(let slug, _): slug
        case .list(let values): values.map(\.plainText).joined(separator: ", ")
        }
    }

    /// The inline Markdown held by a `text` value or a list of them.
    public var textValues: [String] {
        switch self {
        case .text(let markdown): [markdown]
        case .list(let values): values.flatMap(\.textValues)
        default: []
        }
    }

    /// Slugs referenced by this value.
    public var referencedSlugs: [(slug: String, location: SourceLocation)] {
        switch self {
        case .ref(let slug, let location): [(slug, location)]
        case .list(let values): values.flatMap(\.referencedSlugs)
        default: []
        }
    }

    /// Numbers without a trailing `.0`: `16`, `2.5`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
