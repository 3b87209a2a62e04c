import Foundation

/// Checks a built site folder the way a reader's browser would use it from disk: every `href` and `src`
/// must be relative, name an existing file (not a folder), and any `#fragment` must match an `id` in the
/// target page. Remote resources (`src`) are refused because the site must work offline; remote `href`s
/// are counted and listed, not followed.
public struct LinkChecker: Sendable {
    public struct Report: Sendable {
        public var filesChecked: Int
        public var linksChecked: Int
        public var externalLinks: [String]
        public var problems: [Diagnostic]
    }

    public let root: URL
    public let displayPath: String

    public init(root: URL, displayPath: String) {
        self.root = root.standardizedFileURL
        self.displayPath = displayPath
    }

    public func check() throws -> Report {
        let fileManager = FileManager.default
        // Each page's bytes, read as UTF-8 text (a page that is not fails the check).
        var pages: [String: [UInt8]] = [:]
        var files: Set<String> = []
        let enumerator = fileManager.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files.insert(path)
            if path.hasSuffix(".html") {
                pages[path] = Array(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).utf8)
            }
        }
        var idsByPage: [String: Set<String>] = [:]
        func ids(of page: String) -> Set<String> {
            if let cached = idsByPage[page] { return cached }
            let found = Set(Self.attributeValues(named: "id", in: pages[page] ?? []).map(\.value))
            idsByPage[page] = found
            return found
        }
        var report = Report(filesChecked: pages.count, linksChecked: 0, externalLinks: [], problems: [])
        for (page, bytes) in pages.sorted(by: { $0.key < $1.key }) {
            let folder = page.split(separator: "/").dropLast().map(String.init)
            for attribute in ["href", "src"] {
                var position = TextPosition()
                for (value, offset) in Self.attributeValues(named: attribute, in: bytes) {
                    report.linksChecked += 1
                    position.advance(to: offset, in: bytes)
                    let location = SourceLocation(file: "\(displayPath)/\(page)", line: position.line, column: position.column)
                    let url = Self.decodeEntities(value)
                    func problem(_ message: String) { report.problems.append(.error(at: location, message)) }
                    let lowered = url.lowercased()
                    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//") {
                        if attribute == "src" || lowered.hasPrefix("//") {
                            problem("remote resource '\(url)': the site must work offline")
                        } else {
                            report.externalLinks.append(url)
                        }
                        continue
                    }
                    if lowered.hasPrefix("mailto:") { continue }
                    if lowered.hasPrefix("javascript:") || lowered.hasPrefix("data:") && attribute == "href" {
                        problem("unsafe link '\(url)'")
                        continue
                    }
                    if url.hasPrefix("/") {
                        problem("root-relative link '\(url)' breaks when the site is opened from disk")
                        continue
                    }
                    let (pathPart, fragment) = Self.split(url)
                    let target: String
                    if pathPart.isEmpty {
                        target = page
                    } else {
                        guard let resolved = Self.resolve(pathPart, fromFolder: folder) else {
                            problem("link '\(url)' leaves the site folder")
                            continue
                        }
                        if pathPart.hasSuffix("/") || files.contains(resolved + "/index.html") && !files.contains(resolved) {
                            problem("link '\(url)' names a folder; from disk it must name a file such as index.html")
                            continue
                        }
                        guard files.contains(resolved) else {
                            problem("broken link '\(url)': no file \(resolved)")
                            continue
                        }
                        target = resolved
                    }
                    if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !ids(of: target).contains(fragment) {
                        problem("broken anchor '\(url)': \(target) has no id '\(fragment)'")
                    }
                }
            }
        }
        return report
    }

    static func split(_ url: String) -> (String, String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncodingIfValid
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path.removingPercentEncodingIfValid, fragment)
    }

    /// Resolves a relative path against `folder` (a page's folder, as its path components); nil if it climbs
    /// out of the site.
    static func resolve(_ path: String, fromFolder folder: [String]) -> String? {
        var components = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    /// Values of `name="…"` attributes, double- or single-quoted, each with the byte offset of its first byte,
    /// in the order they appear.
    static func attributeValues(named name: String, in html: [UInt8]) -> [(value: String, offset: Int)] {
        let needle = Array(" \(name)=".utf8)
        var results: [(String, Int)] = []
        var index = 0
        while index + needle.count < html.count {
            let byte = html[index]
            if byte == needle[0] || byte == 0x0A || byte == 0x09, (1..<needle.count).allSatisfy({ html[index + $0] == needle[$0] }) {
                let quoteIndex = index + needle.count
                let quote = html[quoteIndex]
                if quote == 0x22 || quote == 0x27, let end = html[(quoteIndex + 1)...].firstIndex(of: quote) {
                    results.append((String(decoding: html[(quoteIndex + 1)..<end], as: UTF8.self), quoteIndex + 1))
                    index = end
                }
            }
            index += 1
        }
        return results
    }

    /// A line and column (counted in Unicode scalars, as `SourceText`'s are) moved forward through a page's
    /// bytes: a page's links are found in order, so locating them all reads the page once.
    struct TextPosition {
        private(set) var line = 1
        private(set) var column = 1
        private var offset = 0

        mutating func advance(to target: Int, in bytes: [UInt8]) {
            while offset < target {
                if bytes[offset] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[offset] & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
        }
    }

    /// `value` with the entities Satchel's templates write in attributes decoded, in one pass (so `&amp;lt;`
    /// is the text `&lt;`, as a browser reads it).
    static func decodeEntities(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        var decoded = ""
        var rest = value[...]
        while let ampersand = rest.firstIndex(of: "&") {
            decoded += rest[..<ampersand]
            rest = rest[ampersand...]
            if let (entity, character) = entities.first(where: { rest.hasPrefix($0.entity) }) {
                decoded += character
                rest = rest.dropFirst(entity.count)
            } else {
                decoded += "&"
                rest = rest.dropFirst()
            }
        }
        return decoded + rest
    }

    private static let entities: [(entity: String, character: String)] = [
        ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"),
    ]
}
