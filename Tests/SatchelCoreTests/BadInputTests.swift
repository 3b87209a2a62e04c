import Foundation
import Testing
@testable import SatchelCore

/// The bad-input corpus through the library: a good build fills the output folder, the case breaks the
/// project, and the next build must fail with exactly the case's diagnostics, all of them in one run,
/// sorted by file and position, leaving the previous output byte for byte as it was.
@Suite struct BadInputTests {
    private static let buildDate = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func corpusCoversEveryCaseOfTheIssue() {
        let names = Set(BadInputCase.all.map(\.name))
        let required = [
            "no-front-matter", "unterminated-front-matter", "invalid-yaml", "tab-indented-yaml", "duplicate-key",
            "wrong-type-title", "wrong-type-string", "wrong-type-text", "wrong-type-integer", "wrong-type-number",
            "wrong-type-range", "wrong-type-bool", "wrong-type-date", "wrong-type-url", "wrong-type-ref", "wrong-type-list",
            "enum-value-outside", "missing-required-field", "unknown-field", "unknown-kind-folder", "broken-reference",
            "broken-body-link", "broken-anchor", "slugs-differ-in-case", "invalid-slug", "non-ascii-slug", "empty-file",
            "invalid-utf8", "schema-unknown-field-type", "schema-unknown-kind", "template-syntax-error",
            "template-missing-partial", "missing-theme", "many-errors-sorted", "content-and-template-errors",
            "field-ref-and-link-errors", "no-cascade-errors",
        ]
        #expect(required.filter { !names.contains($0) } == [])
    }

    @Test(arguments: BadInputCase.all)
    func buildFailsWithExactDiagnosticsAndKeepsPreviousOutput(_ badCase: BadInputCase) async throws {
        let project = try BadInputCase.baseProject()
        let site = project.siteWithConfiguredTheme
        _ = try await site.build(into: try project.outputDirectory(), buildDate: Self.buildDate)
        let before = try project.snapshotOutput()
        #expect(before["index.html"] != nil)

        try badCase.breakProject(project)
        let expected = try badCase.expectedDiagnostics
        #expect(expected == expected.sorted { Self.location(of: $0) < Self.location(of: $1) }, "expected.txt is not in file and line order")
        do {
            _ = try await site.build(into: try project.outputDirectory(), buildDate: Self.buildDate)
            Issue.record("the build succeeded")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.description) == expected)
        }
        #expect(try project.snapshotOutput() == before)
        #expect(project.stagingLeftovers == [])
    }

    @Test(arguments: BadInputCase.all)
    func checkReportsTheSameDiagnosticsAsBuild(_ badCase: BadInputCase) async throws {
        let project = try BadInputCase.baseProject()
        try badCase.breakProject(project)
        do {
            _ = try await project.siteWithConfiguredTheme.check()
            Issue.record("the check succeeded")
        } catch {
            #expect(error.diagnostics.map(\.description) == (try badCase.expectedDiagnostics))
        }
    }

    /// File, line and column of a printed diagnostic, for checking the order of expected.txt.
    private static func location(of line: String) -> SatchelCore.SourceLocation {
        let parts = line.components(separatedBy: ": ").first?.split(separator: ":") ?? []
        guard parts.count >= 3, let row = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            return SatchelCore.SourceLocation(file: line)
        }
        return SatchelCore.SourceLocation(file: parts.dropLast(2).joined(separator: ":"), line: row, column: column)
    }
}
