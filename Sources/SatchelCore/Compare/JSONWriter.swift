/// Writes JSON text straight into bytes, for the side-by-side data files: several megabytes for a large
/// kind, which `JSONEncoder` took longer to write than the rest of the comparison output together.
/// Strings escape `<`, `>` and `&` too (as `\u003c`, …, the same string to a JSON or JavaScript parser),
/// so no value, such as a title holding `</script>`, can ever appear in the file as markup.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    /// JSON punctuation and keys, written as they are: `{"kind":`.
    mutating func raw(_ text: String) {
        bytes += text.utf8
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
