import Testing
@testable import SatchelCore

/// A corpus, index and files updated for replaced documents must be exactly those made from scratch.
@Suite struct SearchCorpusTests {
    /// A fixture page's document, renamed and given another body.
    private static func document(_ number: Int, body: String, like template: SearchDocument) -> SearchDocument {
        var document = template
        document.id = EntityID(kind: template.id.kind, slug: "page-\(number)")
        document.title = "Material \(number)"
        document.fields = ["Grade \(number % 7)D"]
        document.body = body
        return document
    }

    /// 700 documents (enough for many files of each family at small sizes), and some replacements: new
    /// words, words gone from the whole corpus, an emptied body, longer text.
    private static func corpusAndEdits() async throws -> (original: [SearchDocument], replacements: [Int: SearchDocument]) {
        let template = try await SearchDocument.documents(in: FixtureSite().site.model().graph)[0]
        func document(_ number: Int, body: String) -> SearchDocument { Self.document(number, body: body, like: template) }
        var original = (0..<700).map { document($0, body: "Woven fibre number \($0) for backpacks, tier \($0 % 5).") }
        original[400] = document(400, body: "Only here: quokka and axolotl.")
        let replacements = [
            3: document(3, body: "Ripstop canvas, now waxed, with a zebrafish pattern of tiers."),
            400: document(400, body: "Woven fibre again."),
            650: document(650, body: ""),
        ]
        return (original, replacements)
    }

    private static func edited(_ original: [SearchDocument], _ replacements: [Int: SearchDocument]) -> [SearchDocument] {
        var edited = original
        for (position, document) in replacements { edited[position] = document }
        return edited
    }

    @Test func replacingDocumentsIndexesLikeAFreshCorpus() async throws {
        let (original, replacements) = try await Self.corpusAndEdits()
        let corpus = SearchCorpus.collect(original)
        let (updated, previous, _) = corpus.replacing(replacements)
        let fresh = SearchCorpus.collect(Self.edited(original, replacements))
        // Compared as one flag each: on failure the whole index would be printed otherwise.
        let sameTerms = updated.terms == fresh.terms
        // Scored afresh and scored reusing the old index's unchanged postings alike.
        let samePostings = updated.index.postings == fresh.index.postings
            && updated.index(reusing: corpus.index, previous: previous, onlyTouched: nil).postings == fresh.index.postings
        let sameLengths = updated.lengths == fresh.lengths && updated.titleWords == fresh.titleWords
        #expect(sameTerms)
        #expect(samePostings)
        #expect(sameLengths)
        #expect(updated.index.postings(for: "waxed")?.map(\.document) == [3])
        #expect(updated.index.postings(for: "quokka") == nil)
        // Each term's previous position names the same term in the old corpus; new terms have none.
        let oldTerms = Set(corpus.terms)
        let mapped = zip(updated.terms, previous).allSatisfy { term, before in
            before.map { corpus.terms[$0] == term } ?? !oldTerms.contains(term)
        }
        #expect(mapped)
        #expect(previous[updated.terms.firstIndex(of: "zebrafish")!] == nil)
    }

    /// An edit that leaves the (rounded) average length as it was scores again only the terms the replaced
    /// document held or holds, and still gives the index made from scratch: here a word gone from it, which
    /// every other document still holds, two new ones, and a longer document, whose other postings score
    /// differently.
    @Test func anEditThatKeepsTheAverageLengthScoresOnlyTheTermsItTouches() async throws {
        let (original, _) = try await Self.corpusAndEdits()
        let replacements = [5: Self.document(5, body: "Woven fibre number 5 for rucksacks, tier 0, waxed.", like: original[5])]
        let corpus = SearchCorpus.collect(original)
        let (updated, previous, touched) = corpus.replacing(replacements)
        #expect(SearchIndex.Scorer.averageLength(of: updated.lengths) == SearchIndex.Scorer.averageLength(of: corpus.lengths))
        #expect(touched.count < updated.terms.count / 10, "\(touched.count) of \(updated.terms.count)")
        #expect(touched.contains { updated.terms[$0] == "backpacks" } && touched.contains { updated.terms[$0] == "rucksacks" })
        let fresh = SearchCorpus.collect(Self.edited(original, replacements))
        let index = updated.index(reusing: corpus.index, previous: previous, onlyTouched: (touched, [5]))
        let same = index.postings == fresh.index.postings
        #expect(same)
    }

    @Test func updatedBundleHasTheFilesOfAFreshOneAndNamesEveryChangedFile() async throws {
        let (original, replacements) = try await Self.corpusAndEdits()
        let schemas = try await FixtureSite().site.model().graph.schemas
        func bundle(_ index: SearchIndex) -> SearchBundle {
            SearchBundle(index: index, schemas: schemas, postingsFileBytes: 600, documentsFileBytes: 400)
        }
        let corpus = SearchCorpus.collect(original)
        let before = bundle(corpus.index)
        let (updatedCorpus, previous, _) = corpus.replacing(replacements)
        let (updated, changed) = before.updated(
            to: updatedCorpus.index(reusing: corpus.index, previous: previous, onlyTouched: nil), from: corpus.index, previous: previous, changedDocuments: Set(replacements.keys), schemas: schemas)
        let fresh = bundle(SearchCorpus.collect(Self.edited(original, replacements)).index)
        let freshFiles = Dictionary(uniqueKeysWithValues: fresh.files.map { ($0.path, $0.contents) })
        let updatedFiles = Dictionary(uniqueKeysWithValues: updated.files.map { ($0.path, $0.contents) })
        let sameFiles = updatedFiles == freshFiles
        #expect(sameFiles)
        #expect(updated.paths == fresh.paths)
        // The changed files are exactly those whose contents differ from the file of the same path before.
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.contents) })
        let differing = Set(freshFiles.filter { old[$0.key] != $0.value }.keys)
        #expect(Set(changed.map { updated.paths[$0] }) == differing)
        #expect(differing.count > 3 && differing.count < freshFiles.count / 2, "\(differing.count) of \(freshFiles.count)")
    }
}
