/// Comma-separated values as RFC 4180 writes them: records end with CRLF, and a field holding a comma,
/// a double quote, a carriage return or a line feed is enclosed in double quotes with its quotes doubled.
/// Text stays UTF-8 as it is; no byte order mark is added.
enum CSV {
    /// One record, ending with CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted only when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
