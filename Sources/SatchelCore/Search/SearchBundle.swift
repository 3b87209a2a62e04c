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
public struct SearchBundle: Sendable {
    public static let folder = "search"
    /// The global object the files store their data on.
    static let global = "SatchelSearchIndex"
    public static let dictionaryFallbackKey = "_"

    /// Output-relative paths and contents of every file.
    public let files: [(path: String, contents: String)]

    /// Splits `index`, whose documents are of the kinds in `schemas`, into files of about the given sizes.
    public init(index: SearchIndex, schemas: [KindSchema], postingsFileBytes: Int = 32_768, documentsFileBytes: Int = 8_192, snippetLength: Int = 1_200) {
        var files: [(String, String)] = []

        var postingsFirstTerms: [String] = []
        var postings = Self.file(named: "")
        var termsInFile = 0
        func finishPostings() {
            guard termsInFile > 0 else { return }
            postings.raw("};\n")
            files.append(("\(Self.folder)/postings-\(postingsFirstTerms.count - 1).js", postings.text))
        }
        for (term, list) in zip(index.terms, index.postings) {
            if termsInFile == 0 || postings.bytes.count >= postingsFileBytes {
                finishPostings()
                postings = Self.file(named: "postings-\(postingsFirstTerms.count)")
                postings.raw("{")
                postingsFirstTerms.append(term)
                termsInFile = 0
            }
            if termsInFile > 0 { postings.raw(",") }
            postings.string(term)
            postings.raw(":[")
            var previous = 0
            for (position, posting) in list.enumerated() {
                if position > 0 { postings.raw(",") }
                postings.number(posting.document - previous)
                postings.raw(",")
                postings.number(posting.score)
                previous = posting.document
            }
            postings.raw("]")
            termsInFile += 1
        }
        finishPostings()

        var dictionaryKeys: [String] = []
        var termsByKey: [String: [(String, Int)]] = [:]
        for (term, list) in zip(index.terms, index.postings) {
            let key = Self.dictionaryKey(for: term)
            if termsByKey[key] == nil { dictionaryKeys.append(key) }
            termsByKey[key, default: []].append((term, list.count))
        }
        for key in dictionaryKeys {
            var dictionary = Self.file(named: "terms-\(key)")
            let entries = termsByKey[key]!
            dictionary.raw("{\"terms\":[")
            for (position, entry) in entries.enumerated() {
                if position > 0 { dictionary.raw(",") }
                dictionary.string(entry.0)
            }
            dictionary.raw("],\"counts\":[")
            for (position, entry) in entries.enumerated() {
                if position > 0 { dictionary.raw(",") }
                dictionary.number(entry.1)
            }
            dictionary.raw("]};\n")
            files.append(("\(Self.folder)/terms-\(key).js", dictionary.text))
        }

        var documentFirsts: [Int] = []
        var documents = Self.file(named: "")
        func finishDocuments() {
            guard !documentFirsts.isEmpty else { return }
            documents.raw("];\n")
            files.append(("\(Self.folder)/docs-\(documentFirsts.count - 1).js", documents.text))
        }
        for (number, document) in index.documents.enumerated() {
            if documentFirsts.isEmpty || documents.bytes.count >= documentsFileBytes {
                finishDocuments()
                documents = Self.file(named: "docs-\(documentFirsts.count)")
                documents.raw("[")
                documentFirsts.append(number)
            } else {
                documents.raw(",")
            }
            documents.raw("[")
            documents.string(SitePaths.entity(document.id))
            documents.raw(",")
            documents.number(document.kindIndex)
            documents.raw(",")
            documents.string(document.title)
            documents.raw(",")
            documents.string(document.summary ?? "")
            documents.raw(",")
            documents.string(document.snippetText(limit: snippetLength))
            documents.raw("]")
        }
        finishDocuments()

        var meta = Self.file(named: "meta")
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
        files.append(("\(Self.folder)/meta.js", meta.text))
        self.files = files
    }

    /// Starts a file that stores its data on `global` under `name`; the data and `;` follow. A script file is
    /// the only way a page opened from `file://` can load data.
    private static func file(named name: String) -> JSONWriter {
        var file = JSONWriter()
        file.raw("(self.\(global)=self.\(global)||{})[")
        file.string(name)
        file.raw("]=")
        return file
    }

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
}
