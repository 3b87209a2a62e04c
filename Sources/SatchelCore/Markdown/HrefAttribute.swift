/// What cmark-gfm's HTML renderer writes between the quotes of a link's `href` or an image's `src`, so that
/// `MarkdownDocument` can write a changed destination into HTML cmark has already rendered and get the
/// bytes cmark would have written (`MarkdownTests` checks this against cmark for every byte value).
enum HrefAttribute {
    /// The attribute for `url`: empty for a dangerous URL unless the render is unsafe (raw HTML allowed), as
    /// cmark's safe mode does; otherwise the URL with cmark's `houdini_escape_href` escaping.
    static func value(for url: String, unsafe: Bool) -> String {
        if !unsafe, isDangerous(url) { return "" }
        var escaped = ""
        escaped.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isSafe(byte) {
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "&") {
                escaped += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                escaped += "&#x27;"
            } else {
                escaped += "%"
                escaped.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte >> 4)]))
                escaped.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte & 0xF)]))
            }
        }
        return escaped
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// cmark's `HREF_SAFE`: letters, digits and `-_.+!*(),%#@?=;:/$~`, written as they are.
    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
             UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// cmark's `scan_dangerous_url`: begins, in any case, with `javascript:`, `vbscript:`, `file:` or `data:`,
    /// except `data:image/` followed by `png`, `gif`, `jpeg` or `webp`.
    private static func isDangerous(_ url: String) -> Bool {
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
