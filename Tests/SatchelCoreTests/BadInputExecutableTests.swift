import Foundation
import Testing

/// The bad-input corpus through the real command line: `satchel build` in the broken project prints exactly
/// the case's diagnostics and the error count to standard error, nothing to standard output, exits with the
/// case's status, and leaves the output of the previous (good) `satchel build` byte for byte as it was.
@Suite struct BadInputExecutableTests {
    @Test(arguments: BadInputCase.all)
    func satchelBuildPrintsDiagnosticsAndExitsWithStatus(_ badCase: BadInputCase) throws {
        let satchel = try #require(BadInputExecutable.locate(), "no satchel binary beside the test bundle")
        let project = try BadInputCase.baseProject()
        let good = try satchel.run(["build", "--quiet"], in: project.root)
        try #require(good.status == 0, "the base site does not build: \(good.standardError)")
        let before = try project.snapshotOutput()

        try badCase.breakProject(project)
        let result = try satchel.run(["build"], in: project.root)
        #expect(result.status == (try badCase.expectedStatus))
        #expect(result.standardError == (try badCase.expectedStandardError))
        #expect(result.standardOutput == "")
        #expect(try project.snapshotOutput() == before)
        #expect(project.stagingLeftovers == [])
    }

    @Test(arguments: ["many-errors-sorted", "content-and-template-errors", "field-ref-and-link-errors", "no-cascade-errors"])
    func satchelCheckPrintsTheSameDiagnostics(_ name: String) throws {
        let satchel = try #require(BadInputExecutable.locate(), "no satchel binary beside the test bundle")
        let badCase = BadInputCase(name: name)
        let project = try BadInputCase.baseProject()
        try badCase.breakProject(project)
        let result = try satchel.run(["check"], in: project.root)
        #expect(result.status == 1)
        #expect(result.standardError == (try badCase.expectedStandardError))
    }
}
