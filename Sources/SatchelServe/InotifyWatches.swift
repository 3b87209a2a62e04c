#if canImport(Glibc)
import Foundation
import Glibc

/// An inotify instance watching folder trees: one watch per folder, since inotify is not recursive, and a
/// new watch for every folder created or moved in while it runs. Hidden files and folders (editor swap files,
/// `.git`) are not watched; Satchel does not read them either.
struct InotifyWatches {
    private static let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

    let descriptor: Int32
    private let roots: [String]
    /// The folder each watch descriptor stands for.
    private var folders: [Int32: String] = [:]

    /// Starts watching every folder under `roots`; throws if a root cannot be watched.
    init(roots: [String]) throws(DirectoryWatcher.Failure) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw DirectoryWatcher.Failure(path: nil, errno: errno) }
        self.roots = roots
        for root in roots {
            guard add(root) else {
                let failure = DirectoryWatcher.Failure(path: root, errno: errno)
                close()
                throw failure
            }
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Reads the queued events; returns the paths they name and watches the folders that appeared.
    mutating func readChanges() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let headerSize = MemoryLayout<inotify_event>.size
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return changed }
            var offset = 0
            while offset + headerSize <= count {
                let (watch, mask, nameLength) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + nameLength
                if let path = handle(watch: watch, mask: mask, name: name) { changed.insert(path) }
            }
        }
    }

    /// Updates the watches for one event; returns the path it changed, if any.
    private mutating func handle(watch: Int32, mask: UInt32, name: String) -> String? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost, folders created among them too: watch everything again (existing watches
            // are kept) and report the roots, which makes the build look at everything.
            for root in roots { _ = add(root) }
            return roots.first
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return nil
        }
        guard let folder = folders[watch], !name.hasPrefix(".") else { return nil }
        let path = name.isEmpty ? folder : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = add(path) }
            // A folder moved elsewhere keeps its watches; they would report it under its old path.
            if mask & UInt32(IN_MOVED_FROM) != 0 { forget(path) }
        }
        return path
    }

    /// Watches `folder` and every folder under it (not following symbolic links, which could loop).
    private mutating func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, Self.events | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return false }
        folders[watch] = folder
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !entry.hasPrefix(".") {
            let path = folder + "/" + entry
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { _ = add(path) }
        }
        return true
    }

    private mutating func forget(_ folder: String) {
        for (watch, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
#endif
