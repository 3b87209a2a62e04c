/// Fits labels into the space a picture gives them. Pictures are drawn without measuring fonts, so a label's
/// width is estimated generously from its characters (wide scripts count double, capitals a little more) and
/// a label that may not fit is cut at a word or character with an ellipsis; the full text goes in a `<title>`.
enum PictureLabel {
    /// `text`, or its longest start that fits `width` at `fontSize` followed by `…`.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        let budget = width / fontSize
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
        text.reduce(0) { $0 + estimatedEms($1) }
    }

    private static func estimatedEms(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...: return 1.05  // CJK, Hangul, emoji and other wide characters
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x21, 0x69, 0x6A, 0x6C, 0x7C: return 0.32
        case 0x41...0x5A, 0x6D, 0x77: return 0.78
        default: return 0.62
        }
    }
}
