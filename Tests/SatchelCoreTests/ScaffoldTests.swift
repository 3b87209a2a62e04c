import Foundation
import Testing
@testable import SatchelCore

@Suite struct ScaffoldTests {
    @Test func newPageListsFieldsAndCheckFlagsItsPlaceholders() async throws {
        let site = try FixtureSite()
        let path = try PageScaffold.create(kind: "materials", slug: "canvas", content: site.content, displayPath: "content")
        #expect(path == "content/materials/canvas.md")
        let text = try site.read("content/materials/canvas.md")
        #expect(text.contains("cost_tier: TODO  # Relative cost: one of Low, Medium, High"))
        #expect(text.contains("# grades:  Grades: a list [a, b] of text"))
        #expect(await site.errors() == [
            "content/materials/canvas.md:2:8: error: field 'title' still holds the placeholder 'TODO'; replace it with a real value",
            "content/materials/canvas.md:4:12: error: field 'cost_tier' still holds the placeholder 'TODO'; replace it with a real value",
        ])
    }

    @Test func newPageRefusesUnknownKindInvalidSlugAndExistingFile() throws {
        let site = try FixtureSite()
        #expect(throws: BuildFailure([.error(at: SourceLocation(file: "content/_site.yml"), "unknown kind 'material'", suggestion: "materials")])) {
            try PageScaffold.create(kind: "material", slug: "x", content: site.content, displayPath: "content")
        }
        #expect(throws: BuildFailure([.error(
            at: SourceLocation(file: "content/materials/Canvas Duck.md"),
            "invalid file name 'Canvas Duck.md': slugs use lowercase ASCII letters, digits and '-'", suggestion: "canvas-duck")])
        ) {
            try PageScaffold.create(kind: "materials", slug: "Canvas Duck", content: site.content, displayPath: "content")
        }
        #expect(throws: BuildFailure([.error(at: SourceLocation(file: "content/materials/nylon.md"), "page already exists")])) {
            try PageScaffold.create(kind: "materials", slug: "nylon", content: site.content, displayPath: "content")
        }
    }
}
