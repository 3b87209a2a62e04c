import Foundation

/// Watches folder trees and reports each burst of changes once, after it has gone quiet.
///
/// Editors save in bursts (a temporary file, a rename, a metadata change), and a "save all" touches many
/// files; waiting for `quietPeriod` without events turns each burst into one rebuild.
public struct DirectoryWatcher: Sendable {
    /// Why watching could not start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        init(path: String?, errno code: Int32) {
            let reason = String(cString: strerror(code))
            description = path.map { "cannot watch '\($0)': \(reason)" } ?? "cannot watch for changes: \(reason)"
        }

        init(_ description: String) {
            self.description = description
        }
    }

    public var roots: [URL]
    public var quietPeriod: Duration

    public init(roots: [URL], quietPeriod: Duration = .milliseconds(75)) {
        self.roots = roots
        self.quietPeriod = quietPeriod
    }

    /// Starts watching (every folder is watched when this returns) and yields the paths each burst changed.
    /// Watching stops when the stream is dropped or its consumer is cancelled.
    public func changes() throws(Failure) -> AsyncStream<Set<String>> {
        #if canImport(Glibc)
        let watches = try InotifyWatches(roots: roots.map(\.path))
        var wake: [Int32] = [0, 0]
        guard pipe(&wake) == 0 else {
            let failure = Failure(path: nil, errno: errno)
            watches.close()
            throw failure
        }
        // Every burst is kept until it is consumed: serve's updates re-read only the files a burst names.
        let (stream, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        let (stopReader, stopWriter) = (wake[0], wake[1])
        continuation.onTermination = { _ in
            var byte: UInt8 = 1
            _ = write(stopWriter, &byte, 1)
            _ = close(stopWriter)
        }
        let quiet = Int32(quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        // poll(2) blocks, so the loop gets a thread of its own rather than one of the few the tasks share.
        Thread { Self.run(watches, stop: stopReader, quietMilliseconds: quiet, continuation) }.start()
        return stream
        #else
        throw Failure("watching for changes needs Linux's inotify")
        #endif
    }

    #if canImport(Glibc)
    private static func run(
        _ initial: InotifyWatches, stop: Int32, quietMilliseconds: Int32, _ continuation: AsyncStream<Set<String>>.Continuation
    ) {
        var watches = initial
        defer {
            watches.close()
            _ = close(stop)
            continuation.finish()
        }
        var pending: Set<String> = []
        var descriptors = [pollfd(fd: watches.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), pending.isEmpty ? -1 : quietMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[1].revents != 0 { return }
            if ready == 0 {
                continuation.yield(pending)
                pending = []
            } else if descriptors[0].revents & Int16(POLLIN) != 0 {
                pending.formUnion(watches.readChanges())
            } else {
                return
            }
        }
    }
    #endif
}
