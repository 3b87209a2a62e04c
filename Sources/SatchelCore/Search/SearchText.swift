import Foundation

/// How text becomes search terms, at build time here and at query time in `assets/search.js`, which must
/// agree: Unicode canonical decomposition, combining marks dropped (`são` → `sao`), lower case, final sigma
/// as sigma, then words are the runs of letters and digits, so any other character splits
/// (`anti-theft` → `anti`, `theft`).
///
/// Words joined by a single punctuation character also yield their concatenation, a *compound*
/// (`T/T` → `t`, `t` and `tt`; `anti-theft` → `antitheft`), so an abbreviation written with punctuation
/// can be told apart from its letters scattered across a page.
public enum SearchText {
    /// The words of `text`, normalised, in order, followed by its compounds.
    public static func tokens(in text: String) -> [String] {
        let (words, compounds) = split(text)
        return words + compounds
    }

    /// The normalised words of `text` in order, and its compounds in order.
    public static func split(_ text: String) -> (words: [String], compounds: [String]) {
        var tokenizer = SearchTokenizer()
        tokenizer.tokenize(text)
        let words = tokenizer.wordEnds.indices.map(tokenizer.token)
        let compounds = (tokenizer.wordEnds.count..<tokenizer.tokenCount).map(tokenizer.token)
        return (words, compounds)
    }

    /// The lower-case letters and digits a non-ASCII scalar stands for, as UTF-8, without its marks;
    /// empty if it is neither a letter nor a digit.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where isLetterOrDigit(part) {
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                // Final sigma is a spelling of sigma; JavaScript's toLowerCase picks it by position.
                let normalised = lower == "\u{03C2}" ? "\u{03C3}" : lower
                bytes += Array(String(normalised).utf8)
            }
        }
        return bytes
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
