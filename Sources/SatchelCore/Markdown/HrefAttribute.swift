/// What cmark-gfm's HTML renderer writes between the quotes of a link's `href` or an image's `src`, so that
/// `MarkdownDocument` can write a changed destination into HTML cmark has already rendered and get the
/// bytes cmark would have written (`MarkdownTests` checks this against cmark for every byte value).
enum HrefAttribute {
    /// The attribute for `url`: empty for a dangerous URL unless the render is unsafe (raw HTML allowed), as
    /// cmark's safe mode does; otherwise the URL with cmark's `houdini_escape_href` escaping.
    static func value(for url: String, unsafe: Bool) -> String {
        if !unsafe, isDangerous(url) { return "" }
        // Most destinations (relative paths, plain URLs) need no escaping and are returned as they are.
        guard url.utf8.contains(where: { !isSafe($0) }) else { return url }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if isSafe(byte) {
                escaped.append(byte)
            } else if byte == UInt8(ascii: "&") {
                escaped.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                escaped.append(contentsOf: "&#x27;".utf8)
            } else {
                escaped.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// cmark's `HREF_SAFE`: letters, digits and `-_.+!*(),%#@?=;:/$~`, written as they are.
    @inline(__always)
    private static func isSafe(_ byte: UInt8) -> Bool {
        byte < 64 ? safeBelow64 & (1 << UInt64(byte)) != 0 : byte < 128 && safeFrom64 & (1 << UInt64(byte - 64)) != 0
    }

    private static let safeBelow64 = mask(of: "0123456789-.+!*(),%#?=;:/$")
    private static let safeFrom64 = mask(of: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_@~", offset: 64)

    private static func mask(of characters: String, offset: UInt8 = 0) -> UInt64 {
        characters.utf8.reduce(0) { $0 | 1 << UInt64($1 - offset) }
    }

    /// cmark's `scan_dangerous_url`: begins, in any case, with `javascript:`, `vbscript:`, `file:` or `data:`,
    /// except `data:image/` followed by `png`, `gif`, `jpeg` or `webp`.
    private static func isDangerous(_ url: String) -> Bool {
        // Most destinations begin with none of the schemes' first letters.
        guard let first = url.utf8.first, "djvf".utf8.contains(first | 0x20) else { return false }
        func hasPrefix(_ prefix: String) -> Bool {
            var bytes = url.utf8.makeIterator()
            for expected in prefix.utf8 {
                // The prefixes are lowercase: a letter matches either case, anything else only itself.
                guard let byte = bytes.next(), byte == expected || (expected.isLowercaseLetter && byte | 0x20 == expected) else { return false }
            }
            return true
        }
        if hasPrefix("data:") {
            return !["png", "gif", "jpeg", "webp"].contains { hasPrefix("data:image/" + $0) }
        }
        return hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:")
    }
}

extension UInt8 {
    fileprivate var isLowercaseLetter: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
}
