import Foundation

/// Looks through every file of a built site for the payloads of `Fixtures/bad/_hostile` that escaped their
/// context. Each payload calls `alert('XSS-…')`; escaped for HTML (`&lt;`, `&quot;`) or for a JSON string in
/// a script (`\u003c`, `\"`) none of the fragments below survives, so finding one means a string reached the
/// file as it was written. CSV is data, not markup: there a payload may stand as it is, but must stay inside
/// its field, so every record must have as many fields as the header.
struct HostileScan {
    static let rawFragments = [
        "<script>alert(", "</script><script>", "<img src=x onerror=", "<b onclick=", "\" onmouseover=\"", "\"><script>",
        "<iframe",
    ]
    /// An attribute of a tag that runs script when followed or loaded, whatever the quoting and case.
    static var scriptAttribute: Regex<(Substring, Substring, Substring)> {
        #/(?i)<[a-z][^<>]*\s(href|src|action|formaction|data)\s*=\s*["']?\s*(javascript|vbscript|data:text)/#
    }

    /// One line per problem: the file and what was found in it.
    static func problems(in files: [String: Data]) -> [String] {
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".csv") {
                let widths = Set(records(ofCSV: text).map(\.count))
                if widths.count > 1 { problems.append("\(path): records of different widths \(widths.sorted())") }
                continue
            }
            for fragment in rawFragments where text.contains(fragment) {
                problems.append("\(path): raw \(fragment)")
            }
            if let match = text.firstMatch(of: scriptAttribute) {
                problems.append("\(path): script URL in \(match.output.1) of \(match.output.0.prefix(40))")
            }
        }
        return problems
    }

    /// RFC 4180 records: fields separated by commas, records by CRLF or LF, quoted fields with `""` for `"`.
    static func records(ofCSV text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = scalars.next() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
