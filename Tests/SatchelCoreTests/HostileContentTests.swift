import Foundation
import Testing
@testable import SatchelCore

/// Hostile strings in every place content can put them — site and schema settings, titles, field values,
/// enum values, units, labels, headings, bodies, links — never reach a reader unescaped: every file of the
/// output (pages, search index, comparison data and CSV) is scanned for the raw payloads.
@Suite struct HostileContentTests {
    private static let hostile = BadInputCase.corpus.appendingPathComponent("_hostile")
    private let market = EntityID(kind: "markets", slug: "hostile-market")

    /// The base site with the hostile pages and settings laid over it, built with the default theme.
    private func buildHostileSite(rawHTML: Bool) async throws -> [String: Data] {
        let project = try BadInputCase.baseProject()
        try BadInputCase(name: "_hostile").breakProject(project)
        if rawHTML {
            try project.write("content/_site.yml", try project.read("content/_site.yml") + "raw_html: true\n")
            // With raw HTML on, an event handler written as HTML is the writer's own markup, passed through
            // by design; everything else must still be neutralised.
            let page = "content/markets/hostile-market.md"
            try project.write(page, try project.read(page).replacingOccurrences(of: "<img src=x onerror=\"alert('XSS-body-image')\">\n", with: ""))
        }
        let summary = try await project.siteWithConfiguredTheme.build(into: try project.outputDirectory(), buildDate: Date(timeIntervalSince1970: 0))
        #expect(summary.warnings.isEmpty)
        return try project.snapshotOutput()
    }

    @Test func noPayloadAppearsUnescapedInAnyOutputFile() async throws {
        let files = try await buildHostileSite(rawHTML: false)
        #expect(HostileScan.problems(in: files) == [])
        // The payloads did reach the output, as text.
        let page = String(decoding: try #require(files[SitePaths.entity(market)]), as: UTF8.self)
        #expect(page.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;XSS-title&#39;)&lt;/script&gt;&quot; onmouseover=&quot;"))
        #expect(page.contains("&lt;b onclick=alert(&#39;XSS-region&#39;)&gt;bold&lt;/b&gt;"))
        #expect(page.contains("<!-- raw HTML omitted -->alert('XSS-body')<!-- raw HTML omitted -->"))
        #expect(files.keys.contains { $0.hasSuffix(".js") && $0.hasPrefix("search/") }, "no search index was scanned")
    }

    @Test func withRawHTMLScriptsAndScriptLinksAreStillNeutralised() async throws {
        let files = try await buildHostileSite(rawHTML: true)
        #expect(HostileScan.problems(in: files) == [])
        let page = String(decoding: try #require(files[SitePaths.entity(market)]), as: UTF8.self)
        #expect(page.contains("&lt;script>alert('XSS-body')&lt;/script>"), "the tagfilter did not run")
        #expect(page.contains("<a href=\"\">click</a>"))
        #expect(page.contains("<img src=\"\" alt=\"image\" />"))
    }

    @Test(arguments: [
        "<p><script>alert('x')</script></p>", "<a title=\"\" onmouseover=\"alert(1)\">", "<a href=\"JavaScript:alert(1)\">",
        "<img src= 'vbscript:x'>", "<iframe src=x>",
    ])
    func scanFindsRawPayloads(_ html: String) {
        #expect(HostileScan.problems(in: ["page.html": Data(html.utf8)]).count >= 1)
    }

    @Test func scanFindsAFieldThatBrokeOutOfItsCSVColumn() {
        let csv = "Title,Region\r\n\"Quoted, fine\",Europe\r\nUnquoted, comma,Asia\r\n"
        #expect(HostileScan.problems(in: ["kind.csv": Data(csv.utf8)]) == ["kind.csv: records of different widths [2, 3]"])
        #expect(HostileScan.problems(in: ["kind.csv": Data("A,B\r\n\"<script>alert(1)</script>\",\"say \"\"hi\"\"\"\r\n".utf8)]) == [])
    }

    @Test(arguments: [
        ("javascript:alert(1)", true), ("JAVASCRIPT:alert(1)", true), (" \tjava\nscript:x", true), ("vbscript:x", true),
        ("file:///etc/passwd", true), ("data:text/html,x", true), ("data:image/png;base64,AAAA", false),
        ("https://example.com/javascript:x", false), ("../markets/kenya.md", false), ("mailto:a@example.com", false),
    ])
    func unsafeURLRuleMatchesCmarkSafeMode(_ url: String, unsafe: Bool) {
        #expect(UnsafeURL.isUnsafe(url) == unsafe)
    }
}
