import Foundation

/// What every open page should know: which build it should show and the errors of the last build, if it
/// failed. Pushes each change to the connected pages.
actor ReloadHub {
    /// Changes with every build that changed the output; pages carry the one they were served with.
    private(set) var generation = UUID().uuidString
    private var errors: [String] = []
    private var pages: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]

    /// A page's event stream. It starts with the current generation and, while the last build failed, its
    /// errors, so a page opened or reloaded after a failed build shows them too.
    func connect() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self)
        continuation.yield(.hello(generation: generation))
        if !errors.isEmpty { continuation.yield(.errors(errors)) }
        let id = UUID()
        pages[id] = continuation
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        return stream
    }

    /// A build succeeded. Pages reload if the output changed, or to clear the errors they show.
    func succeeded(outputChanged: Bool) {
        let showedErrors = !errors.isEmpty
        errors = []
        if outputChanged { generation = UUID().uuidString }
        if outputChanged || showedErrors { broadcast(.reload) }
    }

    /// A build failed: the output is still the last good one; pages show the errors over it.
    func failed(_ lines: [String]) {
        errors = lines
        broadcast(.errors(lines))
    }

    private func broadcast(_ event: ReloadEvent) {
        for page in pages.values { page.yield(event) }
    }

    private func disconnect(_ id: UUID) {
        pages[id] = nil
    }
}
