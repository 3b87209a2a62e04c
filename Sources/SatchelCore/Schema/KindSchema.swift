/// A kind of entity (`materials`, `markets`, …) and the typed fields its pages carry.
public struct KindSchema: Sendable, Hashable {
    /// The folder name, also the first path component of every page of the kind.
    public var name: String
    public var singular: String
    public var plural: String
    public var description: String
    /// Declared fields, in display order. `title`, `summary` and `updated` are built in and not listed.
    public var fields: [FieldSpec]
    /// Keys of the fields shown as columns of the kind's comparison table.
    public var compareKeys: [String]
    public var location: SourceLocation

    /// Keys every page has without declaring them.
    public static let builtInKeys: Set<String> = ["title", "summary", "updated"]

    public func field(_ key: String) -> FieldSpec? {
        fields.first { $0.key == key }
    }

    public var compareFields: [FieldSpec] {
        compareKeys.compactMap(field)
    }
}
