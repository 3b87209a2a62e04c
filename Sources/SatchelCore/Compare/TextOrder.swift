import Foundation

/// The order comparison tables and their facet filters sort text in: ignoring case and accents, with runs of
/// digits compared as numbers (`x9` before `x10`, `007` the same as `7`), as Foundation's
/// `compare(_:options: [.caseInsensitive, .diacriticInsensitive, .numeric])` orders it.
///
/// Text that is all ASCII, as nearly every table value is, is compared here by its bytes, which gives the same
/// answers (`TextOrderTests` checks it against Foundation); only other text goes through Foundation, whose
/// bridge to `NSString` cost a sorted facet column about a microsecond per comparison.
enum TextOrder {
    static func compare(_ left: String, _ right: String) -> ComparisonResult {
        var left = left, right = right
        let ascii = left.withUTF8 { leftBytes in right.withUTF8 { rightBytes in compareASCII(leftBytes, rightBytes) } }
        return ascii ?? left.compare(right, options: [.caseInsensitive, .diacriticInsensitive, .numeric])
    }

    /// The order of two ASCII texts; nil when either is not ASCII.
    private static func compareASCII(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> ComparisonResult? {
        guard !left.contains(where: { $0 >= 0x80 }), !right.contains(where: { $0 >= 0x80 }) else { return nil }
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                let leftRun = digitRun(in: left, from: i), rightRun = digitRun(in: right, from: j)
                // Without leading zeros, a longer run is a larger number; runs as long compare digit by digit.
                let leftDigits = left[leftRun], rightDigits = right[rightRun]
                if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count ? .orderedAscending : .orderedDescending }
                for (a, b) in zip(leftDigits, rightDigits) where a != b { return a < b ? .orderedAscending : .orderedDescending }
                i = leftRun.upperBound
                j = rightRun.upperBound
                continue
            }
            let a = lowercased(left[i]), b = lowercased(right[j])
            if a != b { return a < b ? .orderedAscending : .orderedDescending }
            i += 1
            j += 1
        }
        if i < left.count { return .orderedDescending }
        if j < right.count { return .orderedAscending }
        return .orderedSame
    }

    /// The digits of the run starting at `start`, leading zeros left out (a run of zeros keeps one).
    private static func digitRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        var first = start
        while first < end - 1, bytes[first] == UInt8(ascii: "0") { first += 1 }
        return first..<end
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Case is folded to lower case, so `_` (between the two cases) sorts before letters.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
    }
}
