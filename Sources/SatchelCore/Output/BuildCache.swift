import Foundation

/// What the previous successful build into an output folder was made from and what it wrote, kept in
/// `.satchel-cache/` beside the output folder. A later build uses it to skip work: nothing at all when no
/// input changed, and only the pages whose bytes changed after an edit. A cache that is unreadable, from
/// another Satchel version, or does not match the output folder's marker is ignored, never trusted.
struct BuildCache: Codable, Sendable {
    /// Identifies the build; also written into the output folder's marker file.
    var buildID: String
    var satchelVersion: String
    /// Everything that affects every page: configuration, schemas, kind introductions, theme, build date.
    var globalHash: ContentHash
    /// Per entity: the hash of its source file, the entities it is linked with, either way, and the similar
    /// entities its page links to for comparison.
    var entities: [String: EntityRecord]
    /// Every file of the output and the hash of its bytes.
    var files: [String: ContentHash]

    struct EntityRecord: Codable, Sendable {
        var sourceHash: ContentHash
        var neighbours: [String]
        var similar: [String]
    }

    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".satchel-cache")
            .appendingPathComponent("\(output.lastPathComponent).json")
    }

    /// The cache for `output`, if it is readable, current and describes what the output folder holds.
    static func load(for output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(for: output)),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.satchelVersion == SatchelVersion.string,
              let marker = try? String(contentsOf: output.appendingPathComponent(OutputDirectory.marker), encoding: .utf8),
              marker == cache.buildID
        else { return nil }
        return cache
    }

    func save(for output: URL) throws {
        let url = Self.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}
