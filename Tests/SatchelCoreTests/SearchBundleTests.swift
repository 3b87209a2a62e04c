import Foundation
import Testing
@testable import SatchelCore

/// The shipped index files: what each holds, how a term or document finds its file, and that no content
/// can break out of them.
@Suite struct SearchBundleTests {
    /// The JSON a file stores on the global, checking the statement around it.
    static func data(_ contents: String, name: String) throws -> Any {
        let prefix = "(self.SatchelSearchIndex=self.SatchelSearchIndex||{})[\"\(name)\"]="
        #expect(contents.hasPrefix(prefix))
        #expect(contents.hasSuffix(";\n"))
        let json = contents.dropFirst(prefix.count).dropLast(2)
        return try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    /// Small files, so that even the fixture site is split into several of each.
    static func smallBundle(_ pages: [String: String] = [:]) async throws -> (SearchIndex, [String: String]) {
        let search = try await SearchTestSite(pages)
        let schemas = try await FixtureSite().site.model().graph.schemas
        let bundle = SearchBundle(index: search.index, schemas: schemas, postingsFileBytes: 300, documentsFileBytes: 200)
        return (search.index, Dictionary(uniqueKeysWithValues: bundle.files.map { ($0.path, $0.contents) }))
    }

    @Test func everyTermIsInThePostingsFileItsFirstTermLeadsTo() async throws {
        let (index, files) = try await Self.smallBundle()
        let meta = try Self.data(files["search/meta.js"]!, name: "meta") as! [String: Any]
        let firstTerms = meta["postings"] as! [String]
        #expect(firstTerms.count > 3)
        for (term, postings) in zip(index.terms, index.postings) {
            let number = SearchBundle.postingsFile(for: term, firstTerms: firstTerms)
            let name = "postings-\(number)"
            let file = try Self.data(files["search/\(name).js"]!, name: name) as! [String: [Int]]
            let encoded = try #require(file[term], "\(term) not in \(name)")
            var document = 0
            var decoded: [SearchIndex.Posting] = []
            for pair in stride(from: 0, to: encoded.count, by: 2) {
                document += encoded[pair]
                decoded.append(SearchIndex.Posting(document: document, score: encoded[pair + 1]))
            }
            #expect(decoded == postings)
        }
        // A term that is not indexed still routes to a file, the one its neighbours are in.
        #expect(SearchBundle.postingsFile(for: "", firstTerms: firstTerms) == 0)
        #expect(SearchBundle.postingsFile(for: "zzzz", firstTerms: firstTerms) == firstTerms.count - 1)
    }

    @Test func everyTermIsListedInTheDictionaryFileOfItsFirstCharacter() async throws {
        let (index, files) = try await Self.smallBundle(["content/markets/tokyo.md": "---\ntitle: 東京\n---\n"])
        #expect(SearchBundle.dictionaryKey(for: "nylon") == "n")
        #expect(SearchBundle.dictionaryKey(for: "600d") == "6")
        #expect(SearchBundle.dictionaryKey(for: "東京") == "_")
        var listed: [String: Int] = [:]
        let meta = try Self.data(files["search/meta.js"]!, name: "meta") as! [String: Any]
        for key in meta["dictionary"] as! [String] {
            let file = try Self.data(files["search/terms-\(key).js"]!, name: "terms-\(key)") as! [String: [Any]]
            let terms = file["terms"] as! [String]
            #expect(terms.allSatisfy { SearchBundle.dictionaryKey(for: $0) == key })
            for (term, count) in zip(terms, file["counts"] as! [Int]) { listed[term] = count }
        }
        #expect(listed == Dictionary(uniqueKeysWithValues: zip(index.terms, index.postings.map(\.count))))
        #expect(listed["東京"] == 1)
    }

    @Test func documentsFilesHoldEveryDocumentInOrderAndKindsCoverTheirRanges() async throws {
        let (index, files) = try await Self.smallBundle()
        let meta = try Self.data(files["search/meta.js"]!, name: "meta") as! [String: Any]
        let firsts = meta["docs"] as! [Int]
        #expect(firsts.count > 1)
        var documents: [[Any]] = []
        for number in firsts.indices {
            documents += try Self.data(files["search/docs-\(number).js"]!, name: "docs-\(number)") as! [[Any]]
        }
        #expect(documents.map { "\($0[0] as! String):\($0[2] as! String)" } == index.documents.map { "\(SitePaths.entity($0.id)):\($0.title)" })
        let kinds = meta["kinds"] as! [[String: Any]]
        #expect(kinds.map { $0["name"] as! String } == ["materials", "markets", "manufacturers"])
        #expect(kinds.map { [$0["start"] as! Int, $0["end"] as! Int] } == [[0, 2], [2, 4], [4, 5]])
        #expect(meta["documents"] as? Int == 5)
    }

    @Test func hostileTextCannotBreakOutOfAnIndexFile() async throws {
        let title = "</script><script>alert(1)</script>"
        let summary = "<img src=x onerror=alert(1)> \"quoted\" \\ back\u{2028}line & <!-- comment"
        let (index, files) = try await Self.smallBundle([
            "content/markets/evil.md": """
                ---
                title: "\(title)"
                summary: "<img src=x onerror=alert(1)> \\"quoted\\" \\\\ back\\u2028line & <!-- comment"
                ---
                Body with </script> in it.
                """,
        ])
        let evil = try #require(index.documents.firstIndex { $0.id.slug == "evil" })
        #expect(index.documents[evil].summary == summary)
        for (path, contents) in files {
            #expect(!contents.contains("</"), "\(path)")
            #expect(!contents.contains("<img"), "\(path)")
            #expect(!contents.contains("<!--"), "\(path)")
            #expect(!contents.contains("\u{2028}"), "\(path)")
        }
        let meta = try Self.data(files["search/meta.js"]!, name: "meta") as! [String: Any]
        let number = (meta["docs"] as! [Int]).lastIndex { $0 <= evil }!
        let documents = try Self.data(files["search/docs-\(number).js"]!, name: "docs-\(number)") as! [[Any]]
        let entry = documents[evil - (meta["docs"] as! [Int])[number]]
        #expect(entry[2] as? String == title)
        #expect(entry[3] as? String == summary)
    }

    /// Copied pieces share the bytes they were written into; once most of the bytes held belong to pieces
    /// replaced since, the pieces are put in a buffer of their own, with the same contents.
    @Test func copiedPiecesShareTheirBytesUntilMostAreUnused() {
        func text(_ pieces: SearchBundle.Pieces) -> [String] { (0..<pieces.count).map { String(decoding: pieces[$0], as: UTF8.self) } }
        func piece(_ round: Int, _ number: Int) -> String { String(repeating: "x", count: 90) + "-\(round)-\(number)" }
        var pieces = SearchBundle.Pieces()
        for number in 0..<100 { pieces.add { $0.string(piece(0, number)) } }
        var shared: [Bool] = []
        // Round r keeps the first r pieces, each in the buffer of an earlier round, and replaces the others.
        for round in 1...3 {
            var next = SearchBundle.Pieces()
            next.copy(0..<round, from: pieces)
            for number in round..<100 { next.add { $0.string(piece(round, number)) } }
            let expected = Array(text(pieces)[0..<round]) + (round..<100).map { "\"" + piece(round, $0) + "\"" }
            let kept = next.compactedIfMostlyUnused()
            shared.append(kept[0].withUnsafeBufferPointer { $0.baseAddress } == pieces[0].withUnsafeBufferPointer { $0.baseAddress })
            let same = text(kept) == expected
            #expect(same, "round \(round)")
            #expect(kept.heldByteCount <= 2 * kept.byteCount, "round \(round)")
            pieces = kept
        }
        // Round 2 holds three buffers of about the bytes used, one for each round's pieces.
        #expect(shared == [true, false, true])
    }
}
