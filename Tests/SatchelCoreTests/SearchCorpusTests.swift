import Testing
@testable import SatchelCore

/// A corpus with some documents replaced must index exactly like one collected from scratch.
@Suite struct SearchCorpusTests {
    /// A fixture page's document, renamed and given another body.
    private func document(_ number: Int, body: String, like template: SearchDocument) -> SearchDocument {
        var document = template
        document.id = EntityID(kind: template.id.kind, slug: "page-\(number)")
        document.title = "Material \(number)"
        document.fields = ["Grade \(number % 7)D"]
        document.body = body
        return document
    }

    @Test func replacingDocumentsInSeveralBatchesIndexesLikeAFreshCorpus() async throws {
        let template = try await SearchDocument.documents(in: FixtureSite().site.model().graph)[0]
        func document(_ number: Int, body: String) -> SearchDocument { self.document(number, body: body, like: template) }
        // Enough documents for several batches, so untouched batches are reused.
        let original = (0..<700).map { document($0, body: "Woven fibre number \($0) for backpacks, tier \($0 % 5).") }
        let corpus = await SearchCorpus.collect(original)
        let replacements = [3: document(3, body: "Ripstop canvas, now waxed."), 650: document(650, body: "")]
        var edited = original
        for (position, document) in replacements { edited[position] = document }
        let updated = await corpus.replacing(replacements).index
        let fresh = await SearchCorpus.collect(edited).index
        // Compared as one flag each: on failure the whole index would be printed otherwise.
        let sameTerms = updated.terms == fresh.terms
        let samePostings = updated.postings == fresh.postings
        #expect(sameTerms)
        #expect(samePostings)
        #expect(updated.postings(for: "waxed")?.map(\.document) == [3])
    }
}
