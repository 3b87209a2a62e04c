import Foundation
import Testing
@testable import SatchelCore

/// Every case of the Mustache spec's required modules, rendered with `TemplateLibrary`.
@Suite struct TemplateSpecTests {
    @Test(arguments: TemplateSpecCase.all)
    func rendersAsTheSpecSays(_ spec: TemplateSpecCase) throws {
        var sources = spec.partials
        sources[TemplateSpecCase.templateName] = spec.template
        let library = try TemplateLibrary(sources: sources)
        #expect(library.render(TemplateSpecCase.templateName, value: spec.data.templateValue) == spec.expected)
    }

    @Test func runsEveryCaseOfEveryFile() {
        #expect(Dictionary(grouping: TemplateSpecCase.all, by: \.file).mapValues(\.count) == [
            "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34,
        ])
    }
}

/// One test of the spec: a template, its partials, the data and the expected output.
struct TemplateSpecCase: Sendable, CustomTestStringConvertible {
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]
    static let directory = FixtureSite.fixtures.appendingPathComponent("mustache-spec")
    /// Partial names in the spec are single words, so this name cannot collide with one.
    static let templateName = "spec template"

    var file: String
    var name: String
    var template: String
    var partials: [String: String]
    var data: TemplateSpecJSON
    var expected: String

    var testDescription: String { "\(file): \(name)" }

    static let all: [TemplateSpecCase] = files.flatMap { file in
        let url = directory.appendingPathComponent("\(file).json")
        guard let data = try? Data(contentsOf: url), let spec = try? JSONDecoder().decode(SpecFile.self, from: data) else {
            Issue.record("cannot read \(url.path)")
            return [TemplateSpecCase]()
        }
        return spec.tests.map {
            TemplateSpecCase(file: file, name: $0.name, template: $0.template, partials: $0.partials ?? [:], data: $0.data, expected: $0.expected)
        }
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            var name: String
            var template: String
            var partials: [String: String]?
            var data: TemplateSpecJSON
            var expected: String
        }

        var tests: [Test]
    }
}

/// JSON data of a spec case, turned into template values: objects become dictionary contexts.
enum TemplateSpecJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateSpecJSON])
    case object([String: TemplateSpecJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateSpecJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TemplateSpecJSON].self))
        }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let values): .list(values.map(\.templateValue))
        case .object(let members): .context(members.mapValues(\.templateValue))
        }
    }
}
