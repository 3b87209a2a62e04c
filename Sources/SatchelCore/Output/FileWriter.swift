import Foundation

/// Writes pages and copies assets into a folder, creating parent folders as needed. Safe to call from
/// several tasks at once: each page has its own path.
///
/// Pages go through `open`/`write`/`close` directly: Foundation's `Data.write` syncs every file to disk,
/// which costs more than rendering at 10,000 pages, and the staging folder is swapped in whole anyway.
struct FileWriter: Sendable {
    let root: URL
    /// The folder may hold hard links to the live output: unlink before writing, never write through them.
    var replacesLinks = false
    /// The folder is being served: write each file beside its place under a hidden name and rename it over
    /// the old one, so a reader sees the old bytes or the new, never a file half written.
    var replacesAtomically = false

    func write(_ relativePath: String, _ contents: String) throws {
        guard replacesAtomically else { return try write(contents, to: root.path + "/" + relativePath) }
        let path = root.path + "/" + relativePath
        let slash = path.lastIndex(of: "/")!
        let temporary = String(path[...slash]) + "." + String(path[path.index(after: slash)...]) + ".satchel-new"
        try write(contents, to: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, code: code)
        }
    }

    private func write(_ contents: String, to path: String) throws {
        if replacesLinks { unlink(path) }
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

    /// Makes the file at `relativePath` a hard link to the one at the same path under `source`, creating
    /// parent folders as needed; false if that fails (no such file, another file system).
    func link(_ relativePath: String, from source: URL) -> Bool {
        let existing = source.path + "/" + relativePath
        let path = root.path + "/" + relativePath
        if Foundation.link(existing, path) == 0 { return true }
        guard errno == ENOENT else { return false }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return false }
        return Foundation.link(existing, path) == 0
    }

    /// Removes a file that the build no longer produces, and its folder if that is left empty.
    func remove(_ relativePath: String) throws {
        let path = root.path + "/" + relativePath
        guard unlink(path) == 0 || errno == ENOENT else { throw FileWriteError(path: path, code: errno) }
        rmdir(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Copies the files of several folders as they are into one, in order, so that a later folder's file
    /// replaces an earlier one's of the same path (a theme's assets over those of the theme it extends);
    /// returns each copied file's path and hash.
    func copyTrees(from sources: [URL], to relativePath: String) throws -> [(String, ContentHash)] {
        let fileManager = FileManager.default
        var hashes: [String: ContentHash] = [:]
        for source in sources where fileManager.fileExists(atPath: source.path) {
            let enumerator = fileManager.enumerator(atPath: source.path)
            while let path = enumerator?.nextObject() as? String {
                guard enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory,
                      let data = fileManager.contents(atPath: source.appendingPathComponent(path).path)
                else { continue }
                let destination = "\(relativePath)/\(path)"
                try write(destination, data)
                var hash = ContentHash()
                hash.combine(data)
                hashes[destination] = hash
            }
        }
        return hashes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if replacesLinks { unlink(url.path) }
        try data.write(to: url)
    }
}

/// A page that could not be written, with the system's reason.
struct FileWriteError: Error, CustomStringConvertible {
    let path: String
    let code: Int32

    var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}
