import Foundation

/// How a comparison cell sorts. Typed fields sort by meaning rather than by their text: an enum by its
/// declared rank, a range by its lower then upper bound, a date by its day. A column's cells all share
/// one case, chosen by the field's type. The browser sorts by the same keys (`attribute`).
public enum CompareSortKey: Sendable, Hashable {
    /// Compared element by element, so `[6, 16]` (a range) sorts before `[6, 20]` and `[8, 10]`.
    case numbers([Double])
    /// Compared ignoring case and accents, with digit runs compared as numbers.
    case text(String)

    /// Whether a field type sorts numerically; decides the column's `data-sort-type`.
    public static func isNumeric(_ type: FieldType) -> Bool {
        switch type.elementType {
        case .integer, .number, .range, .enumeration, .bool, .date: true
        case .string, .text, .url, .ref, .list: false
        }
    }

    /// The key of a value of `type`; `text` is the cell's shown text, used by the text-sorted types.
    public init(value: FieldValue, type: FieldType, text: String) {
        if Self.isNumeric(type) {
            self = .numbers(Self.numbers(of: value).sorted())
        } else {
            self = .text(text)
        }
    }

    /// The `data-sort` attribute value the browser parses: numbers separated by spaces. Nil for text keys,
    /// which are the cell's text, so the browser reads them from the cell instead of a second copy.
    public var attribute: String? {
        switch self {
        case .numbers(let values): values.map(FieldValue.format).joined(separator: " ")
        case .text: nil
        }
    }

    /// Whether the row with key `left` goes before the row with key `right`. Missing values go last in
    /// both directions, so a descending sort still starts with real values.
    public static func precedes(_ left: CompareSortKey?, _ right: CompareSortKey?, ascending: Bool) -> Bool {
        switch (left, right) {
        case (nil, _): return false
        case (_, nil): return true
        case (let left?, let right?):
            let order = left.compare(right)
            return ascending ? order == .orderedAscending : order == .orderedDescending
        }
    }

    private func compare(_ other: CompareSortKey) -> ComparisonResult {
        switch (self, other) {
        case (.numbers(let left), .numbers(let right)):
            for (a, b) in zip(left, right) where a != b { return a < b ? .orderedAscending : .orderedDescending }
            return left.count == right.count ? .orderedSame : (left.count < right.count ? .orderedAscending : .orderedDescending)
        case (.text(let left), .text(let right)):
            return TextOrder.compare(left, right)
        case (.numbers, .text): return .orderedAscending
        case (.text, .numbers): return .orderedDescending
        }
    }

    /// The numbers a value sorts by; a list contributes each item's numbers, smallest first.
    private static func numbers(of value: FieldValue) -> [Double] {
        switch value {
        case .integer(let number): [Double(number)]
        case .number(let number): [number]
        case .range(let lower, let upper): [lower, upper]
        case .enumeration(_, let rank): [Double(rank)]
        case .bool(let flag): [flag ? 1 : 0]
        case .date(let day): [Double(day.replacingOccurrences(of: "-", with: "")) ?? 0]
        case .list(let items): items.flatMap(numbers(of:))
        case .string, .text, .url, .ref: []
        }
    }
}
