import Foundation

/// The search index as the script files a browser loads on demand, in `search/`:
///
/// - `meta.js`: the kinds (with the range of document numbers each covers, since documents are in
///   navigation order), the first term of each postings file and the first document of each documents file,
///   and the keys of the dictionary files. Loaded once, before the first query.
/// - `terms-<c>.js`: every term starting with the character `c` (`_` for anything but `a`–`z`, `0`–`9`),
///   sorted, with how many documents contain it. Read for completions, typos and suggestions.
/// - `postings-<n>.js`: consecutive terms with their postings, `{"nylon":[gap,score,gap,score,…]}`, where
///   gaps are differences between ascending document numbers. Files are cut at about a size, so a term is
///   found by its place between the files' first terms.
/// - `docs-<n>.js`: consecutive documents as `[page path, kind, title, summary, snippet text]`, cut at
///   about a size, so showing ten results loads at most ten small files.
///
/// Every file stores its data on the global object `SearchBundle.global`, under the file's name.
///
/// A bundle keeps each term's and each document's JSON and where the files were cut, so that `updated`
/// writes again only the files whose terms or documents changed; the files are those a whole build makes.
public struct SearchBundle: Sendable {
    public static let folder = "search"
    /// The global object the files store their data on.
    static let global = "SatchelSearchIndex"
    public static let dictionaryFallbackKey = "_"

    private let postingsFileBytes: Int
    private let documentsFileBytes: Int
    private let snippetLength: Int
    /// Each term's `"term":[gap,score,…]`, in term order.
    private let termPieces: Pieces
    /// Each document's `[path,kind,title,summary,snippet]`, in document order.
    private let documentPieces: Pieces
    /// The terms of each postings file and the documents of each documents file.
    private let postingsRanges: [Range<Int>]
    private let documentsRanges: [Range<Int>]
    /// Dictionary files by key, in the order their keys first appear in term order.
    private let dictionaryTexts: [(key: String, contents: String)]
    private let metaText: String

    /// Output-relative path of every file: postings, dictionaries, documents, then `meta.js`. A file's
    /// contents are made when asked for (`contents(ofFile:)`), from the pieces the bundle keeps.
    public var paths: [String] {
        postingsRanges.indices.map { Self.path(of: "postings-\($0)") }
            + dictionaryTexts.map { Self.path(of: "terms-\($0.key)") }
            + documentsRanges.indices.map { Self.path(of: "docs-\($0)") }
            + [Self.path(of: "meta")]
    }

    /// The contents of the file at `number` in `paths`.
    public func contents(ofFile number: Int) -> String {
        var number = number
        if number < postingsRanges.count {
            return Self.text(named: "postings-\(number)", brackets: ("{", "}"), of: termPieces, postingsRanges[number])
        }
        number -= postingsRanges.count
        if number < dictionaryTexts.count { return dictionaryTexts[number].contents }
        number -= dictionaryTexts.count
        if number < documentsRanges.count {
            return Self.text(named: "docs-\(number)", brackets: ("[", "]"), of: documentPieces, documentsRanges[number])
        }
        return metaText
    }

    /// Output-relative paths and contents of every file.
    public var files: [(path: String, contents: String)] {
        zip(paths, paths.indices.map(contents(ofFile:))).map { ($0, $1) }
    }

    /// Splits `index`, whose documents are of the kinds in `schemas`, into files of about the given sizes.
    public init(index: SearchIndex, schemas: [KindSchema], postingsFileBytes: Int = 32_768, documentsFileBytes: Int = 8_192, snippetLength: Int = 1_200) {
        // The documents' pieces and the terms' are written in runs side by side, several of each, the longer
        // (the documents') first: the task that makes the bundle waits, holding a thread of the task pool, for
        // the last run to finish, so the runs are short. Each run has room for the most its pieces can take
        // (a posting is at most about a dozen bytes), so its buffer is not copied as it grows: reserved pages
        // that stay unwritten cost no memory. The runs are joined by sharing their buffers.
        let documentRuns = Self.runs(of: index.documents.count)
        let termRuns = Self.runs(of: index.terms.count)
        let runs = [Pieces](concurrentlyCount: documentRuns.count + termRuns.count, batchSize: 1) { run in
            guard run < documentRuns.count else {
                let positions = termRuns[run - documentRuns.count]
                var terms = Pieces(reserving: positions.reduce(0) { $0 + index.terms[$1].utf8.count + 8 + 12 * index.postings[$1].count })
                for position in positions { terms.add { Self.writeTerm(index.terms[position], index.postings[position], to: &$0) } }
                return terms
            }
            let positions = documentRuns[run]
            var documents = Pieces(reserving: positions.reduce(0) {
                $0 + 2 * snippetLength + 2 * (index.documents[$1].title.utf8.count + (index.documents[$1].summary?.utf8.count ?? 0)) + 128
            })
            // By position: a `for document in` loop copied each document (its seven strings and lists).
            for position in positions {
                documents.add { Self.writeDocument(index.documents[position], snippetLength: snippetLength, to: &$0) }
            }
            return documents
        }
        var documents = Pieces()
        var terms = Pieces()
        for run in runs.indices {
            if run < documentRuns.count { documents.copy(0..<runs[run].count, from: runs[run]) } else { terms.copy(0..<runs[run].count, from: runs[run]) }
        }
        self.init(
            index: index, schemas: schemas, postingsFileBytes: postingsFileBytes, documentsFileBytes: documentsFileBytes,
            snippetLength: snippetLength, terms: terms, documents: documents, keepsDictionary: { _ in nil })
    }

    /// `count` positions in consecutive runs, as many as make short runs on this machine's cores.
    private static func runs(of count: Int) -> [Range<Int>] {
        let runCount = min(count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard runCount > 0 else { return [] }
        return (0..<runCount).map { run in (run * count / runCount)..<((run + 1) * count / runCount) }
    }

    /// The bundle of `index`, made from this bundle of `old`, and the numbers (in its `paths`) of the files
    /// whose contents differ from this bundle's file of the same path. `previous` gives each term of `index`
    /// its position in `old` (nil for a new term); `changedDocuments` are the documents that differ; both
    /// indexes hold the same number of documents.
    func updated(
        to index: SearchIndex, from old: SearchIndex, previous: [Int?], changedDocuments: Set<Int>, schemas: [KindSchema]
    ) -> (bundle: SearchBundle, changed: [Int]) {
        precondition(index.documents.count == old.documents.count && previous.count == index.terms.count)
        let changedTerms = index.terms.indices.map { position in
            previous[position].map { old.postings[$0] != index.postings[position] } ?? true
        }
        var terms = Pieces()
        var position = 0
        while position < index.terms.count {
            guard !changedTerms[position], let first = previous[position] else {
                terms.add { Self.writeTerm(index.terms[position], index.postings[position], to: &$0) }
                position += 1
                continue
            }
            // Unchanged terms that were consecutive before are copied as one run.
            var end = position + 1
            while end < index.terms.count, !changedTerms[end], previous[end] == first + (end - position) { end += 1 }
            terms.copy(first..<(first + end - position), from: termPieces)
            position = end
        }
        var documents = Pieces()
        var start = 0
        for changed in changedDocuments.sorted() + [index.documents.count] {
            documents.copy(start..<changed, from: documentPieces)
            guard changed < index.documents.count else { break }
            documents.add { Self.writeDocument(index.documents[changed], snippetLength: snippetLength, to: &$0) }
            start = changed + 1
        }
        // A dictionary file changes where a term came, went or is in another number of documents.
        var kept = [Bool](repeating: false, count: old.terms.count)
        var changedKeys = Set<String>()
        for position in index.terms.indices {
            if let before = previous[position] {
                kept[before] = true
                if old.postings[before].count == index.postings[position].count { continue }
            }
            changedKeys.insert(Self.dictionaryKey(for: index.terms[position]))
        }
        for position in old.terms.indices where !kept[position] { changedKeys.insert(Self.dictionaryKey(for: old.terms[position])) }
        let dictionaries = Dictionary(uniqueKeysWithValues: dictionaryTexts.enumerated().map { ($1.key, $0) })
        let bundle = SearchBundle(
            index: index, schemas: schemas, postingsFileBytes: postingsFileBytes, documentsFileBytes: documentsFileBytes,
            snippetLength: snippetLength, terms: terms.compactedIfMostlyUnused(), documents: documents.compactedIfMostlyUnused(),
            keepsDictionary: { key in changedKeys.contains(key) ? nil : dictionaries[key].map { dictionaryTexts[$0].contents } })

        // A file is the same when it holds the same pieces as this bundle's file of its number, none of them
        // changed; any other is made and compared with the file of its path here.
        func samePostings(_ number: Int) -> Bool {
            let range = bundle.postingsRanges[number]
            guard number < postingsRanges.count, postingsRanges[number].count == range.count else { return false }
            let start = postingsRanges[number].lowerBound
            return !range.contains { changedTerms[$0] || previous[$0] != start + ($0 - range.lowerBound) }
        }
        func sameDocuments(_ number: Int) -> Bool {
            let range = bundle.documentsRanges[number]
            return number < documentsRanges.count && documentsRanges[number] == range && !range.contains(where: changedDocuments.contains)
        }
        let before = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let postingsCount = bundle.postingsRanges.count, dictionaryCount = bundle.dictionaryTexts.count
        let changed = bundle.paths.enumerated().compactMap { number, path -> Int? in
            if number < postingsCount, samePostings(number) { return nil }
            let documentsFile = number - postingsCount - dictionaryCount
            if documentsFile >= 0, documentsFile < bundle.documentsRanges.count, sameDocuments(documentsFile) { return nil }
            let contents = bundle.contents(ofFile: number)
            return before[path].map(contents(ofFile:)) == contents ? nil : number
        }
        return (bundle, changed)
    }

    /// Cuts the pieces into files and writes the dictionary and meta files, taking a dictionary file's text
    /// from `keepsDictionary` (given its key) when that has it.
    private init(
        index: SearchIndex, schemas: [KindSchema], postingsFileBytes: Int, documentsFileBytes: Int, snippetLength: Int,
        terms: Pieces, documents: Pieces, keepsDictionary: (String) -> String?
    ) {
        self.postingsFileBytes = postingsFileBytes
        self.documentsFileBytes = documentsFileBytes
        self.snippetLength = snippetLength
        termPieces = terms
        documentPieces = documents
        postingsRanges = terms.cut(limit: postingsFileBytes) { Self.opening("postings-\($0)").bytes.count + 1 }
        documentsRanges = documents.cut(limit: documentsFileBytes) { Self.opening("docs-\($0)").bytes.count + 1 }
        dictionaryTexts = Self.dictionaries(of: index, keeping: keepsDictionary)
        metaText = Self.meta(
            of: index, schemas: schemas, postingsFirstTerms: postingsRanges.map { index.terms[$0.lowerBound] },
            documentFirsts: documentsRanges.map(\.lowerBound), dictionaryKeys: dictionaryTexts.map(\.key))
    }

    /// The dictionary files, in the order their keys first appear in term order; a file's text is taken from
    /// `keeping` when that has it.
    private static func dictionaries(of index: SearchIndex, keeping: (String) -> String?) -> [(key: String, contents: String)] {
        var keys: [String] = []
        var kept: [String: String] = [:]
        var members: [String: [Int]] = [:]
        var key = ""
        var keeps = false
        for position in index.terms.indices {
            let termKey = dictionaryKey(for: index.terms[position])
            if termKey != key || keys.isEmpty {
                key = termKey
                if members[key] == nil, kept[key] == nil {
                    keys.append(key)
                    if let text = keeping(key) { kept[key] = text } else { members[key] = [] }
                }
                keeps = kept[key] != nil
            }
            if !keeps { members[key]!.append(position) }
        }
        return keys.map { key in
            if let text = kept[key] { return (key, text) }
            let entries = members[key]!
            var dictionary = opening("terms-\(key)")
            dictionary.raw("{\"terms\":[")
            for (position, term) in entries.enumerated() {
                if position > 0 { dictionary.raw(",") }
                dictionary.string(index.terms[term])
            }
            dictionary.raw("],\"counts\":[")
            for (position, term) in entries.enumerated() {
                if position > 0 { dictionary.raw(",") }
                dictionary.number(index.postings[term].count)
            }
            dictionary.raw("]};\n")
            return (key, dictionary.text)
        }
    }

    private static func meta(
        of index: SearchIndex, schemas: [KindSchema], postingsFirstTerms: [String], documentFirsts: [Int], dictionaryKeys: [String]
    ) -> String {
        var meta = opening("meta")
        meta.raw("{\"documents\":")
        meta.number(index.documents.count)
        meta.raw(",\"kinds\":[")
        var start = 0
        for (position, schema) in schemas.enumerated() {
            let end = index.documents[start...].firstIndex { $0.kindIndex != position } ?? index.documents.count
            if position > 0 { meta.raw(",") }
            meta.raw("{\"name\":")
            meta.string(schema.name)
            meta.raw(",\"singular\":")
            meta.string(schema.singular)
            meta.raw(",\"plural\":")
            meta.string(schema.plural)
            meta.raw(",\"start\":")
            meta.number(start)
            meta.raw(",\"end\":")
            meta.number(end)
            meta.raw("}")
            start = end
        }
        meta.raw("],\"postings\":[")
        for (position, term) in postingsFirstTerms.enumerated() {
            if position > 0 { meta.raw(",") }
            meta.string(term)
        }
        meta.raw("],\"docs\":[")
        meta.raw(documentFirsts.map(String.init).joined(separator: ","))
        meta.raw("],\"dictionary\":[")
        for (position, key) in dictionaryKeys.enumerated() {
            if position > 0 { meta.raw(",") }
            meta.string(key)
        }
        meta.raw("]};\n")
        return meta.text
    }

    private static func writeTerm(_ term: String, _ postings: [SearchIndex.Posting], to json: inout JSONWriter) {
        json.string(term)
        json.raw(":[")
        var previous = 0
        for (position, posting) in postings.enumerated() {
            if position > 0 { json.raw(",") }
            json.number(posting.document - previous)
            json.raw(",")
            json.number(posting.score)
            previous = posting.document
        }
        json.raw("]")
    }

    private static func writeDocument(_ document: SearchDocument, snippetLength: Int, to json: inout JSONWriter) {
        json.raw("[")
        json.string(SitePaths.entity(document.id))
        json.raw(",")
        json.number(document.kindIndex)
        json.raw(",")
        json.string(document.title)
        json.raw(",")
        json.string(document.summary ?? "")
        json.raw(",")
        json.string(document.snippetText(limit: snippetLength))
        json.raw("]")
    }

    /// A file of pieces: its opening, `brackets` around the pieces joined by commas, and `;`.
    private static func text(named name: String, brackets: (String, String), of pieces: Pieces, _ range: Range<Int>) -> String {
        var file = opening(name)
        file.raw(brackets.0)
        for piece in range {
            if piece > range.lowerBound { file.raw(",") }
            file.raw(pieces[piece])
        }
        file.raw(brackets.1)
        file.raw(";\n")
        return file.text
    }

    /// Starts a file that stores its data on `global` under `name`; the data and `;` follow. A script file is
    /// the only way a page opened from `file://` can load data.
    private static func opening(_ name: String) -> JSONWriter {
        var file = JSONWriter()
        file.raw("(self.\(global)=self.\(global)||{})[")
        file.string(name)
        file.raw("]=")
        return file
    }

    private static func path(of name: String) -> String { "\(folder)/\(name).js" }

    /// The dictionary file a term is listed in: its first character if that is `a`–`z` or `0`–`9`, else
    /// `_`, since file names should be plain ASCII.
    public static func dictionaryKey(for term: String) -> String {
        guard let first = term.utf16.first, (0x61...0x7A).contains(first) || (0x30...0x39).contains(first) else {
            return dictionaryFallbackKey
        }
        return String(utf16CodeUnits: [first], count: 1)
    }

    /// The postings file that holds `term`: the last one whose first term is not ordered after it.
    public static func postingsFile(for term: String, firstTerms: [String]) -> Int {
        let key = Array(term.utf16)
        var low = 0, high = firstTerms.count
        while low < high {
            let middle = (low + high) / 2
            if key.lexicographicallyPrecedes(firstTerms[middle].utf16) { high = middle } else { low = middle + 1 }
        }
        return max(0, low - 1)
    }

    /// JSON pieces one after another: every term's postings, or every document. Pieces copied from another
    /// `Pieces` share its buffers instead of copying their bytes: an update keeps nearly all of tens of
    /// megabytes, and copying them cost about as much as the rest of a title edit's search update.
    struct Pieces: Sendable {
        /// Finished buffers: shared ones, and those pieces were written into before a shared one came.
        private var buffers: [[UInt8]] = []
        /// Where added pieces are written; the buffer numbered `buffers.count`.
        private var json = JSONWriter()
        private var locations: [Location] = []
        /// The bytes of the pieces.
        private(set) var byteCount = 0
        /// The bytes of the buffers, pieces that are no longer used included.
        private(set) var heldByteCount = 0
        /// Each shared buffer's number here, by the address of its storage.
        private var shared: [UInt: Int] = [:]

        private struct Location: Sendable {
            var buffer: Int
            var start: Int
            var end: Int
        }

        init(reserving bytes: Int = 0) {
            json.reserve(bytes)
        }

        var count: Int { locations.count }

        subscript(piece: Int) -> ArraySlice<UInt8> {
            let location = locations[piece]
            return (location.buffer < buffers.count ? buffers[location.buffer] : json.bytes)[location.start..<location.end]
        }

        mutating func add(_ write: (inout JSONWriter) -> Void) {
            let start = json.bytes.count
            write(&json)
            locations.append(Location(buffer: buffers.count, start: start, end: json.bytes.count))
            byteCount += json.bytes.count - start
            heldByteCount += json.bytes.count - start
        }

        /// Appends the pieces `range` of `other`, sharing the buffers they are in.
        mutating func copy(_ range: Range<Int>, from other: Pieces) {
            var source = -1, target = 0
            for piece in range {
                var location = other.locations[piece]
                if location.buffer != source {
                    source = location.buffer
                    target = share(source < other.buffers.count ? other.buffers[source] : other.json.bytes)
                }
                byteCount += location.end - location.start
                location.buffer = target
                locations.append(location)
            }
        }

        /// The number of `buffer` here, appended if it is not here yet.
        private mutating func share(_ buffer: [UInt8]) -> Int {
            let address = buffer.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            if let known = shared[address] { return known }
            // Pieces already written keep their buffer's number: it becomes the next finished buffer.
            if !json.bytes.isEmpty {
                buffers.append(json.bytes)
                json = JSONWriter()
            }
            buffers.append(buffer)
            heldByteCount += buffer.count
            shared[address] = buffers.count - 1
            return buffers.count - 1
        }

        /// These pieces in a buffer of their own when most of the bytes held are of pieces no longer used,
        /// as after many updates; otherwise as they are.
        func compactedIfMostlyUnused() -> Pieces {
            guard heldByteCount > 2 * byteCount else { return self }
            var compact = Pieces(reserving: byteCount)
            for piece in 0..<count { compact.add { $0.raw(self[piece]) } }
            return compact
        }

        /// The pieces of each file, cut the way a writer appending them would: a file takes the next piece
        /// while it holds fewer than `limit` bytes (its opening, of `opening(file number)` bytes, counted),
        /// and at least one.
        func cut(limit: Int, opening: (Int) -> Int) -> [Range<Int>] {
            var files: [Range<Int>] = []
            var start = 0
            var size = 0
            for piece in 0..<count {
                if piece == 0 || size >= limit {
                    if piece > 0 { files.append(start..<piece) }
                    start = piece
                    size = opening(files.count)
                } else {
                    size += 1
                }
                size += locations[piece].end - locations[piece].start
            }
            if count > 0 { files.append(start..<count) }
            return files
        }
    }
}
