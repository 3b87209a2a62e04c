/// Escaping for text placed into HTML, for both element content and quoted attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        append(escaping: text, to: &result)
        return result
    }

    /// Appends `text` to `output` with `& < > " '` escaped as `&amp; &lt; &gt; &quot; &#39;`, without building
    /// the escaped text on its own: pictures write many short strings into one page. Runs between escaped
    /// characters are copied as slices, cut at those ASCII characters and so at scalar boundaries.
    static func append(escaping text: String, to output: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard needsEscaping(byte) else {
                utf8.formIndex(after: &index)
                continue
            }
            if index != runStart { output.append(contentsOf: text[runStart..<index]) }
            output.append(entity(for: byte))
            utf8.formIndex(after: &index)
            runStart = index
        }
        if runStart == utf8.startIndex {
            output.append(text)
        } else if runStart != utf8.endIndex {
            output.append(contentsOf: text[runStart...])
        }
    }

    /// Appends `text` escaped as by `append(escaping:to:)` to UTF-8 bytes (the pictures' markup).
    static func append(escaping text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices where needsEscaping(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: entity(for: bytes[index]).utf8)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// The character reference written for a byte that `needsEscaping`.
    private static func entity(for byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }

    /// Bit `b` is set for each byte `b` (all below 64) that needs escaping.
    private static let escapeMask: UInt64 = (1 << 0x26) | (1 << 0x3C) | (1 << 0x3E) | (1 << 0x22) | (1 << 0x27)

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapeMask & (1 << UInt64(byte)) != 0
    }
}
