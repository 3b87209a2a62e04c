/// A stable 64-bit FNV-1a hash of bytes, for the build cache. Swift's `Hasher` is seeded per process, so
/// it cannot compare builds made by different runs.
struct ContentHash: Hashable, Codable, Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ text: String) {
        combine(text)
    }

    mutating func combine(_ text: String) {
        var hash = value
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // A separator, so that combining "ab","c" differs from "a","bc".
        value = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
}
