import Foundation
import Hummingbird
import SatchelCore

/// `satchel serve`: builds the site, serves the output folder over HTTP with live reload, and rebuilds
/// incrementally whenever something in the content or themes folder changes.
public struct PreviewServer: Sendable {
    public var site: Site
    public var output: OutputDirectory
    /// The address to listen on; the loopback address keeps the preview on this machine.
    public var host: String
    /// The port to listen on; 0 picks a free one (`run` reports which).
    public var port: Int
    /// How long the folders must stay quiet after a change before the rebuild starts.
    public var quietPeriod: Duration
    /// Receives the lines to print: what is served, each build's summary or its errors.
    public var report: @Sendable (String) -> Void
    /// Also report how long each stage of every build took.
    public var printsStages = false

    public init(
        site: Site, output: OutputDirectory, host: String = "127.0.0.1", port: Int = 8080,
        quietPeriod: Duration = .milliseconds(75), report: @escaping @Sendable (String) -> Void
    ) {
        self.site = site
        self.output = output
        self.host = host
        self.port = port
        self.quietPeriod = quietPeriod
        self.report = report
    }

    /// Builds, then serves and rebuilds until the task is cancelled or the server fails (say, the port is
    /// taken). `onListening` receives the port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        // Watch first, so an edit made during the first build is not missed.
        let changes = try DirectoryWatcher(roots: [site.contentDirectory, site.themesDirectory], quietPeriod: quietPeriod).changes()
        let hub = ReloadHub()
        let builder = PreviewBuilder(live: LiveSite(site: site, output: output), hub: hub, printsStages: printsStages, report: report)
        await builder.build()
        var application = Application(
            responder: SiteResponder(files: OutputFiles(root: output.url), hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? port
                report("Serving \(output.displayPath) at http://\(hostInURL):\(port)/ (watching \(site.contentDisplayPath) and \(site.themesDisplayPath); Ctrl-C stops)")
                if !isLoopback { report("warning: listening on \(host): other machines can reach this preview") }
                await onListening(port)
            })
        // We print our own line when the server listens, and failures to listen are thrown; what is left is
        // per-connection noise (a tab closed mid-response, the server cancelled).
        application.logger.logLevel = .critical
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [application] in try await application.run() }
            group.addTask {
                // While the site is served: changes wait for it, in order.
                await builder.live.prepare()
                for await changed in changes where changed.contains(where: isWatchedInput) {
                    let inputs = changed.filter(isWatchedInput)
                    report("Changed: \(describe(inputs))")
                    await builder.build(changed: inputs)
                }
            }
            // Either ends only by failing or by cancellation; take the other down with it.
            try await group.next()
            group.cancelAll()
        }
    }

    /// An output folder inside the themes folder would otherwise trigger a rebuild with every build.
    private func isWatchedInput(_ path: String) -> Bool {
        path != output.url.path && !path.hasPrefix(output.url.path + "/")
    }

    /// The changed paths, relative to the working folder like the paths in diagnostics; a checkout that
    /// touches thousands of files gets one short line.
    private func describe(_ paths: Set<String>) -> String {
        let base = FileManager.default.currentDirectoryPath + "/"
        let shown = paths.sorted().prefix(3).map { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 }
        return shown.joined(separator: ", ") + (paths.count > shown.count ? " and \(paths.count - shown.count) more" : "")
    }

    private var hostInURL: String { host.contains(":") ? "[\(host)]" : host }

    private var isLoopback: Bool { host == "localhost" || host.hasPrefix("127.") || host == "::1" }
}
