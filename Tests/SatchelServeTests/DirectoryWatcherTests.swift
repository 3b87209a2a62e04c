import Foundation
import Testing
@testable import SatchelServe

/// The watcher reports each burst of changes once, in folders created after it started too.
@Suite(.timeLimit(.minutes(1))) struct DirectoryWatcherTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-watch-\(UUID().uuidString)").path

    /// Starts a watcher on `root` and collects its batches until `body` returns.
    private func watching(quietPeriod: Duration = .milliseconds(100), _ body: (Inbox<Set<String>>) async throws -> Void) async throws {
        try FileManager.default.createDirectory(atPath: root + "/existing", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let batches = Inbox<Set<String>>()
        let changes = try DirectoryWatcher(roots: [URL(fileURLWithPath: root)], quietPeriod: quietPeriod).changes()
        let collector = Task { for await batch in changes { batches.append(batch) } }
        defer { collector.cancel() }
        try await body(batches)
    }

    private func write(_ relative: String) throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    @Test func aBurstOfSavesIsOneBatch() async throws {
        try await watching(quietPeriod: .milliseconds(300)) { batches in
            for index in 0..<20 { try write("existing/page-\(index).md") }
            let batch = try await batches.first("a batch") { _ in true }
            #expect(batch == Set((0..<20).map { root + "/existing/page-\($0).md" }))
            try await Task.sleep(for: .milliseconds(500))
            #expect(batches.all.count == 1)
        }
    }

    @Test func foldersCreatedWhileWatchingAreWatched() async throws {
        try await watching { batches in
            try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
            _ = try await batches.first("the new folder") { $0.contains(root + "/new") }
            try write("new/deeper/page.md")
            _ = try await batches.first("the file in the new folder") { $0.contains(root + "/new/deeper/page.md") }
        }
    }

    @Test func hiddenFilesAreIgnored() async throws {
        try await watching { batches in
            try write("existing/.page.md.swp")
            try write("existing/page.md")
            let batch = try await batches.first("a batch") { _ in true }
            #expect(batch == [root + "/existing/page.md"])
        }
    }

    @Test func aMissingRootIsAnError() {
        #expect(throws: DirectoryWatcher.Failure.self) {
            try DirectoryWatcher(roots: [URL(fileURLWithPath: root + "/missing")]).changes()
        }
    }
}
