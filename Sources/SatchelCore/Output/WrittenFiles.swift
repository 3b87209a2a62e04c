import Foundation

/// The files a build produced and the hashes of their bytes, collected from parallel render tasks.
final class WrittenFiles: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var hashes: [String: ContentHash]
    private var written = 0
    /// The paths given to `replace`.
    private var replaced: Set<String> = []

    /// Starts from the files `previous` the output holds (an update's), or from none.
    init(_ previous: [String: ContentHash] = [:]) {
        hashes = previous
    }

    func record(_ path: String, _ hash: ContentHash, written isWritten: Bool) {
        lock.lock()
        defer { lock.unlock() }
        hashes[path] = hash
        if isWritten { written += 1 }
    }

    /// Records `hash` for `path` in place of the hash it had; returns whether they differ, that is whether the
    /// file is to be written.
    func replace(_ path: String, with hash: ContentHash) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        replaced.insert(path)
        let isNew = hashes.updateValue(hash, forKey: path) != hash
        if isNew { written += 1 }
        return isNew
    }

    /// Whether `replace` was given `path`.
    func wasReplaced(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return replaced.contains(path)
    }

    func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        hashes[path] = nil
    }

    func hash(of path: String) -> ContentHash? {
        lock.lock()
        defer { lock.unlock() }
        return hashes[path]
    }

    var all: [String: ContentHash] {
        lock.lock()
        defer { lock.unlock() }
        return hashes
    }

    var writtenCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return written
    }
}
