import Foundation
import Testing
@testable import SatchelCore

/// Serve's updates in memory must leave exactly what a clean build produces, replacing files in place.
@Suite struct LiveSiteTests {
    private let day = Date(timeIntervalSince1970: 1_700_000_000)

    private func live(_ site: FixtureSite) throws -> LiveSite {
        LiveSite(site: site.site, output: try site.outputDirectory())
    }

    /// The output folder's inode: a whole build swaps a new folder in, an update replaces files inside it.
    private func inode(_ site: FixtureSite) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: site.output.path)[.systemFileNumber] as? Int
    }

    private func cleanBuild(of site: FixtureSite) async throws -> [String: Data] {
        let clean = FixtureSite.at(site.root, output: "clean")
        _ = try await site.site.build(into: try clean.outputDirectory(), buildDate: day, useCache: false)
        defer { try? FileManager.default.removeItem(at: clean.output) }
        return try clean.snapshotOutput().filter { $0.key != OutputDirectory.marker }
    }

    private func output(of site: FixtureSite) throws -> [String: Data] {
        try site.snapshotOutput().filter { $0.key != OutputDirectory.marker }
    }

    private func changed(_ site: FixtureSite, _ relativePath: String) -> Set<String> {
        [site.content.path + "/" + relativePath]
    }

    @Test(arguments: [
        "body", "title", "title that moves the page", "summary", "reference added", "reference removed", "mention added", "heading renamed", "updated date",
        "similar pages", "compare block added", "title in another kind's matrix",
    ])
    func editsUpdateInPlaceAndEqualACleanBuild(edit: String) async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let folder = try inode(site)
        let path: String
        switch edit {
        case "body":
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path) + "\nMore.\n")
        case "title":
            path = "materials/nylon.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        case "title that moves the page":
            // Nylon sorts before Polyester, Zylon after it: documents move, so the search index is made anew.
            path = "materials/nylon.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "title: Nylon", with: "title: Zylon"))
        case "title in another kind's matrix":
            // Materials draw a matrix of their markets: its pages' cards and rows stay, its comparison page changes.
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "title: Kenya", with: "title: Kenya Coast"))
        case "reference added":
            path = "materials/nylon.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "markets: [kenya]", with: "markets: [kenya, germany]"))
        case "reference removed":
            path = "manufacturers/acme-bags.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "materials: [nylon, polyester]", with: "materials: [nylon]"))
        case "summary":
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "summary: East African hub.", with: "summary: East African port."))
        case "mention added":
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path) + "\nBags of [polyester](../materials/polyester.md).\n")
        case "compare block added":
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path) + "\n```compare\nkind: materials\nfields: [cost_tier]\n```\n")
        case "heading renamed":
            path = "markets/kenya.md"
            try site.write("content/" + path, try site.read("content/" + path) + "\n## Ports\n\nMombasa.\n")
        case "updated date":
            path = "materials/nylon.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "updated: 2026-11-20", with: "updated: 2026-11-24"))
        default:
            path = "materials/polyester.md"
            try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "cost_tier: Low", with: "cost_tier: High"))
        }
        let summary = try await live.build(changed: changed(site, path), buildDate: day)
        #expect(summary.pagesWritten > 0)
        #expect(try inode(site) == folder)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    /// Side-by-side data names other pages by reference: retitling a material rewrites its kind's data and
    /// the titles, not the data of the markets and manufacturers that link to it.
    @Test func aRetitledPageRewritesOnlyItsOwnKindsSideBySideData() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        func inodes() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: ["titles", "data-materials", "data-markets", "data-manufacturers"].map { name in
                let path = site.output.appendingPathComponent("compare/\(name).js").path
                return (name, try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int))
            })
        }
        let before = try inodes()
        let path = "materials/nylon.md"
        try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        _ = try await live.build(changed: changed(site, path), buildDate: day)
        let after = try inodes()
        #expect(after["titles"] != before["titles"] && after["data-materials"] != before["data-materials"])
        #expect(after["data-markets"] == before["data-markets"] && after["data-manufacturers"] == before["data-manufacturers"])
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    /// A kind whose cards and rows show the titles its pages reference is rendered again for a retitled page
    /// and written, although nothing else on its pages can change.
    @Test func cardsAndRowsThatShowAnotherKindsTitleFollowIt() async throws {
        let site = try FixtureSite()
        let schema = "content/manufacturers/_kind.yml"
        try site.write(schema, try site.read(schema).replacingOccurrences(of: "compare: [founded, lead_time]", with: "compare: [founded, lead_time, materials]"))
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let path = "materials/nylon.md"
        try site.write("content/" + path, try site.read("content/" + path).replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        _ = try await live.build(changed: changed(site, path), buildDate: day)
        let written = try output(of: site)
        #expect(String(decoding: try #require(written["manufacturers/index.html"]), as: UTF8.self).contains("Nylon 6,6"))
        #expect(String(decoding: try #require(written["manufacturers/compare/index.html"]), as: UTF8.self).contains("Nylon 6,6"))
        #expect(try await written == cleanBuild(of: site))
    }

    @Test func successiveEditsEachEqualACleanBuild() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        for round in 1...3 {
            try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\nRound \(round).\n")
            _ = try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day)
            #expect(try await output(of: site) == cleanBuild(of: site))
        }
    }

    /// Each update builds again only the comparison rows it affects and keeps the rest, including those of
    /// kinds it does not compare, for the next: a chain of face edits across kinds checks every kept row.
    /// Serve starts on an output that is up to date, which keeps no rows until the first update makes them.
    @Test func successiveFaceEditsAcrossKindsEachEqualACleanBuild() async throws {
        let site = try FixtureSite()
        _ = try await site.site.build(into: try site.outputDirectory(), buildDate: day)
        let live = try live(site)
        #expect(try await live.build(buildDate: day).upToDate)
        let edits: [(path: String, old: String, new: String)] = [
            ("markets/kenya.md", "title: Kenya", "title: Kenya Coast"),
            ("materials/nylon.md", "title: Nylon", "title: Nylon 6,6"),
            ("manufacturers/acme-bags.md", "materials: [nylon, polyester]", "materials: [nylon]"),
            ("markets/kenya.md", "summary: East African hub.", "summary: East African port."),
            ("materials/polyester.md", "cost_tier: Low", "cost_tier: High"),
            ("materials/nylon.md", "title: Nylon 6,6", "title: Zylon"),
        ]
        for edit in edits {
            let text = try site.read("content/" + edit.path)
            #expect(text.contains(edit.old))
            try site.write("content/" + edit.path, text.replacingOccurrences(of: edit.old, with: edit.new))
            _ = try await live.build(changed: changed(site, edit.path), buildDate: day)
            #expect(try await output(of: site) == cleanBuild(of: site), "after \(edit.path): \(edit.new)")
        }
    }

    /// A start on an up-to-date output renders nothing, so it keeps no search index, comparison rows or
    /// listing cards; `prepare` makes them, and the edits after it still equal a clean build.
    @Test func preparingAnUpToDateStartKeepsTheSearchIndexComparisonsAndCards() async throws {
        let site = try FixtureSite()
        _ = try await site.site.build(into: try site.outputDirectory(), buildDate: day)
        let live = try live(site)
        #expect(try await live.build(buildDate: day).upToDate)
        #expect(await !live.isPrepared)
        await live.prepare()
        #expect(await live.isPrepared)
        // Every card and row was put through the templates once, so the first edit reuses what they rendered.
        let fragments = await live.keptFragments
        #expect(fragments.count > 0 && fragments.rendered == fragments.count)
        for (old, new) in [("title: Nylon", "title: Nylon 6,6"), ("cost_tier: High", "cost_tier: Low")] {
            try site.write("content/materials/nylon.md", try site.read("content/materials/nylon.md").replacingOccurrences(of: old, with: new))
            _ = try await live.build(changed: changed(site, "materials/nylon.md"), buildDate: day)
            #expect(try await output(of: site) == cleanBuild(of: site))
        }
        #expect(await live.isPrepared)
    }

    @Test func aRemovedCompareBlockTakesItsCSVAlong() async throws {
        let site = try FixtureSite()
        let kenya = try site.read("content/markets/kenya.md")
        try site.write("content/markets/kenya.md", kenya + "\n```compare\nkind: materials\nfields: [cost_tier]\n```\n")
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        #expect(FileManager.default.fileExists(atPath: site.output.path + "/markets/kenya-comparison-1.csv"))
        try site.write("content/markets/kenya.md", kenya)
        _ = try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day)
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/markets/kenya-comparison-1.csv"))
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test func anAddedPageGoesThroughAWholeBuild() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let folder = try inode(site)
        try site.write("content/markets/peru.md", "---\ntitle: Peru\nregion: South America\n---\nSee [Kenya](kenya.md).\n")
        _ = try await live.build(changed: changed(site, "markets/peru.md"), buildDate: day)
        #expect(try inode(site) != folder)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test func anErrorKeepsTheOutputAndTheFixSeesEveryEditSinceTheLastGoodBuild() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let before = try output(of: site)
        let kenya = try site.read("content/markets/kenya.md")
        try site.write("content/markets/kenya.md", kenya.replacingOccurrences(of: "title: Kenya", with: "title: [Kenya"))
        await #expect(throws: BuildFailure.self) { try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day) }
        // The next burst names only Germany; Kenya is still broken and must still be reported.
        try site.write("content/markets/germany.md", try site.read("content/markets/germany.md") + "\nMore.\n")
        await #expect(throws: BuildFailure.self) { try await live.build(changed: changed(site, "markets/germany.md"), buildDate: day) }
        #expect(try output(of: site) == before)
        try site.write("content/markets/kenya.md", kenya + "\nFixed.\n")
        _ = try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day)
        let after = try output(of: site)
        #expect(after == (try await cleanBuild(of: site)))
        #expect(String(decoding: after["markets/germany.html"] ?? Data(), as: UTF8.self) != String(decoding: before["markets/germany.html"] ?? Data(), as: UTF8.self))
    }

    @Test(arguments: ["[a missing page](../materials/silk.md)", "[a missing heading](#nowhere)", "```compare\nkind: silk\n```"])
    func aBodyEditThatBreaksALinkOrBlockIsAnError(addition: String) async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\n\(addition)\n")
        await #expect(throws: BuildFailure.self) { try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day) }
    }

    @Test func anEditorsTemporaryFileThatIsGoneChangesNothing() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let folder = try inode(site)
        let before = try output(of: site)
        let summary = try await live.build(changed: changed(site, "markets/4913"), buildDate: day)
        #expect(summary.pagesWritten == 0)
        #expect(try inode(site) == folder)
        #expect(try output(of: site) == before)
    }

    @Test func theCacheSavedAfterAnUpdateDescribesTheOutput() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        try site.write("content/materials/nylon.md", try site.read("content/materials/nylon.md").replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        _ = try await live.build(changed: changed(site, "materials/nylon.md"), buildDate: day)
        #expect(BuildCache.load(for: site.output) == nil)
        await live.saveCache()
        let summary = try await site.build()
        #expect(summary.upToDate)
        try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\nMore.\n")
        try await site.build()
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test func aNewDayRebuildsWhole() async throws {
        let site = try FixtureSite()
        let live = try live(site)
        _ = try await live.build(buildDate: day)
        let folder = try inode(site)
        try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\nMore.\n")
        _ = try await live.build(changed: changed(site, "markets/kenya.md"), buildDate: day.addingTimeInterval(86_400))
        #expect(try inode(site) != folder)
    }
}
