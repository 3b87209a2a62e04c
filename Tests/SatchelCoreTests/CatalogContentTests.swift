import Foundation
import Testing
@testable import SatchelCore

/// The bundled backpack-mini catalog: complete, sourced, cross-linked and free of the report's scraping noise.
@Suite struct CatalogContentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func model() async throws -> Site.Model {
        try await Site(
            contentDirectory: Self.repository.appendingPathComponent("content"), contentDisplayPath: "content",
            themesDirectory: Self.repository.appendingPathComponent("themes"), themesDisplayPath: "themes"
        ).check()
    }

    @Test func checksWithoutErrorsOrWarnings() async throws {
        #expect(try await model().warnings.isEmpty)
    }

    @Test func holdsEveryKindInAtLeastTheReportedNumbers() async throws {
        let graph = try await model().graph
        #expect(graph.count(of: "types") >= 5)
        #expect(graph.count(of: "materials") >= 7)
        #expect(graph.count(of: "applications") >= 5)
        #expect(graph.count(of: "manufacturers") >= 3)
        #expect(graph.count(of: "certifications") >= 12)
        #expect(graph.count(of: "terms") >= 12)
        #expect(graph.count(of: "guides") >= 7)
        let levels = graph.entities(of: "markets").compactMap { entity -> String? in
            if case .enumeration(let level, _) = entity.values["level"] { return level }
            return nil
        }
        #expect(levels.filter { $0 == "Region" }.count >= 4)
        #expect(levels.filter { $0 == "Country" }.count >= 10)
        #expect(levels.filter { $0 == "Sourcing hub" }.count >= 4)
    }

    @Test func noEntityIsAnOrphan() async throws {
        let graph = try await model().graph
        let withoutLinksOut = graph.entities.filter { (graph.outgoing[$0.id] ?? []).isEmpty }.map(\.id.description)
        let withoutLinksIn = graph.entities.filter { (graph.incoming[$0.id] ?? []).isEmpty }.map(\.id.description)
        #expect(withoutLinksOut == [])
        #expect(withoutLinksIn == [])
    }

    @Test func everyEntityNamesItsSources() async throws {
        let graph = try await model().graph
        let report = try String(contentsOf: Self.repository.appendingPathComponent("seeds/backpack-mini-sourcing-guide.txt"), encoding: .utf8)
        for entity in graph.entities {
            guard case .list(let sources) = entity.values["sources"], !sources.isEmpty else {
                Issue.record("\(entity.id) has no sources")
                continue
            }
            for source in sources where !report.contains(source.plainText) {
                Issue.record("\(entity.id) names a source that is not a section of the report: \(source.plainText)")
            }
        }
    }

    @Test func carriesNoScrapingNoise() throws {
        let enumerator = FileManager.default.enumerator(atPath: Self.repository.appendingPathComponent("content").path)
        var files = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") || path.hasSuffix(".yml") else { continue }
            files += 1
            let text = try String(contentsOf: Self.repository.appendingPathComponent("content/\(path)"), encoding: .utf8)
            #expect(!text.localizedCaseInsensitiveContains("Related Video"), "\(path)")
        }
        #expect(files > 100)
    }

    @Test func manufacturerPagesSayTheyAreUnverified() async throws {
        let graph = try await model().graph
        for entity in graph.entities(of: "manufacturers") {
            #expect(entity.values["verified"] == .bool(false), "\(entity.id)")
        }
    }

    @Test func keepsTheSourceReportUnchanged() throws {
        let kept = try Data(contentsOf: Self.repository.appendingPathComponent("seeds/backpack-mini-sourcing-guide.txt"))
        let shared = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds/backpack-mini-sourcing-guide.txt")
        try #require(FileManager.default.fileExists(atPath: shared.path), "needs ../shared/seeds beside the repository")
        #expect(kept == (try Data(contentsOf: shared)))
    }
}
