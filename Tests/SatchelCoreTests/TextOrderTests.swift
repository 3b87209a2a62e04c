import Foundation
import Testing
@testable import SatchelCore

/// The order of comparison tables and facet filters, which must be Foundation's whichever way it is worked out.
@Suite struct TextOrderTests {
    /// A fixed sequence of pseudo-random numbers, so a failure names the same strings on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func foundationOrder(_ left: String, _ right: String) -> ComparisonResult {
        left.compare(right, options: [.caseInsensitive, .diacriticInsensitive, .numeric])
    }

    @Test(arguments: [
        ("x9", "x10", ComparisonResult.orderedAscending), ("007", "7", .orderedSame), ("a01", "a1", .orderedSame),
        ("1.5", "1.10", .orderedAscending), ("Nylon", "nylon", .orderedSame), ("_", "a", .orderedAscending),
        ("Z", "_", .orderedDescending), ("600D", "1680D", .orderedAscending), ("", "a", .orderedAscending),
        ("Müller", "muller", .orderedSame), ("São Paulo", "Sao Paulo 2", .orderedAscending),
    ])
    func ordersLikeFoundation(left: String, right: String, order: ComparisonResult) {
        #expect(Self.foundationOrder(left, right) == order)
        #expect(TextOrder.compare(left, right) == order)
    }

    @Test func agreesWithFoundationOnRandomASCIIText() {
        // Every ASCII character but NUL, with digits, zeros and letters of both cases more often.
        let alphabet: [Character] = (1..<128).map { Character(Unicode.Scalar(UInt8($0))) } + Array("0000123456789aAzZ .-")
        var random = SplitMix(state: 2026)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let left = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let right = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            if TextOrder.compare(left, right) != Self.foundationOrder(left, right) { disagreements.append("\(left.debugDescription) \(right.debugDescription)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
