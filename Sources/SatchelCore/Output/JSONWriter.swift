/// Writes JSON text straight into bytes, for the data files pages load with `<script src>`: the search index
/// and the side-by-side comparison data. A script file is the only way a page opened from `file://` can load
/// data (Chromium refuses `fetch`, XHR, modules and WASM there), and JSON is also JavaScript. Writing bytes
/// directly matters for size: a large kind's data is several megabytes, which `JSONEncoder` took longer to
/// write than the rest of the output together.
///
/// Strings escape `<`, `>` and `&` too (as `\u003c`, …, the same string to a JSON or JavaScript parser), so no
/// value, such as a title holding `</script>`, can ever appear in a file as markup; only JSON that no page
/// loads (`satchel graph`'s) turns that off, with `escapesMarkup`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether `<`, `>` and `&` are written as `\u` escapes: false for JSON that no page loads (`satchel graph`),
    /// which people read.
    var escapesMarkup = true

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// JSON punctuation, keys and JavaScript around the data, written as they are: `{"kind":`.
    mutating func raw(_ text: String) {
        bytes += text.utf8
    }

    mutating func reserve(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// JSON already written, such as a piece of another writer's bytes.
    mutating func raw(_ json: ArraySlice<UInt8>) {
        bytes += json
    }

    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits from the most significant, found with a power of ten, so nothing is reversed afterwards.
        let magnitude = value.magnitude
        var power: UInt = 1
        while magnitude / power >= 10 { power *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        } while power > 0
    }

    /// A JSON string literal. Besides what JSON requires, DEL, U+2028/U+2029 (which end a string literal in
    /// older JavaScript parsers) and, unless `escapesMarkup` is off, `<`, `>` and `&` are written as `\u`
    /// escapes, so `</script>` or `<!--` can never appear in a file a page loads.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { append(escaping: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One string literal of `parts` joined, written without joining them first (`"../materials/nylon.html"`).
    mutating func string(joining parts: String...) {
        bytes.append(UInt8(ascii: "\""))
        for var part in parts { part.withUTF8 { append(escaping: $0) } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `utf8` inside a string literal, copying the runs that need no escape whole.
    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let unit = utf8[index]
            guard Self.needsEscape(unit) else {
                index += 1
                continue
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
            index += 1
            switch unit {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                if escapesMarkup { bytes += Self.unicodeEscape(UInt16(unit)) } else { bytes.append(unit) }
            case 0..<0x20, 0x7F:
                bytes += Self.unicodeEscape(UInt16(unit))
            case 0xE2 where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                bytes += Self.unicodeEscape(utf8[index + 1] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: bytes.append(unit)
            }
            runStart = index
        }
        bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
    }

    /// A string, or `null` for nil.
    mutating func optional(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// `[a,b,…]`, writing each element with `element`.
    mutating func array<Element>(_ elements: some Sequence<Element>, _ element: (inout JSONWriter, Element) -> Void) {
        raw("[")
        for (index, item) in elements.enumerated() {
            if index > 0 { raw(",") }
            element(&self, item)
        }
        raw("]")
    }

    /// Whether a byte may need an escape: quote, backslash, `<`, `>`, `&`, controls, DEL, or the lead byte of
    /// U+2028/U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F, 0xE2: true
        default: false
        }
    }

    private static func unicodeEscape(_ unit: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return Array(#"\u"#.utf8) + [12, 8, 4, 0].map { digits[Int(unit >> $0) & 0xF] }
    }
}
