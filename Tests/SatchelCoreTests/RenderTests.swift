import Foundation
import Testing
@testable import SatchelCore

@Suite struct RenderTests {
    @Test(arguments: [
        "index.html", "materials/index.html", "materials/nylon.html", "markets/kenya.html",
        "manufacturers/acme-bags.html",
    ])
    func rendersFixtureSiteAsExpected(page: String) async throws {
        let site = try FixtureSite()
        try await site.build()
        let expected = try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("catalog/expected/\(page)"), encoding: .utf8)
        #expect(try site.read("public/\(page)") == expected)
    }

    /// Cards share one box of values; two built apart are still equal by their values, and any value apart
    /// makes them differ, so a kept card is reused only for an equal one.
    @Test func cardsBuiltApartCompareByTheirValues() {
        func card(title: String = "Nylon", fact: String = "High", slug: String = "nylon") -> EntityCardView {
            EntityCardView(
                link: LinkView(title: title, url: "materials/nylon.html", summary: nil),
                facts: [FactView(key: "cost", label: "Cost", html: fact)], slug: slug)
        }
        let kept = card()
        #expect(kept == kept && card() == kept)
        #expect(card(title: "Nylon 6,6") != kept && card(fact: "Low") != kept && card(slug: "nylon-6") != kept)
        #expect(card().link.title == "Nylon" && card().facts.map(\.html) == ["High"])
    }

    @Test func writesEveryPageAndCopiesAssets() async throws {
        let site = try FixtureSite()
        let summary = try await site.build()
        let files = Set(try site.snapshotOutput().keys)
        let search = files.filter { $0.hasPrefix("search/") }
        #expect(summary.pagesWritten == 23 + search.count)
        #expect(summary.assetsCopied == 1)
        #expect(search.isSuperset(of: ["search/index.html", "search/meta.js", "search/postings-0.js", "search/terms-n.js", "search/docs-0.js"]))
        #expect(files.subtracting(search) == [
            ".satchel-output", "404.html", "index.html", "assets/plain.css",
            "materials/index.html", "materials/nylon.html", "materials/polyester.html",
            "markets/index.html", "markets/kenya.html", "markets/germany.html",
            "manufacturers/index.html", "manufacturers/acme-bags.html",
            "materials/compare/index.html", "materials/compare/materials.csv", "markets/compare/index.html",
            "markets/compare/markets.csv", "manufacturers/compare/index.html", "manufacturers/compare/manufacturers.csv",
            "compare/index.html", "compare/data-materials.js", "compare/data-markets.js", "compare/data-manufacturers.js",
            "compare/titles.js",
            "map/index.html",
        ])
    }

    @Test func escapesHostileTitlesAndValues() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/evil.md", """
            ---
            title: "</title><script>alert(1)</script>"
            summary: "<img src=x onerror=alert(1)> 'quoted' \\"double\\""
            region: "<b>bold</b>"
            ---
            [click](javascript:alert(1)) <script>alert(2)</script>
            """)
        try await site.build()
        let html = try site.read("public/markets/evil.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test func reportsTemplateSyntaxErrors() async throws {
        let site = try FixtureSite()
        try site.write("themes/plain/templates/kind.mustache", "{{> layout-top}}\n{{#entities}}\n{{title}}\n")
        try site.write("themes/plain/templates/404.mustache", "{{> layout-top}}\n{{/kinds}}\n")
        #expect(await site.errors() == [
            "themes/plain/templates/404.mustache:2:1: error: template syntax error: closing tag '{{/kinds}}' has no open section",
            "themes/plain/templates/kind.mustache:2:1: error: template syntax error: section 'entities' is never closed: expected '{{/entities}}'",
        ])
    }

    @Test func reportsMissingPartialsWithSuggestion() async throws {
        let site = try FixtureSite()
        try site.write("themes/plain/templates/kind.mustache", "{{> layout-top}}\n  {{> layout-tops}}\n")
        #expect(await site.errors() == [
            "themes/plain/templates/kind.mustache:2:3: error: missing partial 'layout-tops': no layout-tops.mustache in themes/plain/templates (did you mean 'layout-top'?)",
        ])
    }

    @Test func reportsMissingTheme() async throws {
        let site = try FixtureSite()
        let other = Site(
            contentDirectory: site.content, contentDisplayPath: "content",
            themesDirectory: site.root.appendingPathComponent("themes"), themesDisplayPath: "themes", themeName: "plian")
        await #expect(throws: BuildFailure.self) { try await other.check() }
        do {
            _ = try await other.check()
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "themes/plian:1:1: error: theme 'plian' not found: no folder themes/plian/templates (did you mean 'plain'?)",
            ])
        }
    }
}
