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

    @Test func previousOutputRemovedInTheBackgroundGoesOnceTheNewOneIsInPlace() async throws {
        let site = try FixtureSite()
        var output = try site.outputDirectory()
        output.disposal = .inBackground
        _ = try await site.site.build(into: output)
        // Enough files that removing them takes far longer than returning from the build: the build did not
        // wait for the removal if the previous output is still there, renamed, when it returns.
        let filler = site.output.appendingPathComponent("filler")
        try FileManager.default.createDirectory(at: filler, withIntermediateDirectories: true)
        for number in 0..<5_000 { _ = FileManager.default.createFile(atPath: filler.appendingPathComponent("\(number)").path, contents: nil) }
        try site.write("content/markets/peru.md", "---\ntitle: Peru\n---\n")
        _ = try await site.site.build(into: output, useCache: false)
        #expect(try leftovers(in: site, containing: "satchel-old").count == 1)
        #expect(try site.snapshotOutput()["markets/peru.html"] != nil)
        #expect(try leftovers(in: site, containing: "satchel-tmp").isEmpty)
        #expect(try await eventuallyEmpty { try leftovers(in: site, containing: "satchel-old") })
    }

    @Test func previousOutputLeftByAnInterruptedBackgroundRemovalIsRemovedByTheNextBuild() async throws {
        let site = try FixtureSite()
        let discarded = site.root.appendingPathComponent(".public.satchel-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: discarded.appendingPathComponent("materials"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: discarded.appendingPathComponent("materials/nylon.html"))
        try await site.build()
        #expect(try await eventuallyEmpty { try leftovers(in: site, containing: "satchel-old") })
    }

    private func leftovers(in site: FixtureSite, containing name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(name) }
    }

    /// Whether `names` becomes empty within ten seconds: a background removal is not waited for.
    private func eventuallyEmpty(_ names: () throws -> [String]) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try names().isEmpty { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try names().isEmpty
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
