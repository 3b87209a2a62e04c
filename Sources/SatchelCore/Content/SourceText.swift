import Foundation

/// Reads a text file the way every stage expects it: strict UTF-8, byte order mark removed, `\r\n` and `\r`
/// line ends turned into `\n`, so that line numbers are the ones an editor shows.
enum SourceText {
    static func read(_ url: URL, displayPath: String) throws(Diagnostic) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error(at: SourceLocation(file: displayPath), "cannot read file: \(error.localizedDescription)")
        }
        return try decode(data, displayPath: displayPath)
    }

    static func decode(_ data: Data, displayPath: String) throws(Diagnostic) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let prefix = bytes.prefix(upTo: bytes.startIndex + offset)
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lastNewline = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = String(decoding: bytes[lastNewline..<(bytes.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
            throw .error(at: SourceLocation(file: displayPath, line: line, column: column), "invalid UTF-8: files must be UTF-8 encoded")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil when all of it is valid.
    private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var decoder = UTF8()
        var consumed = 0
        var base = bytes.makeIterator()
        var iterator = AnyIterator<UInt8> {
            let byte = base.next()
            if byte != nil { consumed += 1 }
            return byte
        }
        while true {
            let scalarStart = consumed
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return nil
            case .error: return scalarStart
            }
        }
    }
}
