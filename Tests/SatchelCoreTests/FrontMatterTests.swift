import Foundation
import Testing
@testable import SatchelCore

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirFirstLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# Body\n", file: "a.md")
        #expect(split.yaml == "title: A\nsummary: B")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsEmptyFrontMatterAndDotsAsTerminator() throws {
        let split = try FrontMatter.split("---\n...\ntext", file: "a.md")
        #expect(split.yaml == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func reportsMissingFrontMatter() {
        #expect(throws: Diagnostic.error(
            at: SourceLocation(file: "a.md"), "missing front matter: a page must start with a line '---', then YAML, then a line '---'")
        ) { try FrontMatter.split("# Title\n", file: "a.md") }
    }

    @Test func reportsUnterminatedFrontMatter() {
        #expect(throws: Diagnostic.error(at: SourceLocation(file: "a.md"), "unterminated front matter: no closing '---' line")) {
            try FrontMatter.split("---\ntitle: A\n", file: "a.md")
        }
    }

    @Test func reportsEmptyFile() {
        #expect(throws: Diagnostic.error(at: SourceLocation(file: "a.md"), "empty file: a page needs front matter with at least a 'title'")) {
            try FrontMatter.split(" \n", file: "a.md")
        }
    }

    @Test func sourceTextRemovesBOMAndCRLF() throws {
        let text = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\n".utf8)), displayPath: "a.md")
        #expect(text == "---\ntitle: A\n---\n")
    }

    @Test func sourceTextReportsInvalidUTF8WithPosition() {
        #expect(throws: Diagnostic.error(at: SourceLocation(file: "a.md", line: 2, column: 3), "invalid UTF-8: files must be UTF-8 encoded")) {
            try SourceText.decode(Data(Array("ok\nab".utf8) + [0xFF]), displayPath: "a.md")
        }
    }
}
