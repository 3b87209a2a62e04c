import Foundation
import Testing
@testable import SatchelCore

/// Themes that extend another theme, per-kind templates, and the view data the default theme's pages use:
/// similar pages to compare with and the built-in `updated` date.
@Suite struct ThemeTests {
    /// The fixture with a theme `child` that extends `plain` and holds only `files`.
    private func childTheme(_ files: [String: String]) throws -> FixtureSite {
        let site = try FixtureSite()
        for (path, text) in files { try site.write("themes/child/\(path)", text) }
        return site
    }

    private func build(_ site: FixtureSite, theme: String) async throws {
        var project = site.site
        project.themeName = theme
        _ = try await project.build(into: try site.outputDirectory(), buildDate: Date(timeIntervalSince1970: 1_700_000_000))
    }

    private func errors(_ site: FixtureSite, theme: String) async -> [String] {
        var project = site.site
        project.themeName = theme
        do {
            _ = try await project.check()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aThemeOverridesOnePartialAndInheritsTheRest() async throws {
        let site = try childTheme([
            "theme.yml": "extends: plain\n",
            "templates/layout-top.mustache": "<!DOCTYPE html><html lang=\"{{lang}}\"><head><title>{{page_title}}</title></head><body class=\"child\">\n",
        ])
        try await build(site, theme: "child")
        let nylon = try site.read("public/materials/nylon.html")
        #expect(nylon.hasPrefix("<!DOCTYPE html><html lang=\"en\"><head><title>Nylon</title></head><body class=\"child\">\n<h1>Nylon</h1>"))
        let plain = try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("catalog/expected/materials/nylon.html"), encoding: .utf8)
        #expect(nylon.components(separatedBy: "<h1>").last == plain.components(separatedBy: "<h1>").last)
        #expect(try site.read("public/assets/plain.css") == site.read("themes/plain/assets/plain.css"))
    }

    @Test func aThemesAssetReplacesItsParentsAndAddsToThem() async throws {
        let site = try childTheme([
            "theme.yml": "extends: plain\n",
            "assets/plain.css": "body { color: teal; }\n",
            "assets/extra/child.js": "// child\n",
        ])
        try await build(site, theme: "child")
        #expect(try site.read("public/assets/plain.css") == "body { color: teal; }\n")
        #expect(try site.read("public/assets/extra/child.js") == "// child\n")
    }

    @Test func anUnknownParentIsReportedAtItsName() async throws {
        let site = try childTheme(["theme.yml": "extends: plian\n"])
        #expect(await errors(site, theme: "child") == [
            "themes/child/theme.yml:1:10: error: theme 'child' extends unknown theme 'plian': no folder themes/plian (did you mean 'plain'?)",
        ])
    }

    @Test func themesThatExtendEachOtherAreACycle() async throws {
        let site = try childTheme(["theme.yml": "extends: other\n"])
        try site.write("themes/other/theme.yml", "extends: child\n")
        #expect(await errors(site, theme: "child") == [
            "themes/other/theme.yml:1:10: error: themes extend each other in a cycle: child → other → child",
        ])
    }

    @Test func anUnknownKeyOfThemeYmlIsReported() async throws {
        let site = try childTheme(["theme.yml": "extend: plain\n"])
        #expect(await errors(site, theme: "child") == [
            "themes/child/theme.yml:1:1: error: unknown key 'extend' in theme.yml (did you mean 'extends'?)",
        ])
    }

    @Test func aThemeWithoutParentMustHaveEveryTemplate() async throws {
        let site = try childTheme(["templates/home.mustache": "home\n"])
        let errors = await errors(site, theme: "child")
        #expect(errors.count == Theme.requiredTemplates.count - 1)
        #expect(errors.first == "themes/child/templates:1:1: error: theme 'child' lacks the template '404.mustache'")
    }

    @Test func editingTheParentThemeRebuildsTheChildsPages() async throws {
        let site = try childTheme(["theme.yml": "extends: plain\n"])
        try await build(site, theme: "child")
        try site.write("themes/plain/templates/entity.mustache", try site.read("themes/plain/templates/entity.mustache") + "<!-- edited -->\n")
        try await build(site, theme: "child")
        #expect(try site.read("public/materials/nylon.html").hasSuffix("<!-- edited -->\n"))
    }

    @Test func aKindsOwnTemplatesAreUsedForItsPagesOnly() async throws {
        let site = try FixtureSite()
        try site.write("themes/plain/templates/entity-markets.mustache", "market {{title}} of {{kind.plural}}\n")
        try site.write("themes/plain/templates/kind-markets.mustache", "{{#entities}}{{title}};{{/entities}}\n")
        try await site.build()
        #expect(try site.read("public/markets/kenya.html") == "market Kenya of Markets\n")
        #expect(try site.read("public/markets/index.html") == "Germany;Kenya;\n")
        #expect(try site.read("public/materials/nylon.html").contains("<h1>Nylon</h1>"))
        #expect(try site.read("public/materials/index.html").contains("<h1>Materials</h1>"))
    }

    @Test func similarPagesShareReferencesAndEnumValuesTiesByTitle() async throws {
        let site = try FixtureSite()
        try site.write("content/materials/cotton.md", "---\ntitle: Cotton\ncost_tier: Low\nmarkets: [kenya, germany]\n---\n")
        try site.write("content/materials/canvas.md", "---\ntitle: Canvas\ncost_tier: Medium\nmarkets: [germany]\n---\n")
        try site.write("content/materials/jute.md", "---\ntitle: Jute\ncost_tier: Medium\n---\n")
        try site.write("themes/plain/templates/entity-materials.mustache", "{{#similar}}{{title}} {{{compare_url}}}\n{{/similar}}")
        try await site.build()
        // Polyester (Low; kenya, germany): Cotton shares all three, Canvas and Nylon one each (a tie, by title).
        #expect(try site.read("public/materials/polyester.html") == """
            Cotton ../compare/index.html?kind=materials&ids=polyester,cotton
            Canvas ../compare/index.html?kind=materials&ids=polyester,canvas
            Nylon ../compare/index.html?kind=materials&ids=polyester,nylon

            """)
        #expect(try site.read("public/materials/jute.html") == "Canvas ../compare/index.html?kind=materials&ids=jute,canvas\n")
    }

    @Test func similarityCapsCandidatesButKeepsTheBest() throws {
        // 600 pages share one common enum value; pages 0 and 1 also share a rare reference.
        let schema = KindSchema(
            name: "items", singular: "Item", plural: "Items", description: "",
            fields: [
                FieldSpec(
                    key: "tier", label: "Tier", type: .enumeration(["A", "B"]), isRequired: false, description: nil,
                    inverseLabel: nil, isCharted: false, location: SourceLocation(file: "items/_kind.yml")),
                FieldSpec(
                    key: "origin", label: "Origin", type: .ref(kind: "items"), isRequired: false, description: nil,
                    inverseLabel: nil, isCharted: false, location: SourceLocation(file: "items/_kind.yml")),
            ],
            compareKeys: [], location: SourceLocation(file: "items/_kind.yml"))
        let entities = (0..<600).map { index in
            var values: [String: FieldValue] = ["tier": .enumeration("A", rank: 0)]
            if index < 2 { values["origin"] = .ref("item-599", at: SourceLocation(file: "x")) }
            return Entity(
                id: EntityID(kind: "items", slug: "item-\(index)"), title: String(format: "Item %03d", index), summary: nil,
                values: values, valueLocations: [:], body: MarkdownDocument("", allowsRawHTML: false), sourcePath: "x")
        }
        let (graph, _) = ContentGraph.build(entities: entities, schemas: [schema], introductions: [:], invalid: [])
        let similarity = Similarity(graph: graph)
        #expect(similarity[EntityID(kind: "items", slug: "item-0")].map(\.slug) == ["item-1", "item-2", "item-3"])
        #expect(similarity[EntityID(kind: "items", slug: "item-500")].count == Similarity.limit)
    }

    @Test func similarityTakesUnchangedKindsFromThePreviousResult() throws {
        // Two kinds of 40 pages; three tiers spread the pages so that each has similar pages.
        func schema(_ name: String) -> KindSchema {
            KindSchema(
                name: name, singular: name, plural: name, description: "",
                fields: [
                    FieldSpec(
                        key: "tier", label: "Tier", type: .enumeration(["A", "B", "C"]), isRequired: false, description: nil,
                        inverseLabel: nil, isCharted: false, location: SourceLocation(file: "\(name)/_kind.yml")),
                ],
                compareKeys: [], location: SourceLocation(file: "\(name)/_kind.yml"))
        }
        func graph(renaming renamed: String?, retiering retiered: String?) -> ContentGraph {
            let entities = ["items", "parts"].flatMap { kind in
                (0..<40).map { index in
                    let slug = "\(kind)-\(index)"
                    let tier = slug == retiered ? "C" : ["A", "B", "C"][index % 3]
                    return Entity(
                        id: EntityID(kind: kind, slug: slug), title: slug == renamed ? "Zed" : String(format: "Page %03d", index),
                        summary: nil, values: ["tier": .enumeration(tier, rank: 0)], valueLocations: [:],
                        body: MarkdownDocument("", allowsRawHTML: false), sourcePath: "x")
                }
            }
            return ContentGraph.build(entities: entities, schemas: [schema("items"), schema("parts")], introductions: [:]).0
        }
        let before = Similarity(graph: graph(renaming: nil, retiering: nil))
        // items-0 moves to the end of its kind (ties go by title order) and items-4 changes tier.
        let after = graph(renaming: "items-0", retiering: "items-4")
        let reused = Similarity(graph: after, reusing: before, except: ["items"])
        #expect(reused.similar == Similarity(graph: after).similar)
        #expect(reused.similar != before.similar)
        // A kind not named is taken as it was, even where it would differ now.
        let stale = Similarity(graph: graph(renaming: nil, retiering: "parts-4"), reusing: before, except: ["items"])
        #expect(stale.similar == before.similar)
    }

    @Test func homeListsRecentlyUpdatedPagesNewestFirstTiesByTitle() async throws {
        let site = try FixtureSite()
        for (file, date) in [("materials/nylon", "2026-01-05"), ("materials/polyester", "2026-03-01"), ("markets/kenya", "2026-01-05")] {
            let text = try site.read("content/\(file).md").replacingOccurrences(of: "updated: 2026-11-20\n", with: "")
            try site.write("content/\(file).md", text.replacingOccurrences(of: "---\ntitle:", with: "---\nupdated: \(date)\ntitle:"))
        }
        try site.write("themes/plain/templates/home.mustache", "{{#recent}}{{title}} ({{kind}}) {{updated}} {{url}}\n{{/recent}}")
        try await site.build()
        #expect(try site.read("public/index.html") == """
            Polyester (Material) 2026-03-01 materials/polyester.html
            Kenya (Market) 2026-01-05 markets/kenya.html
            Nylon (Material) 2026-01-05 materials/nylon.html

            """)
    }

    @Test func anInvalidUpdatedDateIsReportedAtItsValue() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/germany.md", "---\ntitle: Germany\nupdated: 2026-02-30\n---\n")
        #expect(await site.errors() == [
            "content/markets/germany.md:3:10: error: field 'updated' expects a date written YYYY-MM-DD, found '2026-02-30'",
        ])
    }
}
