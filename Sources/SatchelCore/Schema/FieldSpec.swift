/// One typed field of a kind's schema.
public struct FieldSpec: Sendable, Hashable {
    /// The front-matter key.
    public var key: String
    /// The human label shown on pages and table headers.
    public var label: String
    public var type: FieldType
    public var isRequired: Bool
    public var description: String?
    /// For references: the label under which the referenced entity lists the entities that point to it.
    public var inverseLabel: String?
    /// Whether the kind's comparison page charts this field across the kind (`chart: true`; integer, number,
    /// range and enum fields only).
    public var isCharted: Bool
    /// Whether the kind's comparison page shows this reference field as a cross-reference matrix
    /// (`matrix: true`; reference fields only).
    public var isMatrix: Bool = false
    /// Where the field is declared, for diagnostics about the schema.
    public var location: SourceLocation

    /// The label used when a schema gives none: `lead_time` → `Lead time`.
    static func defaultLabel(for key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
