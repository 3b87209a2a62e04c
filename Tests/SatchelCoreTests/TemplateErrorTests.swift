import Foundation
import Testing
@testable import SatchelCore

/// Syntax errors name the file, the 1-based line and column of the offending tag, and what is wrong.
@Suite struct TemplateErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        Case(source: "a\n{{#items}}\nb", expected: "page:2:1: section 'items' is never closed: expected '{{/items}}'"),
        Case(source: "{{#a}}{{^b}}\n{{/b}}", expected: "page:1:1: section 'a' is never closed: expected '{{/a}}'"),
        Case(source: "{{#a}}\n  {{/b}}", expected: "page:2:3: closing tag '{{/b}}' does not match the open section '{{#a}}' (opened at line 1, column 1)"),
        Case(source: "x\n  {{#a}}{{#b}}{{/a}}", expected: "page:2:15: closing tag '{{/a}}' does not match the open section '{{#b}}' (opened at line 2, column 9)"),
        Case(source: "x {{/a}}", expected: "page:1:3: closing tag '{{/a}}' has no open section"),
        Case(source: "<p>\nhello {{name</p>\n{{other}}", expected: "page:2:7: unclosed tag: '{{' has no matching '}}' on the same line"),
        Case(source: "{{{html}}", expected: "page:1:1: unclosed tag: '{{{' has no matching '}}}' on the same line"),
        Case(source: "{{! never closed\n", expected: "page:1:1: unclosed tag: '{{!' has no matching '}}' on the same line"),
        Case(source: "{{=<%%>=}}", expected: "page:1:1: invalid set-delimiter tag '{{=<%%>=}}': expected two delimiters without spaces or '=', as in '{{=<% %>=}}'"),
        Case(source: "\n {{=a= b=}}", expected: "page:2:2: invalid set-delimiter tag '{{=a= b=}}': expected two delimiters without spaces or '=', as in '{{=<% %>=}}'"),
        Case(source: "{{=<% %>=}}\n<%#a%>", expected: "page:2:1: section 'a' is never closed: expected '<%/a%>'"),
        Case(source: "a {{ }}", expected: "page:1:3: empty tag: expected a name"),
        Case(source: "{{#has facts}}{{/has facts}}", expected: "page:1:1: invalid name 'has facts': expected '.' or names separated by single dots, without spaces"),
        Case(source: "{{a..b}}", expected: "page:1:1: invalid name 'a..b': expected '.' or names separated by single dots, without spaces"),
        Case(source: "{{<layout}}{{/layout}}", expected: "page:1:1: unsupported tag '{{<layout}}': template inheritance and pragmas are not available"),
        Case(source: "«é» {{#x}}", expected: "page:1:5: section 'x' is never closed: expected '{{/x}}'"),
    ])
    func reportsPosition(_ test: Case) {
        #expect(throws: TemplateError.self) { try CompiledTemplate(test.source, file: "page") }
        do {
            _ = try CompiledTemplate(test.source, file: "page")
        } catch {
            #expect(error.description == test.expected)
        }
    }

    @Test func libraryReportsEveryBrokenTemplateAtOnce() {
        do {
            _ = try TemplateLibrary(sources: ["b": "{{#x}}", "ok": "{{x}}", "a": "\n{{/y}}"])
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "a:2:1: closing tag '{{/y}}' has no open section",
                "b:1:1: section 'x' is never closed: expected '{{/x}}'",
            ])
        }
    }

    @Test func reasonsCanBeMatched() throws {
        do {
            _ = try CompiledTemplate("{{#a}}{{/b}}", file: "t")
        } catch {
            #expect(error.reason == .mismatchedClose(open: "{{#a}}", close: "{{/b}}", openLine: 1, openColumn: 1))
            #expect((error.line, error.column) == (1, 7))
        }
    }
}
