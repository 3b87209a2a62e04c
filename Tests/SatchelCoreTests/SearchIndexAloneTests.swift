import Foundation
import Testing

/// `SATCHEL_SEARCH_INDEX=alone`, which the search benchmark's build-share budget reads, through the real command
/// line: the index is built first, by itself, the site is the same, and the build reports the index's CPU time.
@Suite struct SearchIndexAloneTests {
    @Test func indexBuiltAloneWritesTheSameSiteAndReportsItsCPUTime() throws {
        let satchel = try #require(BadInputExecutable.locate(), "no satchel binary beside the test bundle")
        let project = try BadInputCase.baseProject()
        let normal = try satchel.run(["build", "--clean", "--verbose"], in: project.root)
        try #require(normal.status == 0, "the base site does not build: \(normal.standardError)")
        #expect(!normal.standardOutput.contains("search index built alone"))
        let before = try project.snapshotOutput().filter { $0.key != ".satchel-output" }

        var environment = ProcessInfo.processInfo.environment
        environment["SATCHEL_SEARCH_INDEX"] = "alone"
        let alone = try satchel.run(["build", "--clean", "--verbose"], in: project.root, environment: environment)
        #expect(alone.status == 0)
        let reported = alone.standardOutput.firstMatch(of: /\n  search index built alone: (\d+) ms CPU\n/)
        #expect(reported.flatMap { Int($0.1) } != nil, "no CPU time in: \(alone.standardOutput)")
        #expect(try project.snapshotOutput().filter { $0.key != ".satchel-output" } == before)
    }
}
