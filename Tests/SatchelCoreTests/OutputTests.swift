import Foundation
import Testing
@testable import SatchelCore

@Suite struct OutputTests {
    @Test func failingBuildLeavesPreviousOutputByteIdentical() async throws {
        let site = try FixtureSite()
        try await site.build()
        let before = try site.snapshotOutput()
        try site.write("content/materials/nylon.md", "---\ntitle: Nylon\ncost_tier: Extreme\n---\n")
        await #expect(throws: BuildFailure.self) { try await site.build() }
        #expect(try site.snapshotOutput() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("satchel-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulBuildReplacesOutputWhole() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/peru.md", "---\ntitle: Peru\n---\n")
        try await site.build()
        #expect(try site.snapshotOutput()["markets/peru.html"] != nil)
        try site.remove("content/markets/peru.md")
        try await site.build()
        let files = try site.snapshotOutput()
        #expect(files["markets/peru.html"] == nil)
        #expect(files["markets/kenya.html"] != nil)
    }

    @Test func staleStagingFolderOfAKilledBuildIsRemoved() async throws {
        let site = try FixtureSite()
        let stale = site.root.appendingPathComponent(".public.satchel-tmp-999999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try await site.build()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test(arguments: [
        ("content", "it is the content folder"),
        (".", "it is the project folder"),
        ("/", "it is the file system root"),
        ("content/materials", "it is inside the content folder"),
    ])
    func refusesDangerousOutputFolders(output: String, reason: String) throws {
        let site = try FixtureSite()
        let url = output.hasPrefix("/") ? URL(fileURLWithPath: output) : site.root.appendingPathComponent(output)
        #expect(throws: BuildFailure([.error(at: SourceLocation(file: output), "refusing to write output to '\(output)': \(reason)")])) {
            try OutputDirectory(url: url, displayPath: output, contentDirectory: site.content, projectRoot: site.root)
        }
    }

    @Test func refusesFolderThatContainsTheContent() throws {
        let site = try FixtureSite()
        let parent = site.root.deletingLastPathComponent()
        #expect(throws: BuildFailure.self) {
            try OutputDirectory(url: site.root, displayPath: "site", contentDirectory: site.content, projectRoot: parent)
        }
    }

    @Test func refusesToReplaceAFolderSatchelDidNotWrite() throws {
        let site = try FixtureSite()
        try site.write("public/notes.txt", "mine")
        #expect(throws: BuildFailure([.error(
            at: SourceLocation(file: "public"),
            "refusing to write output to 'public': it holds files Satchel did not write (no .satchel-output marker); remove it or choose another folder")])
        ) { try site.outputDirectory() }
    }
}

extension BuildFailure: Equatable {
    public static func == (lhs: BuildFailure, rhs: BuildFailure) -> Bool { lhs.diagnostics == rhs.diagnostics }
}
