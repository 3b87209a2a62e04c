/// How long each stage of one build took, in order, for `satchel build --verbose` and the benchmarks.
public struct BuildTimeline: Sendable {
    public private(set) var stages: [(name: String, duration: Duration)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the stage that ran since the previous mark (or since the timeline began).
    mutating func mark(_ name: String) {
        let now = ContinuousClock.now
        stages.append((name, now - last))
        last = now
    }

    /// One line, e.g. `load 120 ms · parse 900 ms · graph 300 ms`.
    public var description: String {
        stages.map { "\($0.name) \(Self.milliseconds($0.duration)) ms" }.joined(separator: " · ")
    }

    public static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
