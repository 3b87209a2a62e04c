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
        var pages: [String: String] = [:]
        var files: Set<String> = []
        let enumerator = fileManager.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files.insert(path)
            if path.hasSuffix(".html") {
                pages[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            }
        }
        var idsByPage: [String: Set<String>] = [:]
        func ids(of page: String) -> Set<String> {
            if let cached = idsByPage[page] { return cached }
            let found = Set(Self.attributeValues(named: "id", in: pages[page] ?? "").map(\.value))
            idsByPage[page] = found
            return found
        }
        var report = Report(filesChecked: pages.count, linksChecked: 0, externalLinks: [], problems: [])
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            let lines = Self.lineStarts(html)
            for attribute in ["href", "src"] {
                for (value, offset) in Self.attributeValues(named: attribute, in: html) {
                    report.linksChecked += 1
                    let line = (lines.lastIndex { $0 <= offset } ?? 0)
                    let location = SourceLocation(file: "\(displayPath)/\(page)", line: line + 1, column: offset - lines[line] + 1)
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
                        guard let resolved = Self.resolve(pathPart, from: page) else {
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

    /// Resolves a relative path against the folder of `page`; nil if it climbs out of the site.
    static func resolve(_ path: String, from page: String) -> String? {
        var components = page.split(separator: "/").dropLast().map(String.init)
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

    /// Values of `name="…"` attributes with the offset of the value, for double- and single-quoted values.
    static func attributeValues(named name: String, in html: String) -> [(value: String, offset: Int)] {
        let bytes = Array(html.utf8)
        let needle = Array(" \(name)=".utf8)
        var results: [(String, Int)] = []
        var index = 0
        while index + needle.count < bytes.count {
            if bytes[index] == needle[0] || bytes[index] == 0x0A || bytes[index] == 0x09,
               Array(bytes[(index + 1)..<(index + needle.count)]) == Array(needle.dropFirst()) {
                let quoteIndex = index + needle.count
                let quote = bytes[quoteIndex]
                if quote == 0x22 || quote == 0x27, let end = bytes[(quoteIndex + 1)...].firstIndex(of: quote) {
                    let value = String(decoding: bytes[(quoteIndex + 1)..<end], as: UTF8.self)
                    results.append((value, String(decoding: bytes[..<(quoteIndex + 1)], as: UTF8.self).count))
                    index = end
                }
            }
            index += 1
        }
        return results
    }

    static func lineStarts(_ text: String) -> [Int] {
        var starts = [0]
        for (offset, character) in text.enumerated() where character == "\n" { starts.append(offset + 1) }
        return starts
    }

    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
