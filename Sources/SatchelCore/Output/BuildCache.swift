import Foundation

/// What the previous successful build into an output folder was made from and what it wrote, kept in
/// `.satchel-cache/` beside the output folder. A later build uses it to skip work: nothing at all when no
/// input changed, and only the pages whose bytes changed after an edit. A cache that is unreadable, from
/// another Satchel version, or does not match the output folder's marker is ignored, never trusted.
struct BuildCache: Sendable {
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

    struct EntityRecord: Sendable, Equatable {
        var sourceHash: ContentHash
        /// What other pages show of the entity (`ContentGraph.faceHash(at:)`).
        var faceHash: ContentHash
        var neighbours: [String]
        var similar: [String]
    }

    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".satchel-cache")
            .appendingPathComponent("\(output.lastPathComponent).cache")
    }

    /// The cache for `output`, if it is readable, current and describes what the output folder holds.
    static func load(for output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: location(for: output)),
              let cache = BuildCache(text: String(decoding: data, as: UTF8.self)),
              cache.satchelVersion == SatchelVersion.string,
              let marker = try? String(contentsOf: output.appendingPathComponent(OutputDirectory.marker), encoding: .utf8),
              marker == cache.buildID
        else { return nil }
        return cache
    }

    func save(for output: URL) throws {
        let url = Self.location(for: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// The cache as lines of tab-separated fields (slugs and output paths hold no tabs or line breaks):
    ///
    ///     satchel-cache 4
    ///     build	<id>
    ///     version	<Satchel version>
    ///     global	<hash>
    ///     entity	<kind/slug>	<hash>	<face hash>	<neighbours>	<similar>    (each a space-separated list of kind/slug)
    ///     file	<hash>	<path>
    ///
    /// Slugs hold no spaces (`ContentLoader.isValidSlug`). Plain lines rather than JSON: Foundation's JSON
    /// coders took a second to write and read a 10,000-page site's cache, longer than the no-change rebuild
    /// it serves.
    var text: String {
        let entities = self.entities.sorted(by: { $0.key < $1.key })
        let files = self.files.sorted(by: { $0.key < $1.key })
        let entityRuns = Self.runs(of: entities, bytesPerLine: 160) { text, entry in
            text += "entity\t"
            text += entry.key
            text += "\t"
            text += Self.hex(entry.value.sourceHash)
            text += "\t"
            text += Self.hex(entry.value.faceHash)
            text += "\t"
            Self.append(entry.value.neighbours, to: &text)
            text += "\t"
            Self.append(entry.value.similar, to: &text)
            text += "\n"
        }
        let fileRuns = Self.runs(of: files, bytesPerLine: 80) { text, entry in
            text += "file\t"
            text += Self.hex(entry.value)
            text += "\t"
            text += entry.key
            text += "\n"
        }
        var text = "\(Self.header)\nbuild\t\(buildID)\nversion\t\(satchelVersion)\nglobal\t\(Self.hex(globalHash))\n"
        text.reserveCapacity((entityRuns + fileRuns).reduce(text.utf8.count) { $0 + $1.utf8.count })
        for run in entityRuns + fileRuns { text += run }
        return text
    }

    /// The lines of `items`, written by `line` in parallel runs of 1,024, each appended to one string (20,000
    /// lines at 10,000 pages; an array of lines joined at the end built every line twice).
    private static func runs<Item: Sendable>(
        of items: [Item], bytesPerLine: Int, _ line: @Sendable (inout String, Item) -> Void
    ) -> [String] {
        let runLength = 1024
        return [String](concurrentlyCount: (items.count + runLength - 1) / runLength) { run in
            var text = ""
            text.reserveCapacity(bytesPerLine * runLength)
            for item in items[(run * runLength)..<min(items.count, (run + 1) * runLength)] { line(&text, item) }
            return text
        }
    }

    /// Names separated by spaces.
    private static func append(_ names: [String], to text: inout String) {
        for (position, name) in names.enumerated() {
            if position > 0 { text += " " }
            text += name
        }
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}

extension BuildCache {
    /// Reads `text`; nil unless every line is well formed.
    init?(text: String) {
        var text = text
        guard let cache = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = cache
    }

    /// The lines of the file's UTF-8, split at its ASCII separators: splitting the text as characters read a
    /// 10,000-page cache (7 MB) at 15 MB/s, most of a no-change rebuild.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> BuildCache? {
        func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: bytes, as: UTF8.self) }
        func names(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [String] { bytes.split(separator: UInt8(ascii: " ")).map(text) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, text(first) == header, lines.last?.isEmpty == true else { return nil }
        lines.removeLast()
        var buildID: String?, version: String?, global: ContentHash?
        var entities: [String: EntityRecord] = [:]
        var files: [String: ContentHash] = [:]
        entities.reserveCapacity(lines.count)
        files.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            switch (text(fields[0]), fields.count) {
            case ("build", 2): buildID = text(fields[1])
            case ("version", 2): version = text(fields[1])
            case ("global", 2): global = hash(fields[1])
            case ("entity", 6):
                guard let source = hash(fields[2]), let face = hash(fields[3]) else { return nil }
                entities[text(fields[1])] = EntityRecord(sourceHash: source, faceHash: face, neighbours: names(fields[4]), similar: names(fields[5]))
            case ("file", 3):
                guard let hash = hash(fields[1]) else { return nil }
                files[text(fields[2])] = hash
            default: return nil
            }
        }
        guard let buildID, let version, let global else { return nil }
        return BuildCache(buildID: buildID, satchelVersion: version, globalHash: global, entities: entities, files: files)
    }

    private static let header = "satchel-cache 4"

    private static func hex(_ hash: ContentHash) -> String {
        String(hash.value, radix: 16)
    }

    /// Hexadecimal digits, as `hex` writes them; nil for anything else, or for more than 64 bits.
    private static func hash(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> ContentHash? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return ContentHash(value: value)
    }
}
