/// `SearchText`'s tokenising done over a text's UTF-8 bytes, leaving the terms as byte ranges of one
/// reused buffer rather than a `String` each: the index tokenises every page's whole text, and making,
/// hashing and freeing a `String` per word cost more than the rest of building the index.
///
/// After `tokenize(_:)`, the words are stored one after another in its buffer, and a compound, being the
/// concatenation of consecutive words, is the byte range from its first word's start to its last word's end.
/// Copies of a tokenizer share that buffer: each tokenizer is used by one index builder or query at a time.
struct SearchTokenizer {
    /// The normalised words of the last text, one after another, in its first `length` bytes. Bytes are
    /// stored through its pointer: appending them to an array one at a time checked the array's
    /// uniqueness and capacity for every byte of every page.
    private var buffer = ByteBuffer()
    private var length = 0
    /// Where each word ends in the buffer; a word starts where the one before it ends.
    private(set) var wordEnds: [Int] = []
    /// Each compound as the range of its words, in order.
    private(set) var compoundWords: [Range<Int>] = []

    /// How the non-ASCII scalars met so far read, since working it out goes through Foundation.
    private var scalarClasses: [UInt32: ScalarClass] = [:]

    /// What a non-ASCII scalar is to the tokeniser.
    private enum ScalarClass {
        /// Part of a word, as these lower-case bytes without marks.
        case letters([UInt8])
        /// A combining mark, which belongs to the word before it.
        case mark
        /// Ends a word; white space does not join a compound.
        case separator(isSpace: Bool)
    }

    /// State while scanning: the current word starts at `wordStart` in the buffer.
    private var wordStart = 0
    /// The first word of the compound being collected and how many words it has.
    private var runStart = 0
    private var runLength = 0
    /// Characters since the last word ended: 0 inside a word, 1 after one joining punctuation character.
    private var gap = 0
    private var gapIsJoiner = false

    /// The number of terms of the last text: its words, then its compounds.
    var tokenCount: Int { wordEnds.count + compoundWords.count }

    /// The bytes of term `index` (words first, then compounds) in the buffer.
    func tokenRange(_ index: Int) -> Range<Int> {
        if index < wordEnds.count { return wordRange(index) }
        let words = compoundWords[index - wordEnds.count]
        return wordRange(words.lowerBound).lowerBound..<wordEnds[words.upperBound - 1]
    }

    func wordRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : wordEnds[index - 1])..<wordEnds[index]
    }

    /// Calls `body` with the bytes of term `index` (words first, then compounds).
    func withToken<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = tokenRange(index)
        return body(UnsafeBufferPointer(start: buffer.base + range.lowerBound, count: range.count))
    }

    /// The text of term `index`.
    func token(_ index: Int) -> String {
        withToken(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Splits `text` into words and compounds, replacing those of the previous text.
    mutating func tokenize(_ text: String) {
        length = 0
        wordEnds.removeAll(keepingCapacity: true)
        compoundWords.removeAll(keepingCapacity: true)
        wordStart = 0
        runStart = 0
        runLength = 0
        gap = 0
        gapIsJoiner = false
        var text = text
        text.withUTF8 { scan($0) }
        endWord()
        endRun()
    }

    private mutating func scan(_ utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = utf8.count
        // An ASCII byte stores at most one byte: room for all of them is made once, and again only where a
        // folded scalar stores more bytes than it read.
        buffer.reserve(count, keeping: 0)
        var output = buffer.base
        while index < count {
            let byte = utf8[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x61...0x7A, 0x30...0x39:
                    output[length] = byte
                    length += 1
                case 0x41...0x5A:
                    output[length] = byte + 0x20
                    length += 1
                default: separate(isSpace: byte == 0x20 || (0x09...0x0D).contains(byte))
                }
                continue
            }
            // A Swift string is valid UTF-8: the lead byte says how many continuation bytes follow.
            let value: UInt32
            if byte < 0xE0 {
                value = UInt32(byte & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                index += 2
            } else if byte < 0xF0 {
                value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                index += 3
            } else {
                value = UInt32(byte & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                    | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                index += 4
            }
            switch scalarClass(value) {
            case .letters(let folded):
                buffer.reserve(length + folded.count + (count - index), keeping: length)
                output = buffer.base
                for byte in folded {
                    output[length] = byte
                    length += 1
                }
            case .mark: break
            case .separator(let isSpace): separate(isSpace: isSpace)
            }
        }
    }

    private mutating func scalarClass(_ value: UInt32) -> ScalarClass {
        if let known = scalarClasses[value] { return known }
        let scalar = Unicode.Scalar(value)!
        let folded = SearchText.fold(scalar)
        let result: ScalarClass = if !folded.isEmpty {
            .letters(folded)
        } else if SearchText.isMark(scalar) {
            .mark
        } else {
            .separator(isSpace: scalar.properties.isWhitespace)
        }
        scalarClasses[value] = result
        return result
    }

    private mutating func endWord() {
        guard length > wordStart else { return }
        wordEnds.append(length)
        if gap == 1, gapIsJoiner, runLength > 0 {
            runLength += 1
        } else {
            endRun()
            runStart = wordEnds.count - 1
            runLength = 1
        }
        wordStart = length
        gap = 0
    }

    private mutating func endRun() {
        if runLength > 1 { compoundWords.append(runStart..<(runStart + runLength)) }
        runLength = 0
    }

    private mutating func separate(isSpace: Bool) {
        endWord()
        gap += 1
        gapIsJoiner = gap == 1 && !isSpace
    }
}

/// Bytes behind a pointer that stays put until the buffer grows. Unchecked: only the tokenizer holding it
/// reads or writes it, on one thread at a time (an index batch's builder hands it over only when done).
private final class ByteBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init() {
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `count` bytes, keeping the first `kept`; `base` may change.
    func reserve(_ count: Int, keeping kept: Int) {
        guard count > capacity else { return }
        var grown = capacity
        while grown < count { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: kept)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
