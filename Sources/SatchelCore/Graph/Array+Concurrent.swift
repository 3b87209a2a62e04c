import Foundation

extension Array where Element: Sendable {
    /// `transform` of every position below `count`, computed in parallel batches, in order.
    init(concurrentlyCount count: Int, _ transform: @Sendable (Int) -> Element) {
        guard count > 0 else {
            self = []
            return
        }
        let batchSize = Swift.max(64, count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
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
}
