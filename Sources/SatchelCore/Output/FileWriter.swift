import Foundation

/// Writes pages and copies assets into a folder, creating parent folders as needed. Safe to call from
/// several tasks at once: each page has its own path.
struct FileWriter: Sendable {
    let root: URL

    func write(_ relativePath: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Copies a folder's files as they are, returning how many were copied.
    func copyTree(from source: URL, to relativePath: String) throws -> Int {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: source.path) else { return 0 }
        let destination = root.appendingPathComponent(relativePath)
        try fileManager.copyItem(at: source, to: destination)
        var count = 0
        let enumerator = fileManager.enumerator(atPath: destination.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: destination.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                count += 1
            }
        }
        return count
    }
}
