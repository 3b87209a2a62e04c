import Foundation
import Testing
@testable import SatchelCore

/// Incremental builds must produce exactly what a clean build produces, while writing only what changed.
@Suite struct IncrementalBuildTests {
    /// Builds the fixture's current content from scratch into a separate folder, without the cache.
    private func cleanBuild(of site: FixtureSite) async throws -> [String: Data] {
        let clean = site.root.appendingPathComponent("clean")
        let directory = try OutputDirectory(url: clean, displayPath: "clean", contentDirectory: site.content, projectRoot: site.root)
        _ = try await site.site.build(into: directory, buildDate: Date(timeIntervalSince1970: 1_700_000_000), useCache: false)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: clean.path)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular, path != OutputDirectory.marker {
                files[path] = try Data(contentsOf: clean.appendingPathComponent(path))
            }
        }
        try FileManager.default.removeItem(at: clean)
        return files
    }

    private func output(of site: FixtureSite) throws -> [String: Data] {
        try site.snapshotOutput().filter { $0.key != OutputDirectory.marker }
    }

    @Test func noChangeRebuildWritesNothing() async throws {
        let site = try FixtureSite()
        try await site.build()
        let inode = try FileManager.default.attributesOfItem(atPath: site.output.path)[.systemFileNumber] as? Int
        let before = try site.snapshotOutput()
        let summary = try await site.build()
        #expect(summary.upToDate)
        #expect(summary.pagesWritten == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: site.output.path)[.systemFileNumber] as? Int == inode)
        #expect(try site.snapshotOutput() == before)
    }

    @Test func bodyEditWritesOnlyTheChangedPage() async throws {
        let site = try FixtureSite()
        try await site.build()
        let before = try site.snapshotOutput()
        let acme = try site.read("content/manufacturers/acme-bags.md")
        try site.write("content/manufacturers/acme-bags.md", acme + "\nNow also in canvas.\n")
        let summary = try await site.build()
        // The page, and the search index files that hold its new words and text.
        let after = try site.snapshotOutput()
        let changed = Set(after.keys.filter { after[$0] != before[$0] && $0 != ".satchel-output" })
        #expect(changed.filter { !$0.hasPrefix("search/") } == ["manufacturers/acme-bags.html"])
        #expect(summary.pagesWritten == changed.count)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    /// What the cache tells a later build an edit reaches: a prose edit keeps the page's face (what other pages
    /// show of it), so only the page itself and the search index are rendered; a title edit reaches the pages
    /// linked with it and every shared page.
    @Test func proseEditReachesOnlyItsPageAndTitleEditItsNeighbours() async throws {
        let site = try FixtureSite()
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        try await site.build()
        func reach() async throws -> BuildInputs.Reach? {
            let content = try ContentLoader(directory: site.content, displayPath: "content").load()
            let model = try await site.site.model()
            let inputs = BuildInputs(
                content: content, themeFolders: Theme.folders(named: "plain", themesDirectory: site.root.appendingPathComponent("themes")),
                buildDate: Site.day(of: date))
            let cache = try #require(BuildCache.load(for: site.output))
            return inputs.reach(since: cache, graph: model.graph, similarity: Similarity(graph: model.graph))
        }
        let nylon = try site.read("content/materials/nylon.md")
        try site.write("content/materials/nylon.md", nylon + "\nA new paragraph of prose.\n")
        let prose = try #require(try await reach())
        #expect(prose.entities == [EntityID(kind: "materials", slug: "nylon")])
        #expect(prose.shared.kinds == [] && !prose.shared.overview)

        try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        let title = try #require(try await reach())
        #expect(title.entities.count > 1 && title.entities.contains(EntityID(kind: "markets", slug: "kenya")))
        #expect(title.shared.kinds == nil && title.shared.overview)
    }

    @Test func stylesheetEditRendersEveryPageButWritesOnlyTheStylesheet() async throws {
        let site = try FixtureSite()
        try await site.build()
        let before = try site.snapshotOutput()
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.systemFileNumber] as? Int
        }
        let kenya = try inode("markets/kenya.html")
        try site.write("themes/plain/assets/plain.css", try site.read("themes/plain/assets/plain.css") + "\nmain { margin: 0; }\n")
        let summary = try await site.build()
        let after = try site.snapshotOutput()
        let changed = Set(after.keys.filter { after[$0] != before[$0] && $0 != ".satchel-output" })
        #expect(changed == ["assets/plain.css"])
        // Theme assets are copied whole; every page is the previous output's file, linked, not written.
        #expect(summary.pagesWritten == after.keys.filter { $0.hasPrefix("assets/") }.count)
        #expect(try inode("markets/kenya.html") == kenya)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test(arguments: [
        "body", "title", "reference added", "reference removed", "file added", "file deleted", "schema", "template",
        "introduction", "updated date", "similar pages",
    ])
    func incrementalOutputEqualsCleanBuild(edit: String) async throws {
        let site = try FixtureSite()
        // Canvas is linked with nothing; only its "Compare with" links tie it to the other materials.
        try site.write("content/materials/canvas.md", "---\ntitle: Canvas\ncost_tier: High\n---\n")
        try await site.build()
        switch edit {
        case "updated date":
            try site.write("content/materials/nylon.md", try site.read("content/materials/nylon.md").replacingOccurrences(of: "updated: 2026-11-20", with: "updated: 2026-11-24"))
        case "similar pages":
            // Polyester becomes as similar to Canvas as Nylon is, without being linked with it.
            try site.write("content/materials/polyester.md", try site.read("content/materials/polyester.md").replacingOccurrences(of: "cost_tier: Low", with: "cost_tier: High"))
        case "body":
            try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\nMore.\n")
        case "title":
            try site.write("content/materials/nylon.md", try site.read("content/materials/nylon.md").replacingOccurrences(of: "title: Nylon", with: "title: Nylon 6,6"))
        case "reference added":
            try site.write("content/materials/nylon.md", try site.read("content/materials/nylon.md").replacingOccurrences(of: "markets: [kenya]", with: "markets: [kenya, germany]"))
        case "reference removed":
            try site.write("content/manufacturers/acme-bags.md", try site.read("content/manufacturers/acme-bags.md").replacingOccurrences(of: "materials: [nylon, polyester]", with: "materials: [nylon]"))
        case "file added":
            try site.write("content/markets/peru.md", "---\ntitle: Peru\nregion: South America\n---\nSee [Kenya](kenya.md).\n")
        case "file deleted":
            try site.write("content/markets/peru.md", "---\ntitle: Peru\n---\n")
            try await site.build()
            try site.remove("content/markets/peru.md")
        case "schema":
            try site.write("content/markets/_kind.yml", try site.read("content/markets/_kind.yml").replacingOccurrences(of: "plural: Markets", with: "plural: Buyer markets"))
        case "template":
            try site.write("themes/plain/templates/entity.mustache", try site.read("themes/plain/templates/entity.mustache") + "<!-- edited -->\n")
        default:
            try site.write("content/materials/_index.md", "Rewritten introduction.\n")
        }
        let summary = try await site.build()
        #expect(!summary.upToDate)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test func cacheTextIsTabSeparatedLinesSortedByKeyAndReadsBack() throws {
        let cache = BuildCache(
            buildID: "B", satchelVersion: "1.0", globalHash: ContentHash(value: 0xAB),
            entities: [
                "markets/kenya": .init(sourceHash: ContentHash(value: 1), faceHash: ContentHash(value: 0xC), neighbours: [], similar: ["markets/brazil"]),
                "materials/nylon": .init(
                    sourceHash: ContentHash(value: 0x1F), faceHash: ContentHash(value: 0xD), neighbours: ["markets/brazil", "markets/kenya"], similar: []),
            ],
            files: ["z.html": ContentHash(value: 2), "a/b.html": ContentHash(value: 3)])
        #expect(cache.text == """
            satchel-cache 4
            build	B
            version	1.0
            global	ab
            entity	markets/kenya	1	c		markets/brazil
            entity	materials/nylon	1f	d	markets/brazil markets/kenya	
            file	3	a/b.html
            file	2	z.html

            """)
        let read = try #require(BuildCache(text: cache.text))
        #expect(read.buildID == cache.buildID && read.satchelVersion == cache.satchelVersion && read.globalHash == cache.globalHash)
        #expect(read.entities == cache.entities && read.files == cache.files)
    }

    @Test func corruptCacheIsIgnored() async throws {
        let site = try FixtureSite()
        try await site.build()
        try Data("{not json".utf8).write(to: BuildCache.location(for: site.output))
        try site.write("content/markets/kenya.md", try site.read("content/markets/kenya.md") + "\nMore.\n")
        let summary = try await site.build()
        #expect(summary.pagesWritten > 10)
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    @Test func outputChangedBehindTheCacheIsRebuiltWhole() async throws {
        let site = try FixtureSite()
        try await site.build()
        try site.remove("public/markets/kenya.html")
        // A page changed by hand as well: an output that does not hold what the cache lists has none of its
        // files trusted, so this one is not linked into the new output either.
        try site.write("public/materials/nylon.html", "edited by hand")
        try site.write("content/markets/germany.md", try site.read("content/markets/germany.md") + "\nMore.\n")
        try await site.build()
        #expect(try await output(of: site) == cleanBuild(of: site))
    }

    /// The hash reads bytes in four lanes of eight, then single words, then a tail: a change of any byte, in
    /// any of those parts, must change it.
    @Test func contentHashChangesWithEveryByte() {
        let text = String(repeating: "abcdefghij", count: 7) + "xyz"
        let original = ContentHash(text)
        #expect(ContentHash(text) == original)
        var bytes = Array(text.utf8)
        for position in bytes.indices {
            bytes[position] ^= 0x01
            #expect(ContentHash(String(decoding: bytes, as: UTF8.self)) != original, "byte \(position)")
            bytes[position] ^= 0x01
        }
        var joined = ContentHash()
        joined.combine("ab")
        joined.combine("c")
        var split = ContentHash()
        split.combine("a")
        split.combine("bc")
        #expect(joined != split)
    }
}

