import Foundation
import Testing
@testable import SatchelCore

/// Input that looks odd but is valid: it must build, and the output must be what the plain form gives.
@Suite struct ToleratedInputTests {
    private static let buildDate = Date(timeIntervalSince1970: 1_700_000_000)

    private static let peruPage = SitePaths.entity(EntityID(kind: "markets", slug: "peru"))

    private static let peru = """
        ---
        title: Peru
        summary: Alpaca country.
        region: Americas
        documents:
          - CO
          - SPS
        notes: Ships like [Kenya](kenya.md).
        ---
        Peru makes alpaca bags.

        ## Buyers

        - Lima
        - Cusco

        See [buyers](#buyers) and [Nylon](../materials/nylon.md#strengths).

        """

    /// Builds a project and returns its output, without the marker file (it names the build, so it differs
    /// between any two builds).
    private func build(_ project: FixtureSite) async throws -> [String: Data] {
        _ = try await project.siteWithConfiguredTheme.build(into: try project.outputDirectory(), buildDate: Self.buildDate)
        var files = try project.snapshotOutput()
        files[OutputDirectory.marker] = nil
        return files
    }

    /// Rewrites a file of the project with a byte order mark and the given line end.
    private func convert(_ project: FixtureSite, _ path: String, lineEnd: String) throws {
        let text = try project.read(path).replacingOccurrences(of: "\n", with: lineEnd)
        try project.writeBytes(path, [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    }

    @Test func crlfAndCRLineEndsAndByteOrderMarksBuildLikeThePlainFiles() async throws {
        let plain = try BadInputCase.baseProject()
        try plain.write("content/markets/peru.md", Self.peru)
        let converted = try BadInputCase.baseProject()
        try converted.write("content/markets/peru.md", Self.peru)
        for path in ["content/_site.yml", "content/markets/_kind.yml", "content/markets/peru.md", "content/materials/nylon.md"] {
            try convert(converted, path, lineEnd: "\r\n")
        }
        try convert(converted, "content/markets/kenya.md", lineEnd: "\r")
        let expected = try await build(plain)
        #expect(expected[Self.peruPage] != nil)
        #expect(try await build(converted) == expected)
    }

    @Test func errorsInCRLFFilesWithByteOrderMarkPointAtTheLineAnEditorShows() async throws {
        let project = try BadInputCase.baseProject()
        try project.writeBytes("content/markets/peru.md", [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Peru\r\nregion: [x]\r\n---\r\n".utf8))
        #expect(await project.errors(of: project.siteWithConfiguredTheme) == ["content/markets/peru.md:3:9: error: field 'region' expects a string, found a list"])
    }

    @Test func fiveMegabytePageBuilds() async throws {
        let project = try BadInputCase.baseProject()
        defer { try? FileManager.default.removeItem(at: project.root) }
        var body = ""
        var section = 0
        while body.utf8.count < 5 * 1024 * 1024 {
            section += 1
            body += "## Section \(section)\n\nParagraph \(section) compares [Nylon](../materials/nylon.md#strengths) with "
            body += "[Kenya](kenya.md) and [the start](#section-1). " + String(repeating: "Alpaca wool bag. ", count: 40) + "\n\n"
            body += "| Grade | Weight |\n| --- | --- |\n| \(section)D | \(section * 10) g |\n\n"
        }
        try project.write("content/markets/peru.md", "---\ntitle: Peru\n---\n" + body + "Last paragraph.\n")
        let files = try await build(project)
        let html = String(decoding: try #require(files[Self.peruPage]), as: UTF8.self)
        #expect(html.utf8.count > 5 * 1024 * 1024)
        #expect(html.contains("<h2 id=\"section-\(section)\">"))
        #expect(html.contains("<p>Last paragraph.</p>"))
        let nylon = try #require(SitePaths.href(
            for: .entity(EntityID(kind: "materials", slug: "nylon"), fragment: "strengths"), depth: SitePaths.depth(of: Self.peruPage)))
        #expect(html.components(separatedBy: "href=\"\(nylon)\"").count == section + 1)
    }

    @Test func deeplyNestedListsQuotesAndEmphasisBuild() async throws {
        let project = try BadInputCase.baseProject()
        let depth = 1000
        var body = ""
        for level in 0..<depth { body += String(repeating: "  ", count: level) + "- level \(level)\n" }
        body += "\n" + String(repeating: "> ", count: depth) + "innermost quote\n\n"
        body += String(repeating: "*", count: depth) + "emphasis" + String(repeating: "*", count: depth) + "\n\n"
        body += String(repeating: "[", count: depth) + "brackets" + String(repeating: "]", count: depth) + "\n"
        try project.write("content/markets/peru.md", "---\ntitle: Peru\n---\n" + body)
        let files = try await build(project)
        let html = String(decoding: try #require(files[Self.peruPage]), as: UTF8.self)
        #expect(html.contains("innermost quote"))
        #expect(html.contains("level \(depth - 1)"))
        for tag in ["blockquote", "ul", "li", "em", "strong"] {
            let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == html.components(separatedBy: "</\(tag)>").count - 1, "unbalanced <\(tag)>")
        }
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == depth)
    }

    @Test func titlesAndHeadingsInOtherScriptsBuildAndTheirAnchorsResolve() async throws {
        let project = try BadInputCase.baseProject()
        let titles = ["Москва", "東京", "القاهرة", "São Paulo", "Ελλάδα 🎒"]
        try project.write("content/markets/peru.md", """
            ---
            title: "\(titles.joined(separator: " · "))"
            summary: Ünïcödé — “quotes” and ‘more’.
            region: Südamerika
            ---
            ## Über uns

            ## Рынок

            See [Über uns](#über-uns) and [Рынок](#рынок).
            """)
        try project.write("content/markets/germany.md", "---\ntitle: Deutschland\n---\nSee [the market](peru.md#рынок).\n")
        let files = try await build(project)
        let html = String(decoding: try #require(files[Self.peruPage]), as: UTF8.self)
        #expect(html.contains("<h1>\(titles.joined(separator: " · "))</h1>"))
        #expect(html.contains("<h2 id=\"über-uns\">"))
        #expect(html.contains("<h2 id=\"рынок\">"))
        let report = try LinkChecker(root: project.output, displayPath: "public").check()
        #expect(report.problems.map(\.description) == [])
    }
}
