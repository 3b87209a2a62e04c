import Foundation
import Testing
@testable import SatchelCore

/// The folder walk that seeds an incremental build's staging folder.
@Suite struct DirectoryTreeTests {
    /// A folder of nested folders, files (a hidden one and a non-ASCII name among them) and a symbolic link.
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-tree-\(UUID().uuidString)")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for file in ["top.html", ".hidden", "a/one.html", "a/b/two.html", "a/b/c/thrée.html"] {
            try Data(file.utf8).write(to: root.appendingPathComponent(file))
        }
        try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "a")
        return root
    }

    @Test func visitsEveryEntryOnceWithItsTypeAndFoldersBeforeTheirEntries() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        var visited: [(path: String, isDirectory: Bool)] = []
        #expect(DirectoryTree.walk(root.path) { path, isDirectory in
            visited.append((path, isDirectory))
            return true
        })
        let entries = Dictionary(uniqueKeysWithValues: visited.map { ($0.path, $0.isDirectory) })
        #expect(visited.count == entries.count)
        #expect(entries == [
            "top.html": false, ".hidden": false, "a": true, "a/one.html": false, "a/b": true, "a/b/two.html": false,
            "a/b/c": true, "a/b/c/thrée.html": false, "empty": true, "link": false,
        ])
        let order = Dictionary(uniqueKeysWithValues: visited.enumerated().map { ($0.element.path, $0.offset) })
        for path in entries.keys where path.contains("/") {
            let folder = String(path[..<path.lastIndex(of: "/")!])
            #expect(order[folder]! < order[path]!, "\(folder) comes before \(path)")
        }
    }

    @Test func stopsAtTheFirstRefusalAndSaysSo() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        var visits = 0
        #expect(!DirectoryTree.walk(root.path) { _, _ in
            visits += 1
            return visits < 3
        })
        #expect(visits == 3)
    }

    @Test func aMissingFolderIsAFailedWalk() {
        #expect(!DirectoryTree.walk("/nonexistent-\(UUID().uuidString)") { _, _ in true })
    }
}
