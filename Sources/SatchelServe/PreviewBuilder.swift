import Foundation
import SatchelCore

/// One build in serve mode: runs the incremental build, prints its outcome, and tells the open pages. A
/// failed build leaves the previous output in place (the build swaps a new folder in only on success), so the
/// last good site stays up while its errors are shown.
struct PreviewBuilder: Sendable {
    let site: Site
    let output: OutputDirectory
    let hub: ReloadHub
    let report: @Sendable (String) -> Void

    func build() async {
        do {
            let summary = try await site.build(into: output)
            for warning in summary.warnings { report(warning.description) }
            report(summary.description)
            await hub.succeeded(outputChanged: !summary.upToDate)
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
