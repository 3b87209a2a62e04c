import Foundation

/// Writes pages and copies assets into a folder, creating parent folders as needed. Safe to call from
/// several tasks at once: each page has its own path.
///
/// Pages go through `open`/`write`/`close` directly: Foundation's `Data.write` syncs every file to disk,
/// which costs more than rendering at 10,000 pages, and the staging folder is swapped in whole anyway.
struct FileWriter: Sendable {
    let root: URL

    func write(_ relativePath: String, _ contents: String) throws {
        let path = root.path + "/" + relativePath
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        var contents = contents
        try contents.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(path: path, code: errno)
                }
                offset += written
            }
        }
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

/// A page that could not be written, with the system's reason.
struct FileWriteError: Error, CustomStringConvertible {
    let path: String
    let code: Int32

    var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}
