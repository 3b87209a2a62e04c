import Foundation
import Testing
@testable import SatchelCore

/// `satchel build` killed with SIGKILL at any moment leaves the previous output whole: after every kill the
/// output folder holds, byte for byte, either the previous build or the complete new one (when the kill came
/// after the swap), and the next build is not troubled by what the killed one left behind.
///
/// Runs the `satchel` binary of the same build as the tests (or the one `SATCHEL` names, e.g. a release build)
/// on a catalog made by `Benchmarks/generate_catalog.py` (400 pages; `SATCHEL_KILL_PAGES` changes it):
/// `SATCHEL=.build/release/satchel SATCHEL_KILL_PAGES=2000 swift test --filter KillTests`. Kills are placed by what the
/// build is doing rather than by fixed delays, so they land in the same phases on a slow or a fast machine:
/// while loading, when the staging folder appears, at quarters of the time it is written, and right after
/// the swap; then again during an incremental build that hard-links the previous output.
@Suite(.serialized) struct KillTests {
    private let pages = Int(ProcessInfo.processInfo.environment["SATCHEL_KILL_PAGES"] ?? "") ?? 400

    /// One kill and what it found.
    private struct Outcome: CustomStringConvertible {
        var point: String
        var keptPrevious: Bool
        var stagingExisted: Bool
        var description: String { "\(point): \(keptPrevious ? "previous output" : "new output")\(stagingExisted ? ", killed while staging" : "")" }
    }

    @Test func sigkillAtAnyPointLeavesThePreviousOrTheNewOutputWhole() throws {
        let named = ProcessInfo.processInfo.environment["SATCHEL"].map { BadInputExecutable(url: URL(fileURLWithPath: $0)) }
        let satchel = try #require(named ?? BadInputExecutable.locate(), "no satchel binary beside the test bundle")
        let project = try generateCatalog()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let build = ["build", "--quiet"]

        // The previous output, and how long loading and writing take, from an uninterrupted build.
        let timing = try timedBuild(satchel, build, in: project)
        let previous = try outputFiles(project)
        #expect(previous.count > pages)

        // A changed site title reaches every page, so each build from here on is a full one.
        try project.write("content/_site.yml", try project.read("content/_site.yml").replacingOccurrences(of: "title: Benchmark Catalog", with: "title: Killed Catalog"))
        var outcomes: [Outcome] = []
        var snapshots: [(String, [String: Data])] = []
        let points: [(String, KillPoint)] = [
            ("at start", .afterStart(.zero)),
            ("while loading", .afterStart(timing.untilStaging / 2)),
            ("as staging appears", .afterStaging(.zero)),
            ("a quarter into writing", .afterStaging(timing.writing / 4)),
            ("half way through writing", .afterStaging(timing.writing / 2)),
            ("three quarters into writing", .afterStaging(timing.writing * 3 / 4)),
            ("right after the swap", .afterSwap),
        ]
        var current = previous
        for (name, point) in points {
            let kill = try killBuild(satchel, build, in: project, at: point)
            let files = try outputFiles(project)
            snapshots.append((name, files))
            outcomes.append(Outcome(point: name, keptPrevious: files == previous, stagingExisted: kill.stagingExisted && !kill.swapped))
            if !kill.swapped { #expect(files == current, "a kill \(name), before the swap, changed the output") }
            current = files
        }
        let finished = try satchel.run(build, in: project.root)
        #expect(finished.status == 0, "the build after the kills failed: \(finished.standardError)")
        let next = try outputFiles(project)
        #expect(next != previous)
        for (name, files) in snapshots {
            #expect(files == previous || files == next, "after a kill \(name) the output is neither the previous nor the new one")
        }
        #expect(outcomes.contains { $0.keptPrevious && $0.stagingExisted }, "no kill landed while the staging folder was written: \(outcomes)")
        #expect(project.stagingLeftovers == [])

        // An incremental build stages hard links to the live output: a kill must not write through them.
        // Each round edits one page again, so that each build has something to do.
        let guides = project.content.appendingPathComponent("guides")
        let guide = "content/guides/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: guides.path).filter { !$0.hasPrefix("_") }.min()))
        var killedWhileStaging = 0
        for (round, delay) in [Duration.zero, timing.writing / 64, timing.writing / 16].enumerated() {
            try project.write(guide, try project.read(guide) + "\nLine \(round) added before a kill.\n")
            let before = try outputFiles(project)
            let kill = try killBuild(satchel, build, in: project, at: .afterStaging(delay))
            guard kill.stagingExisted, !kill.swapped else { continue }
            killedWhileStaging += 1
            #expect(try outputFiles(project) == before, "a kill during an incremental build changed the live output")
        }
        #expect(killedWhileStaging > 0, "no kill landed during an incremental build")
        #expect(try satchel.run(build, in: project.root).status == 0)
        #expect(try outputFiles(project) != next)
        #expect(project.stagingLeftovers == [])
    }

    private enum KillPoint {
        case afterStart(Duration)
        case afterStaging(Duration)
        /// As soon as the output's marker names another build.
        case afterSwap
    }

    /// What a kill interrupted.
    private struct Kill {
        /// The build had written (part of) its staging folder.
        var stagingExisted: Bool
        /// The build had already swapped its output in; the staging folder then holds the old output.
        var swapped: Bool
    }

    /// Waits on this thread, not in the task pool: while other suites hold the pool's threads, a task's
    /// sleep can end long after the build has moved on, and the kill would miss the phase it aims at.
    private func pause(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var left = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var rest = timespec()
        while nanosleep(&left, &rest) != 0 { left = rest }
    }

    /// Starts a build and kills it at `point` (or lets it end if it gets there first).
    private func killBuild(_ satchel: BadInputExecutable, _ arguments: [String], in project: FixtureSite, at point: KillPoint) throws -> Kill {
        let marker = project.output.appendingPathComponent(OutputDirectory.marker)
        let markerBefore = try? Data(contentsOf: marker)
        let process = try satchel.start(arguments, in: project.root)
        let staging = project.root.appendingPathComponent(".public.satchel-tmp-\(process.processIdentifier)")
        switch point {
        case .afterStart(let delay):
            pause(delay)
        case .afterStaging(let delay):
            while process.isRunning, !FileManager.default.fileExists(atPath: staging.path) { pause(.milliseconds(1)) }
            pause(delay)
        case .afterSwap:
            while process.isRunning, (try? Data(contentsOf: marker)) == markerBefore { pause(.microseconds(200)) }
        }
        let stagingExisted = FileManager.default.fileExists(atPath: staging.path)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        return Kill(stagingExisted: killed && stagingExisted, swapped: (try? Data(contentsOf: marker)) != markerBefore)
    }

    /// How long a build spends before its staging folder appears, and from then to its end.
    private struct Timing {
        var untilStaging: Duration
        var writing: Duration
    }

    private func timedBuild(_ satchel: BadInputExecutable, _ arguments: [String], in project: FixtureSite) throws -> Timing {
        let clock = ContinuousClock()
        let start = clock.now
        let process = try satchel.start(arguments, in: project.root)
        let staging = project.root.appendingPathComponent(".public.satchel-tmp-\(process.processIdentifier)")
        while process.isRunning, !FileManager.default.fileExists(atPath: staging.path) { pause(.milliseconds(1)) }
        let stagingSeen = clock.now
        while process.isRunning { pause(.milliseconds(5)) }
        if process.terminationStatus != 0 {
            let again = try satchel.run(arguments, in: project.root)
            Issue.record("the generated catalog did not build (\(process.terminationReason == .uncaughtSignal ? "signal" : "status") \(process.terminationStatus)); run again: status \(again.status) \(again.standardError)")
        }
        return Timing(untilStaging: stagingSeen - start, writing: clock.now - stagingSeen)
    }

    /// A generated catalog with the repository's themes, in a fresh folder.
    private func generateCatalog() throws -> FixtureSite {
        let project = try BadInputCase.baseProject()
        try project.remove("content")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", BadInputCase.repository.appendingPathComponent("Benchmarks/generate_catalog.py").path,
            "--pages", String(pages), "--seed", "1", "--out", project.root.path,
        ]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "Benchmarks/generate_catalog.py failed")
        return project
    }

    /// The output's files without the marker, which names the build that wrote it.
    private func outputFiles(_ project: FixtureSite) throws -> [String: Data] {
        var files = try project.snapshotOutput()
        try #require(files.removeValue(forKey: OutputDirectory.marker) != nil, "the output lost its marker")
        return files
    }
}
