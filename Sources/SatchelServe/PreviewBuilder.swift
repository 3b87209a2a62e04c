import Foundation
import SatchelCore

/// One build in serve mode: updates the site kept in memory (or builds it whole), prints the outcome, and
/// tells the open pages. A failed build leaves the previous output in place (content errors are found before
/// any file is replaced), so the last good site stays up while its errors are shown.
struct PreviewBuilder: Sendable {
    let live: LiveSite
    let hub: ReloadHub
    let printsStages: Bool
    let report: @Sendable (String) -> Void

    /// `changed`: the absolute paths of a burst of changes; nil for the first build.
    func build(changed: Set<String>? = nil) async {
        let output = live.output
        do {
            let summary = try await live.build(changed: changed)
            for warning in summary.warnings { report(warning.description) }
            report(summary.description)
            if printsStages { report("  stages: \(summary.timeline.description)") }
            await hub.succeeded(outputChanged: !summary.upToDate)
            // After the reload: at 10,000 pages writing the cache takes longer than the update itself.
            await live.saveCache()
        } catch let failure as BuildFailure {
            let lines = failure.diagnostics.map(\.description)
            for line in lines { report(line) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            let serving = FileManager.default.fileExists(atPath: output.url.path)
                ? "still serving the last good site" : "nothing to serve until they are fixed"
            report("satchel: \(errors) error\(errors == 1 ? "" : "s"); \(serving)")
            await hub.failed(lines)
        } catch {
            let line = "satchel: error: \(error)"
            report(line)
            await hub.failed([line])
        }
    }
}
