import Foundation

/// The files a build produced and the hashes of their bytes, collected from parallel render tasks.
final class WrittenFiles: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var hashes: [String: ContentHash] = [:]
    private var written = 0

    func record(_ path: String, _ hash: ContentHash, written isWritten: Bool) {
        lock.lock()
        defer { lock.unlock() }
        hashes[path] = hash
        if isWritten { written += 1 }
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
