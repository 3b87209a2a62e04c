/// Comma-separated values as RFC 4180 writes them: records end with CRLF, and a field holding a comma,
/// a double quote, a carriage return or a line feed is enclosed in double quotes with its quotes doubled.
/// Text stays UTF-8 as it is; no byte order mark is added.
enum CSV {
    /// One record, ending with CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted only when it must be. Looked at byte by byte rather than by `Character` and
    /// Foundation: a comparison table's CSV has a field per cell, and a quote or comma that a combining mark
    /// follows is still one to quote and double.
    static func field(_ text: String) -> String {
        let mustQuote = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        guard mustQuote else { return text }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
