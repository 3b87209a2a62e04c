import Foundation

/// Numbers distinct terms, given as UTF-8 bytes, in the order they are first seen: an open-addressing
/// hash table over one byte buffer, so that looking a term up hashes a few bytes instead of making and
/// hashing a `String` (what the search index did for every word of every page).
struct TermTable {
    /// The bytes of every term, one after another.
    private var bytes: [UInt8] = []
    /// Where each term ends in `bytes`; term `n` starts where term `n - 1` ends.
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Term number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    var count: Int { ends.count }

    /// The number of the term `token`, numbering it if it is new.
    mutating func number(of token: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(token)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let term = Int(slots[slot]) - 1
            if hashes[term] == hash, equals(term, token) { return term }
            slot = (slot + 1) & mask
        }
        let term = ends.count
        bytes.append(contentsOf: token)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(term + 1)
        // At most half full, so probes stay short.
        if ends.count * 2 > slots.count { grow() }
        return term
    }

    mutating func number(of token: ArraySlice<UInt8>) -> Int {
        token.withUnsafeBufferPointer { number(of: $0) }
    }

    /// The text of term `number`.
    func term(_ number: Int) -> String {
        String(decoding: bytes[range(of: number)], as: UTF8.self)
    }

    /// Calls `body` with the bytes of term `number`.
    func withBytes<Result>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range(of: number)])) }
    }

    private func range(of term: Int) -> Range<Int> {
        (term == 0 ? 0 : ends[term - 1])..<ends[term]
    }

    private func equals(_ term: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: term)
        guard range.count == token.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            token.isEmpty || memcmp(buffer.baseAddress! + range.lowerBound, token.baseAddress!, token.count) == 0
        }
    }

    private mutating func grow() {
        var grown = [Int32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (term, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(term + 1)
        }
        slots = grown
    }

    /// FNV-1a with a final mix, so the low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 32
        hash &*= 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }
}
