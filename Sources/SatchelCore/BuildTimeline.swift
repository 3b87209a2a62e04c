import Foundation

/// How long each stage of one build took, in order, and how much CPU time the process used meanwhile, for
/// `satchel build --verbose` and the benchmarks.
public struct BuildTimeline: Sendable {
    public private(set) var stages: [(name: String, duration: Duration)] = []
    /// The CPU time of the whole process (every thread, user and system) over each stage, in the same order.
    public private(set) var cpuTimes: [Duration] = []
    private var last = ContinuousClock.now
    private var lastCPU = ProcessCPUTime.now

    public init() {}

    /// A timeline that began at `start`, with the process's CPU time then being `cpu`.
    init(start: ContinuousClock.Instant, cpu: ProcessCPUTime) {
        last = start
        lastCPU = cpu
    }

    /// Ends the stage that ran since the previous mark (or since the timeline began).
    mutating func mark(_ name: String) {
        mark(name, at: .now, cpu: .now)
    }

    /// `mark(_:)` with the clock and the process's CPU time as they are at the stage's end.
    mutating func mark(_ name: String, at now: ContinuousClock.Instant, cpu: ProcessCPUTime) {
        stages.append((name, now - last))
        cpuTimes.append(cpu - lastCPU)
        last = now
        lastCPU = cpu
    }

    /// One line, e.g. `load 120 ms · parse 900 ms · graph 300 ms`.
    public var description: String {
        stages.map { "\($0.name) \(Self.milliseconds($0.duration)) ms" }.joined(separator: " · ")
    }

    /// How many cores each stage kept busy on average, and the core time the stages left idle on a machine of
    /// `cores` cores, e.g. `load 1.4 · parse 2.0 · graph 1.1 (of 2 cores); 0.12 s of core time idle`: a stage's
    /// wall time alone cannot tell whether it used every core.
    public func coresDescription(cores: Int) -> String {
        var idle = Duration.zero
        let busy = zip(stages, cpuTimes).map { stage, cpu in
            idle += max(.zero, stage.duration * cores - cpu)
            let wall = Self.seconds(stage.duration)
            return "\(stage.name) \(String(format: "%.1f", wall > 0 ? Self.seconds(cpu) / wall : 0))"
        }
        return busy.joined(separator: " · ") + " (of \(cores) cores); \(String(format: "%.2f", Self.seconds(idle))) s of core time idle"
    }

    public static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
