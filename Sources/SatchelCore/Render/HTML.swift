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
        // Native strings are scanned as one contiguous buffer; byte offsets into a native string's UTF-8
        // map to indices in constant time, so the runs are still copied as slices of `text`.
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for offset in bytes.indices where needsEscaping(bytes[offset]) {
                if offset != runStart { output.append(contentsOf: slice(of: text, from: runStart, to: offset)) }
                output.append(entity(for: bytes[offset]))
                runStart = offset + 1
            }
            if runStart == 0 {
                output.append(text)
            } else if runStart != bytes.count {
                output.append(contentsOf: slice(of: text, from: runStart, to: bytes.count))
            }
        }
        if appended == nil { appendIndexing(escaping: text, to: &output) }
    }

    private static func slice(of text: String, from start: Int, to end: Int) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return text[lower..<utf8.index(lower, offsetBy: end - start)]
    }

    /// The escaping of `append(escaping:to:)` for strings without contiguous UTF-8 (bridged ones).
    private static func appendIndexing(escaping text: String, to output: inout String) {
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
