import Foundation
import SatchelCore
import SatchelServe

/// A copy of the catalog fixture (content and the `plain` theme) in a temporary folder, served by a running
/// `PreviewServer` on a free loopback port.
struct ServedSite {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SatchelCoreTests/Fixtures/catalog").standardizedFileURL

    let root: URL
    let port: Int
    /// What the server printed.
    let transcript: Inbox<String>
    private let server: Task<Void, Never>

    /// Serves a fresh copy for `body`, and stops the server and removes the copy afterwards.
    static func serving(_ body: (ServedSite) async throws -> Void) async throws {
        let site = try await start()
        do {
            try await body(site)
        } catch {
            await site.stop()
            throw error
        }
        await site.stop()
    }

    private static func start() async throws -> ServedSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let content = root.appendingPathComponent("content")
        let site = Site(
            contentDirectory: content, contentDisplayPath: "content",
            themesDirectory: root.appendingPathComponent("themes"), themesDisplayPath: "themes", themeName: "plain")
        let output = try OutputDirectory(
            url: root.appendingPathComponent("public"), displayPath: "public", contentDirectory: content, projectRoot: root)
        let transcript = Inbox<String>()
        let started = Inbox<Result<Int, any Error>>()
        let preview = PreviewServer(site: site, output: output, port: 0, report: transcript.append)
        let server = Task {
            do {
                try await preview.run { port in started.append(.success(port)) }
            } catch {
                started.append(.failure(error))
            }
        }
        do {
            let port = try await started.wait(within: 60, for: "listening port") { $0.first }.get()
            return ServedSite(root: root, port: port, transcript: transcript, server: server)
        } catch {
            server.cancel()
            throw error
        }
    }

    private func stop() async {
        server.cancel()
        await server.value
        try? FileManager.default.removeItem(at: root)
    }

    func get(_ target: String) async throws -> (status: Int, headers: [String: String], body: String) {
        let port = port
        return try await onThread { try SocketConnection(port: port, timeout: 20).get(target) }
    }

    func events() async throws -> EventStream {
        try await EventStream.open(port: port)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
    }
}
