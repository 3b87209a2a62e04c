import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of every position below `count`, computed in parallel batches, in order. Batches are of
    /// `batchSize` positions, by default enough for four per core and at least 64 (positions that take
    /// little time each); a few long positions, such as whole runs of work, are given 1.
    ///
    /// The batches run on Dispatch's threads, not in the Swift task pool, so they start at once rather
    /// than queued behind the tasks already waiting there.
    init(concurrentlyCount count: Int, batchSize: Int? = nil, _ transform: @Sendable (Int) -> Element) {
        guard count > 0 else {
            self = []
            return
        }
        let batchSize = batchSize ?? Swift.max(64, count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let batchCount = (count + batchSize - 1) / batchSize
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each batch initialises its own positions only.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: batchCount) { batch in
                for position in (batch * batchSize)..<Swift.min(count, (batch + 1) * batchSize) {
                    (base + position).initialize(to: transform(position))
                }
            }
            initialized = count
        }
    }

    /// `transform` of every position below `count`, in order, computed by `threads` threads of its own
    /// taking batches of `batchSize` in turn: for work that waits on a lock part of the time, where more
    /// threads than cores keep every core busy while some wait (Dispatch's pool has one thread per core).
    init(concurrentlyCount count: Int, threads: Int, batchSize: Int, _ transform: @escaping @Sendable (Int) -> Element) {
        guard count > 0 else {
            self = []
            return
        }
        let next = Atomic<Int>(0)
        let finished = DispatchGroup()
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each batch initialises its own positions only.
            nonisolated(unsafe) let base = buffer.baseAddress!
            for _ in 0..<Swift.max(1, threads) {
                finished.enter()
                Thread {
                    while true {
                        let start = next.add(batchSize, ordering: .relaxed).oldValue
                        guard start < count else { break }
                        for position in start..<Swift.min(count, start + batchSize) {
                            (base + position).initialize(to: transform(position))
                        }
                    }
                    finished.leave()
                }.start()
            }
            finished.wait()
            initialized = count
        }
    }
}
