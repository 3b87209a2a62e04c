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
        var words: [String] = []
        var compounds: [String] = []
        var word: [UInt8] = []
        /// The words of the compound being collected, while they are joined by single punctuation.
        var run: [UInt8] = []
        var runLength = 0
        /// Characters since the last word ended: 0 inside a word, 1 after one joining punctuation character.
        var gap = 0
        var gapIsJoiner = false

        func endWord() {
            guard !word.isEmpty else { return }
            words.append(String(decoding: word, as: UTF8.self))
            if gap == 1, gapIsJoiner, runLength > 0 {
                run += word
                runLength += 1
            } else {
                endRun()
                run = word
                runLength = 1
            }
            word.removeAll(keepingCapacity: true)
            gap = 0
        }
        func endRun() {
            if runLength > 1 { compounds.append(String(decoding: run, as: UTF8.self)) }
            run.removeAll(keepingCapacity: true)
            runLength = 0
        }
        func separate(isSpace: Bool) {
            endWord()
            gap += 1
            gapIsJoiner = gap == 1 && !isSpace
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                default: separate(isSpace: value == 0x20 || (0x09...0x0D).contains(value))
                }
                continue
            }
            let folded = fold(scalar)
            if folded.isEmpty {
                // A lone combining mark belongs to the word before it; anything else separates.
                if !isMark(scalar) { separate(isSpace: scalar.properties.isWhitespace) }
            } else {
                word += folded
            }
        }
        endWord()
        endRun()
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
