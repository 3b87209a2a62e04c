/// Checks that need every schema at once: references to kinds that exist and inverse labels that do not
/// clash on the kind they appear on.
enum SchemaSet {
    static func check(_ schemas: [KindSchema], config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let kinds = Set(schemas.map(\.name))
        var inverseOwners: [String: [String: FieldSpec]] = [:]
        for schema in schemas {
            for field in schema.fields {
                guard let target = field.type.referencedKind else { continue }
                guard kinds.contains(target) else {
                    if !config.kinds.contains(target) {
                        diagnostics.append(.error(
                            at: field.location, "field '\(field.key)' refers to unknown kind '\(target)'",
                            suggestion: Suggestion.closest(to: target, in: config.kinds)))
                    }
                    continue
                }
                let label = inverseLabel(of: field, in: schema)
                if let owner = inverseOwners[target]?[label] {
                    diagnostics.append(.error(
                        at: field.location,
                        "inverse label '\(label)' of field '\(field.key)' clashes with field '\(owner.key)' (\(owner.location.file)); both would show on '\(target)' pages under the same heading"))
                } else {
                    inverseOwners[target, default: [:]][label] = field
                }
            }
        }
        return diagnostics
    }

    /// The heading under which a referenced entity lists the entities pointing to it through `field`.
    static func inverseLabel(of field: FieldSpec, in schema: KindSchema) -> String {
        if let label = field.inverseLabel { return label }
        return "\(schema.plural) (\(field.label.lowercased()))"
    }
}
