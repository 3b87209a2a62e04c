import Testing
@testable import SatchelCore

/// `HTML`'s escaping scans bytes and copies the runs between escaped characters; it must equal escaping one
/// character at a time, for any text, appended to any output.
@Suite struct HTMLEscapingTests {
    static func reference(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Escaped characters next to multi-byte ones, at either end, in runs, and in a text long enough to be
    /// stored apart from the string (not inline).
    static let pieces = ["&", "<", ">", "\"", "'", "a", "Z", " ", "é", "€", "𝄞", "🇰🇪", "\u{301}", "\n", "&amp;"]

    @Test(arguments: [
        "", "plain", "&", "<b>", "Tom & Jerry's \"shop\"", "é&é", "𝄞<𝄞>", "&&&&", "'ends'", "a long plain text with no escaping",
    ])
    func escapesLikeOneCharacterAtATime(text: String) {
        #expect(HTML.escape(text) == Self.reference(text))
    }

    @Test func escapesRandomTextsLikeOneCharacterAtATime() {
        var generator = TextOrderTests.SplitMix(state: 6)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            var output = "prefix é "
            HTML.append(escaping: text, to: &output)
            #expect(output == "prefix é " + Self.reference(text), "text: \(text.debugDescription)")
            var bytes = Array("é".utf8)
            HTML.append(escaping: text, to: &bytes)
            #expect(bytes == Array(("é" + Self.reference(text)).utf8), "text: \(text.debugDescription)")
        }
    }

    /// Texts cut from markup at every character, so escaped characters fall at each end and next to multi-byte ones.
    @Test func escapesTextsCutFromMarkup() {
        let whole = "before <a href=\"x\">Müller & Söhne</a> after"
        for start in 0..<whole.count {
            let text = String(whole.dropFirst(start).prefix(12))
            #expect(HTML.escape(text) == Self.reference(text))
        }
    }
}
