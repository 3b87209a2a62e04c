import Foundation

/// Finding markup in rendered HTML by its UTF-8 bytes. Foundation's `contains` and `range(of:)` bridge to
/// `NSString` and compare with Unicode equivalence, which cost a few percent of a build's CPU on every page;
/// markup written by cmark and by Satchel is matched exactly, byte for byte.
extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in this string's. The empty needle occurs everywhere.
    func containsUTF8(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needleBytes in
            if let found = utf8.withContiguousStorageIfAvailable({ UTF8Search.firstOffset(of: needleBytes, in: $0) }) {
                return found != nil
            }
            // Bridged and non-contiguous strings: copy the bytes once.
            return Array(utf8).withUnsafeBufferPointer { UTF8Search.firstOffset(of: needleBytes, in: $0) } != nil
        }
    }
}

enum UTF8Search {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil; 0 for an empty needle.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let needleBase = needle.baseAddress, !needle.isEmpty else { return 0 }
        guard let haystackBase = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        let first = Int32(needle[0])
        let lastStart = haystack.count - needle.count
        var offset = 0
        while offset <= lastStart {
            // memchr finds the candidate first bytes; memcmp checks the rest.
            guard let hit = memchr(haystackBase + offset, first, lastStart - offset + 1) else { return nil }
            let candidate = haystackBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(haystackBase + candidate, needleBase, needle.count) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }
}
