/// Makes GitHub-style heading ids, unique within one page: lowercase, spaces to `-`, punctuation other
/// than `-` and `_` dropped, and `-1`, `-2`, … appended to repeats.
public struct HeadingAnchors: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func makeID(for title: String) -> String {
        let base = Self.slug(title)
        var candidate = base.isEmpty ? "section" : base
        if let count = used[candidate] {
            var next = count
            repeat {
                next += 1
                candidate = "\(base.isEmpty ? "section" : base)-\(next)"
            } while used[candidate] != nil
            used[base.isEmpty ? "section" : base] = next
        }
        used[candidate] = used[candidate] ?? 0
        return candidate
    }

    /// The anchor for a heading text, before de-duplication.
    public static func slug(_ title: String) -> String {
        // ASCII titles, nearly all, by their bytes: the same letters, digits and marks as the scalar properties give.
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(title.utf8.count)
            for byte in title.utf8 {
                switch byte {
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return scalarSlug(title)
    }

    /// `slug(_:)` by Unicode scalar properties, for any text.
    static func scalarSlug(_ title: String) -> String {
        var result = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
