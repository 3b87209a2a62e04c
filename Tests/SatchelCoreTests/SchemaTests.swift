import Testing
@testable import SatchelCore

@Suite struct SchemaTests {
    private func parse(_ yaml: String) -> Result<KindSchema, BuildFailure> {
        SchemaParser.parseKind(yaml, name: "materials", file: "content/materials/_kind.yml")
    }

    private func errors(_ yaml: String) -> [String] {
        guard case .failure(let failure) = parse(yaml) else { return [] }
        return failure.diagnostics.map(\.description)
    }

    @Test func parsesEveryFieldType() throws {
        let schema = try parse("""
            singular: Material
            plural: Materials
            description: Fabrics.
            fields:
              name: {type: string}
              notes: {type: text}
              founded: {type: integer}
              weight: {type: number, unit: g}
              lead_time: {type: range, unit: weeks, label: Lead time}
              cost: {type: enum, values: [Low, Medium, High], required: true}
              recyclable: {type: bool}
              audited: {type: date}
              website: {type: url}
              market: {type: ref, kind: markets, inverse: Materials sold here}
              grades: {type: list, of: string}
              markets: {type: list, of: ref, kind: markets}
            compare: [cost, lead_time]
            """).get()
        #expect(schema.singular == "Material")
        #expect(schema.fields.map(\.type) == [
            .string, .text, .integer, .number(unit: "g"), .range(unit: "weeks"), .enumeration(["Low", "Medium", "High"]), .bool,
            .date, .url, .ref(kind: "markets"), .list(.string), .list(.ref(kind: "markets")),
        ])
        #expect(schema.field("lead_time")?.label == "Lead time")
        #expect(schema.field("grades")?.label == "Grades")
        #expect(schema.field("cost")?.isRequired == true)
        #expect(schema.field("market")?.inverseLabel == "Materials sold here")
        #expect(schema.field("market")?.location == SourceLocation(file: "content/materials/_kind.yml", line: 14, column: 3))
        #expect(schema.compareKeys == ["cost", "lead_time"])
    }

    @Test func reportsUnknownFieldTypeWithSuggestion() {
        #expect(errors("singular: A\nplural: B\nfields:\n  cost:\n    type: enumm\n") == [
            "content/materials/_kind.yml:5:11: error: unknown field type 'enumm' (did you mean 'enum'?)",
        ])
    }

    @Test func reportsUnknownKeysMissingKeysAndUnknownCompareFields() {
        #expect(errors("singular: A\nlabel: x\nfields:\n  cost: {type: string, requird: true}\ncompare: [cots]\n") == [
            "content/materials/_kind.yml:1:1: error: missing key 'plural' in schema",
            "content/materials/_kind.yml:2:1: error: unknown key 'label' in schema",
            "content/materials/_kind.yml:4:24: error: unknown key 'requird' in field 'cost' (did you mean 'required'?)",
            "content/materials/_kind.yml:5:10: error: 'compare' names unknown field 'cots' (did you mean 'cost'?)",
        ])
    }

    @Test func reportsEnumWithoutValuesAndRefWithoutKind() {
        #expect(errors("singular: A\nplural: B\nfields:\n  a: {type: enum}\n  b: {type: ref}\n") == [
            "content/materials/_kind.yml:4:13: error: an enum field needs 'values', a non-empty list of allowed values",
            "content/materials/_kind.yml:5:13: error: a ref field needs 'kind', the kind it refers to",
        ])
    }

    @Test func reportsReferenceToUnknownKindAndInverseLabelClash() throws {
        let materials = try parse("""
            singular: Material
            plural: Materials
            fields:
              markets: {type: list, of: ref, kind: markets, inverse: Sold here}
              origin: {type: ref, kind: markts}
            """).get()
        let types = try SchemaParser.parseKind("""
            singular: Type
            plural: Types
            fields:
              markets: {type: list, of: ref, kind: markets, inverse: Sold here}
            """, name: "types", file: "content/types/_kind.yml").get()
        let markets = try SchemaParser.parseKind("singular: M\nplural: Ms\n", name: "markets", file: "content/markets/_kind.yml").get()
        let config = SiteConfig(
            title: "T", description: "", language: "en", kinds: ["materials", "types", "markets"], theme: "default",
            allowsRawHTML: false, location: SourceLocation(file: "content/_site.yml"))
        #expect(SchemaSet.check([materials, types, markets], config: config).map(\.description) == [
            "content/materials/_kind.yml:5:3: error: field 'origin' refers to unknown kind 'markts' (did you mean 'markets'?)",
            "content/types/_kind.yml:4:3: error: inverse label 'Sold here' of field 'markets' clashes with field 'markets' (content/materials/_kind.yml); both would show on 'markets' pages under the same heading",
        ])
    }

    @Test func parsesSiteConfiguration() throws {
        let config = try SchemaParser.parseSite(
            "title: Guide\nkinds: [types, materials]\nraw_html: true\n", file: "content/_site.yml").get()
        #expect(config.kinds == ["types", "materials"])
        #expect(config.theme == "default")
        #expect(config.language == "en")
        #expect(config.allowsRawHTML)
    }

    @Test func reportsSiteConfigurationErrors() {
        guard case .failure(let failure) = SchemaParser.parseSite("titel: Guide\n", file: "content/_site.yml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostics.map(\.description) == [
            "content/_site.yml:1:1: error: missing key 'kinds' in site configuration",
            "content/_site.yml:1:1: error: missing key 'title' in site configuration",
            "content/_site.yml:1:1: error: unknown key 'titel' in site configuration (did you mean 'title'?)",
        ])
    }
}
