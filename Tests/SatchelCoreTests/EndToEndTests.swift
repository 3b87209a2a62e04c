import Foundation
import Testing
@testable import SatchelCore

/// Builds the bundled catalog with the default theme and checks the result the way a reader would use it.
@Suite struct EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func buildBundledSite() async throws -> (URL, BuildSummary) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-e2e-\(UUID().uuidString)")
        let site = Site(
            contentDirectory: Self.repository.appendingPathComponent("content"), contentDisplayPath: "content",
            themesDirectory: Self.repository.appendingPathComponent("themes"), themesDisplayPath: "themes")
        let directory = try OutputDirectory(
            url: output, displayPath: "public", contentDirectory: site.contentDirectory, projectRoot: Self.repository)
        return (output, try await site.build(into: directory))
    }

    @Test func bundledCatalogBuildsWithoutWarnings() async throws {
        let (_, summary) = try await buildBundledSite()
        #expect(summary.warnings.isEmpty)
        #expect(summary.pagesWritten > 100)
    }

    @Test func everyInternalLinkAndAnchorResolvesAndNothingIsRemote() async throws {
        let (output, _) = try await buildBundledSite()
        let report = try LinkChecker(root: output, displayPath: "public").check()
        #expect(report.problems.map(\.description) == [])
        #expect(report.externalLinks == [])
        #expect(report.linksChecked > 1000)
    }

    @Test func linkCheckerFindsBrokenLinksAnchorsAndRootRelativeURLs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<p id=\"x\"></p>".utf8).write(to: root.appendingPathComponent("a/index.html"))
        try Data("""
            <a href="a/index.html#x">ok</a> <a href="a/index.html#y">anchor</a>
            <a href="b/index.html">missing</a> <a href="/a/index.html">root</a> <a href="a/">folder</a>
            <img src="https://cdn.example/x.png">
            """.utf8).write(to: root.appendingPathComponent("index.html"))
        let report = try LinkChecker(root: root, displayPath: "site").check()
        #expect(report.problems.map(\.description) == [
            "site/index.html:1:42: error: broken anchor 'a/index.html#y': a/index.html has no id 'y'",
            "site/index.html:2:10: error: broken link 'b/index.html': no file b/index.html",
            "site/index.html:2:45: error: root-relative link '/a/index.html' breaks when the site is opened from disk",
            "site/index.html:2:78: error: link 'a/' names a folder; from disk it must name a file such as index.html",
            "site/index.html:3:11: error: remote resource 'https://cdn.example/x.png': the site must work offline",
        ])
    }

    /// An attribute's entities are decoded once, as a browser decodes them: `&amp;lt;` is the text `&lt;`.
    @Test func linkCheckerDecodesAttributeEntitiesInOnePass() {
        #expect(LinkChecker.decodeEntities("a.html?x=1&amp;y=2") == "a.html?x=1&y=2")
        #expect(LinkChecker.decodeEntities("&amp;lt;&quot;&#39;&gt;&unknown; & end&") == "&lt;\"'>&unknown; & end&")
        #expect(LinkChecker.decodeEntities("plain.html#x") == "plain.html#x")
    }

    /// Columns count Unicode scalars from the line's start, whatever the bytes and lines before the link.
    @Test func linkCheckerPlacesProblemsAfterMultiByteTextAndManyLines() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let filler = String(repeating: "<p>Crème brûlée 🎒</p>\n", count: 500)
        try Data((filler + "<p>Élan 🎒 <a href=\"gone.html\">x</a> <a href='also-gone.html'>y</a></p>\n").utf8)
            .write(to: root.appendingPathComponent("index.html"))
        let report = try LinkChecker(root: root, displayPath: "site").check()
        #expect(report.problems.map(\.description) == [
            "site/index.html:501:20: error: broken link 'gone.html': no file gone.html",
            "site/index.html:501:46: error: broken link 'also-gone.html': no file also-gone.html",
        ])
    }
}
