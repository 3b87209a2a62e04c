import Foundation

/// Collects what a server, a watcher or a socket thread delivers, for a test to wait on with a deadline.
///
/// `@unchecked Sendable`: every access to `items` holds `lock`; the writers are plain threads, which cannot
/// await an actor.
final class Inbox<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []

    func append(_ item: Item) {
        lock.withLock { items.append(item) }
    }

    var all: [Item] { lock.withLock { items } }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    /// What `find` picks from the items delivered so far or within `seconds`; throws when the time is up.
    func wait<T>(within seconds: Double = 20, for what: String, _ find: ([Item]) -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let found = find(all) { return found }
            guard Date() < deadline else { throw Timeout(description: "no \(what) within \(seconds) s; got \(all)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func first(within seconds: Double = 20, _ what: String, where matches: (Item) -> Bool) async throws -> Item {
        try await wait(within: seconds, for: what) { $0.first(where: matches) }
    }
}
