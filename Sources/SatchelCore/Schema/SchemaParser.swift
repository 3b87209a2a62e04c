import Yams

/// Turns `_site.yml` and `_kind.yml` files into `SiteConfig` and `KindSchema` values, reporting every
/// mistake with its position. Cross-kind checks (references to unknown kinds, inverse label clashes)
/// live in `SchemaSet`, which sees all kinds at once.
enum SchemaParser {
    static let siteKeys = ["title", "description", "language", "kinds", "theme", "raw_html"]
    static let kindKeys = ["singular", "plural", "description", "fields", "compare"]
    static let fieldKeys = ["type", "of", "label", "required", "description", "unit", "values", "kind", "inverse", "chart", "matrix"]

    static func parseSite(_ text: String, file: String) -> Result<SiteConfig, BuildFailure> {
        let source = YAMLSource(file: file, firstLine: 1)
        let node: Node
        do {
            guard let parsed = try source.parse(text) else {
                return .failure(BuildFailure([.error(at: SourceLocation(file: file), "empty site configuration: 'title' and 'kinds' are required")]))
            }
            node = parsed
        } catch {
            return .failure(BuildFailure([error]))
        }
        var reader = MappingReader(source: source, node: node, context: "site configuration", allowedKeys: siteKeys)
        let title = reader.string("title", required: true)
        let description = reader.string("description") ?? ""
        let language = reader.string("language") ?? "en"
        let kinds = reader.strings("kinds")
        if reader.isMapping && reader.value("kinds") == nil {
            reader.report(.error(at: source.location(of: node), "missing key 'kinds' in site configuration"))
        }
        let theme = reader.string("theme") ?? "default"
        let rawHTML = reader.bool("raw_html") ?? false
        if let kinds {
            var seen: Set<String> = []
            for kind in kinds where !seen.insert(kind).inserted {
                reader.report(.error(at: source.location(of: reader.value("kinds")!), "kind '\(kind)' is listed twice in 'kinds'"))
            }
        }
        guard reader.diagnostics.isEmpty, let title, let kinds else { return .failure(BuildFailure(reader.diagnostics)) }
        return .success(SiteConfig(
            title: title, description: description, language: language, kinds: kinds, theme: theme,
            allowsRawHTML: rawHTML, location: SourceLocation(file: file)))
    }

    static func parseKind(_ text: String, name: String, file: String) -> Result<KindSchema, BuildFailure> {
        let source = YAMLSource(file: file, firstLine: 1)
        let node: Node
        do {
            guard let parsed = try source.parse(text) else {
                return .failure(BuildFailure([.error(at: SourceLocation(file: file), "empty schema: 'singular', 'plural' and 'fields' are required")]))
            }
            node = parsed
        } catch {
            return .failure(BuildFailure([error]))
        }
        var reader = MappingReader(source: source, node: node, context: "schema", allowedKeys: kindKeys)
        let singular = reader.string("singular", required: true)
        let plural = reader.string("plural", required: true)
        let description = reader.string("description") ?? ""
        let compareList = reader.strings("compare") ?? []
        var fields: [FieldSpec] = []
        var declaredKeys: [String] = []
        var diagnostics = reader.diagnostics
        if let fieldsNode = reader.value("fields") {
            if let mapping = fieldsNode.mapping {
                for (keyNode, fieldNode) in mapping {
                    let key = keyNode.scalar?.string ?? ""
                    declaredKeys.append(key)
                    if KindSchema.builtInKeys.contains(key) {
                        diagnostics.append(.error(at: source.location(of: keyNode), "field '\(key)' is built in and cannot be declared"))
                        continue
                    }
                    if !isValidFieldKey(key) {
                        diagnostics.append(.error(at: source.location(of: keyNode), "invalid field name '\(key)': use lowercase letters, digits and '_'"))
                        continue
                    }
                    switch parseField(key: key, keyNode: keyNode, node: fieldNode, source: source) {
                    case .success(let field): fields.append(field)
                    case .failure(let failure): diagnostics += failure.diagnostics
                    }
                }
            } else if fieldsNode.scalar?.string != "" {
                diagnostics.append(.error(at: source.location(of: fieldsNode), "'fields' must be a mapping of field names to field declarations"))
            }
        }
        var compareKeys: [String] = []
        for key in compareList {
            if declaredKeys.contains(key) {
                compareKeys.append(key)
            } else {
                diagnostics.append(.error(
                    at: source.location(of: reader.value("compare")!), "'compare' names unknown field '\(key)'",
                    suggestion: Suggestion.closest(to: key, in: declaredKeys)))
            }
        }
        guard diagnostics.isEmpty, let singular, let plural else { return .failure(BuildFailure(diagnostics)) }
        return .success(KindSchema(
            name: name, singular: singular, plural: plural, description: description, fields: fields,
            compareKeys: compareKeys, location: SourceLocation(file: file)))
    }

    static func isValidFieldKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func parseField(key: String, keyNode: Node, node: Node, source: YAMLSource) -> Result<FieldSpec, BuildFailure> {
        var reader = MappingReader(source: source, node: node, context: "field '\(key)'", allowedKeys: fieldKeys)
        let typeName = reader.string("type", required: true)
        let label = reader.string("label") ?? FieldSpec.defaultLabel(for: key)
        let required = reader.bool("required") ?? false
        let description = reader.string("description")
        let inverse = reader.string("inverse")
        let chart = reader.bool("chart") ?? false
        let matrix = reader.bool("matrix") ?? false
        var type: FieldType?
        if let typeName {
            if typeName == "list" {
                if let elementName = reader.string("of", required: true) {
                    if elementName == "list" {
                        reader.report(.error(at: source.location(of: reader.value("of")!), "a list cannot hold lists"))
                    } else if let element = elementType(named: elementName, node: reader.value("of")!, reader: &reader) {
                        type = .list(element)
                    }
                }
            } else {
                if let ofNode = reader.value("of") {
                    reader.report(.error(at: source.location(of: ofNode), "'of' is only allowed on fields of type 'list'"))
                }
                type = elementType(named: typeName, node: reader.value("type")!, reader: &reader)
            }
        }
        if let inverseNode = reader.value("inverse"), type?.referencedKind == nil {
            reader.report(.error(at: source.location(of: inverseNode), "'inverse' is only allowed on reference fields"))
        }
        if let type {
            // Pictures draw only what a type can show: charts need a scale, matrices need references.
            if chart, !FieldChart.isChartable(type), let chartNode = reader.value("chart") {
                reader.report(.error(
                    at: source.location(of: chartNode),
                    "'chart' is only allowed on fields of type integer, number, range or enum; '\(key)' is \(type)",
                    suggestion: ReferenceMatrix.accepts(type) ? "matrix" : nil))
            }
            if matrix, !ReferenceMatrix.accepts(type), let matrixNode = reader.value("matrix") {
                reader.report(.error(
                    at: source.location(of: matrixNode),
                    "'matrix' is only allowed on reference fields (ref or list of ref); '\(key)' is \(type)",
                    suggestion: FieldChart.isChartable(type) ? "chart" : nil))
            }
        }
        guard reader.diagnostics.isEmpty, let type else { return .failure(BuildFailure(reader.diagnostics)) }
        return .success(FieldSpec(
            key: key, label: label, type: type, isRequired: required, description: description,
            inverseLabel: inverse, isCharted: chart, isMatrix: matrix, location: source.location(of: keyNode)))
    }

    private static func elementType(named name: String, node: Node, reader: inout MappingReader) -> FieldType? {
        switch name {
        case "string": return .string
        case "text": return .text
        case "integer": return .integer
        case "number": return .number(unit: reader.string("unit"))
        case "range": return .range(unit: reader.string("unit"))
        case "bool": return .bool
        case "date": return .date
        case "url": return .url
        case "enum":
            guard let values = reader.strings("values"), !values.isEmpty else {
                reader.report(.error(at: reader.source.location(of: node), "an enum field needs 'values', a non-empty list of allowed values"))
                return nil
            }
            if Set(values).count != values.count {
                reader.report(.error(at: reader.source.location(of: reader.value("values")!), "'values' lists a value twice"))
            }
            return .enumeration(values)
        case "ref":
            guard let kind = reader.string("kind") else {
                reader.report(.error(at: reader.source.location(of: node), "a ref field needs 'kind', the kind it refers to"))
                return nil
            }
            return .ref(kind: kind)
        default:
            reader.report(.error(
                at: reader.source.location(of: node), "unknown field type '\(name)'",
                suggestion: Suggestion.closest(to: name, in: FieldType.names)))
            return nil
        }
    }
}
