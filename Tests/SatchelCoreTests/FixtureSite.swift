import Foundation
@testable import SatchelCore

/// A copy of a fixture site in a fresh temporary folder, so a test can edit files without touching the
/// fixtures. Paths in diagnostics are shown relative to the copy, as `content/...`.
struct FixtureSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let root: URL

    init(_ name: String = "catalog") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: root)
    }

    /// The same site building into another output folder of the same root.
    static func at(_ root: URL, output: String) -> FixtureSite {
        FixtureSite(root: root, outputName: output)
    }

    private init(root: URL, outputName: String) {
        self.root = root
        self.outputName = outputName
    }

    private var outputName = "public"

    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent(outputName) }

    var site: Site {
        Site(
            contentDirectory: content, contentDisplayPath: "content",
            themesDirectory: root.appendingPathComponent("themes"), themesDisplayPath: "themes", themeName: "plain")
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ relativePath: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent(relativePath))
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relativePath))
    }

    func outputDirectory() throws -> OutputDirectory {
        try OutputDirectory(url: output, displayPath: outputName, contentDirectory: content, projectRoot: root)
    }

    @discardableResult
    func build() async throws -> BuildSummary {
        try await site.build(into: try outputDirectory(), buildDate: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// The diagnostics of a failing check (of `site`, or of `other` such as `siteWithConfiguredTheme`), as printed.
    func errors(of other: Site? = nil) async -> [String] {
        do {
            _ = try await (other ?? site).check()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Every file of the output and its bytes.
    func snapshotOutput() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            let url = output.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
