import Foundation

/// A stable 64-bit hash of bytes, for the build cache. Swift's `Hasher` is seeded per process, so it
/// cannot compare builds made by different runs.
///
/// It takes eight bytes per step (a multiply and a fold of the high half into the low), in four lanes that
/// do not wait for each other, because a build hashes every output file: byte-at-a-time FNV-1a over the
/// 170 MB of a 10,000-page site cost more than writing it, and one lane left the processor waiting on each
/// multiply. It detects changes; it is not meant to resist deliberate collisions.
struct ContentHash: Hashable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ text: String) {
        combine(text)
    }

    init(value: UInt64) {
        self.value = value
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Combines a number as its eight bytes, without making its text.
    mutating func combine(_ number: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { combine($0) }
    }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0) }
    }

    private mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var hash = value ^ UInt64(bytes.count)
        var offset = 0
        if bytes.count >= 32 {
            var lanes = (hash, hash ^ 0x243F_6A88_85A3_08D3, hash ^ 0x1319_8A2E_0370_7344, hash ^ 0xA409_3822_299F_31D0)
            while offset + 32 <= bytes.count {
                lanes.0 = Self.mix(lanes.0 ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                lanes.1 = Self.mix(lanes.1 ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                lanes.2 = Self.mix(lanes.2 ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                lanes.3 = Self.mix(lanes.3 ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            hash = Self.mix(Self.mix(Self.mix(lanes.0 ^ lanes.1.rotated(17)) ^ lanes.2.rotated(31)) ^ lanes.3.rotated(47))
        }
        while offset + 8 <= bytes.count {
            hash = Self.mix(hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        // Mixing in the length (above) and a final step keeps "ab","c" apart from "a","bc".
        value = Self.mix(Self.mix(hash ^ tail) ^ 0xFF)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }
}

extension UInt64 {
    fileprivate func rotated(_ bits: UInt64) -> UInt64 {
        self << bits | self >> (64 - bits)
    }
}
