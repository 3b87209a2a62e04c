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
