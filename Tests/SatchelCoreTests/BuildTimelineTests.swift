import Testing
@testable import SatchelCore

/// What `satchel build --verbose` says of each stage: its wall time, and how many cores it kept busy.
@Suite struct BuildTimelineTests {
    @Test func eachStageShowsTheCoresItKeptBusyAndTheIdleCoreTime() {
        let start = ContinuousClock.now
        var timeline = BuildTimeline(start: start, cpu: ProcessCPUTime(nanoseconds: 3_000_000_000))
        // 1 s of CPU over 0.5 s: both cores; then 0.24 s over 0.2 s, 0.16 s of core time left idle; then none.
        timeline.mark("parse", at: start.advanced(by: .milliseconds(500)), cpu: ProcessCPUTime(nanoseconds: 4_000_000_000))
        timeline.mark("graph", at: start.advanced(by: .milliseconds(700)), cpu: ProcessCPUTime(nanoseconds: 4_240_000_000))
        timeline.mark("theme", at: start.advanced(by: .milliseconds(700)), cpu: ProcessCPUTime(nanoseconds: 4_240_000_000))
        #expect(timeline.description == "parse 500 ms · graph 200 ms · theme 0 ms")
        #expect(timeline.coresDescription(cores: 2) == "parse 2.0 · graph 1.2 · theme 0.0 (of 2 cores); 0.16 s of core time idle")
    }

    @Test func aBuildMeasuresItsOwnStages() async throws {
        let summary = try await FixtureSite().build()
        #expect(summary.timeline.stages.map(\.name) == ["load", "parse", "graph", "theme", "render and write", "cache"])
        #expect(summary.timeline.cpuTimes.count == summary.timeline.stages.count)
        // The process has worked for the build (and, with other tests running, for them too).
        #expect(summary.timeline.cpuTimes.reduce(.zero, +) > .zero)
    }
}
