/// Fits labels into the space a picture gives them. Pictures are drawn without measuring fonts, so a label's
/// width is estimated generously from its characters (wide scripts count double, capitals a little more) and
/// a label that may not fit is cut at a word or character with an ellipsis; the full text goes in a `<title>`.
enum PictureLabel {
    /// `text`, or its longest start that fits `width` at `fontSize` followed by `…`.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        let budget = width / fontSize
        if let fitted = fitASCII(text, budget: budget) { return fitted }
        guard estimatedEms(text) > budget else { return text }
        var kept = ""
        var used = estimatedEms("…")
        for character in text {
            let ems = estimatedEms(character)
            if used + ems > budget { break }
            used += ems
            kept.append(character)
        }
        while kept.last?.isWhitespace == true || kept.last?.isPunctuation == true { kept.removeLast() }
        return kept + "…"
    }

    /// The estimated width of `text` in ems, on the wide side for the sans-serif fonts browsers fall back to.
    static func estimatedEms(_ text: String) -> Double {
        if let ems = estimatedASCIIEms(text) { return ems }
        return text.reduce(0) { $0 + estimatedEms($1) }
    }

    private static func estimatedEms(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return estimatedEms(scalar)
    }

    private static func estimatedEms(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x1100...: return 1.05  // CJK, Hangul, emoji and other wide characters
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x21, 0x69, 0x6A, 0x6C, 0x7C: return 0.32
        case 0x41...0x5A, 0x6D, 0x77: return 0.78
        default: return 0.62
        }
    }

    // MARK: ASCII

    // Labels are mostly ASCII titles, and walking them by `Character` (grapheme breaking, Unicode properties)
    // was most of a relation map's cost. For ASCII text every byte is one character, except CR LF, which
    // is one character starting with CR; the tables below are built from the character rules above, so
    // both paths give the same numbers, summed in the same order.

    /// The width of each ASCII character, by byte.
    private static let asciiEms: [Double] = (0..<128).map { estimatedEms(Unicode.Scalar(UInt8($0))) }
    /// Whether an ASCII character is trimmed before the ellipsis (whitespace or punctuation), by byte.
    private static let asciiTrimmed: [Bool] = (0..<128).map {
        let character = Character(Unicode.Scalar(UInt8($0)))
        return character.isWhitespace || character.isPunctuation
    }
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// `estimatedEms(text)` for ASCII text; nil for other text.
    private static func estimatedASCIIEms(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            var ems = 0.0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                ems += asciiEms[Int(byte)]
                index += byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed ? 2 : 1
            }
            return ems
        }
    }

    /// `fit` for ASCII text (with the budget in ems); nil for other text.
    private static func fitASCII(_ text: String, budget: Double) -> String? {
        guard let total = estimatedASCIIEms(text) else { return nil }
        guard total > budget else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var used = estimatedEms("…")
            var kept = 0
            while kept < bytes.count {
                let byte = bytes[kept]
                let ems = asciiEms[Int(byte)]
                if used + ems > budget { break }
                used += ems
                kept += byte == carriageReturn && kept + 1 < bytes.count && bytes[kept + 1] == lineFeed ? 2 : 1
            }
            // CR LF is one character, trimmed whole as whitespace.
            while kept > 0, asciiTrimmed[Int(bytes[kept - 1])] {
                kept -= 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<kept]), as: UTF8.self) + "…"
        }
    }
}
