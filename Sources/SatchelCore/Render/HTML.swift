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
        // Byte offsets into a native string's UTF-8 map to indices in constant time, so the runs found in its
        // contiguous bytes are copied as slices of `text`. A string without such bytes is made native first.
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            forEachRun(in: bytes) { run in
                output.append(contentsOf: run.count == bytes.count ? text[...] : slice(of: text, run))
            } escaped: { byte in
                output.append(entity(for: byte))
            }
        }
        guard scanned == nil else { return }
        var native = text
        native.makeContiguousUTF8()
        append(escaping: native, to: &output)
    }

    /// Appends `text` escaped as by `append(escaping:to:)` to UTF-8 bytes (the pictures' markup).
    static func append(escaping text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            forEachRun(in: bytes) { run in
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
            } escaped: { byte in
                output.append(contentsOf: entity(for: byte).utf8)
            }
        }
    }

    /// Calls `run` for each non-empty stretch of `bytes` that needs no escaping and `escaped` for each byte
    /// that does, in order.
    @inline(__always)
    private static func forEachRun(
        in bytes: UnsafeBufferPointer<UInt8>, run: (Range<Int>) -> Void, escaped: (UInt8) -> Void
    ) {
        var runStart = 0
        for index in bytes.indices where needsEscaping(bytes[index]) {
            if index != runStart { run(runStart..<index) }
            escaped(bytes[index])
            runStart = index + 1
        }
        if runStart != bytes.count { run(runStart..<bytes.count) }
    }

    private static func slice(of text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[lower..<utf8.index(lower, offsetBy: range.count)]
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
