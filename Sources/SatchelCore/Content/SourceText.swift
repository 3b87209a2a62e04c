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

    /// Reads the file `name` of `folder`. A page costs little to read, so a `URL` made per file was a
    /// noticeable part of loading 10,000; the path is joined as text and only a failed read goes through a
    /// `URL`, for the reason it gives.
    static func read(_ name: String, in folder: URL, folderPath: String, displayPath: String) throws(Diagnostic) -> String {
        guard let data = FileManager.default.contents(atPath: folderPath + "/" + name) else {
            return try read(folder.appendingPathComponent(name), displayPath: displayPath)
        }
        return try decode(data, displayPath: displayPath)
    }

    static func decode(_ data: Data, displayPath: String) throws(Diagnostic) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Validating gives the string itself, so valid text (nearly all of it) is not decoded twice.
        var text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else if let offset = firstInvalidUTF8Offset(bytes) {
            let prefix = bytes.prefix(upTo: bytes.startIndex + offset)
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lastNewline = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = String(decoding: bytes[lastNewline..<(bytes.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
            throw .error(at: SourceLocation(file: displayPath, line: line, column: column), "invalid UTF-8: files must be UTF-8 encoded")
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        // A byte search (memchr), not `utf8.contains`, which steps through 20 MB a byte at a time at 10,000 pages.
        if text.containsUTF8("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil when the decoder finds none.
    private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int? {
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
