import Foundation
import Testing
@testable import SatchelCore

/// The pictures stage: relation maps, the catalog map, field charts and reference matrices, computed from the
/// fixture catalog (materials nylon and polyester, markets kenya and germany, manufacturer acme-bags).
@Suite struct PicturesTests {
    private func graph(of site: FixtureSite) async throws -> ContentGraph {
        try await site.site.model().graph
    }

    private func entity(_ id: String, in graph: ContentGraph) throws -> Entity {
        let entityID = try #require(EntityID(id))
        return try #require(graph.entity(entityID))
    }

    /// The chart of the field `key` of `kind`, with links for a comparison page (two folders deep).
    private func fieldChart(_ key: String, of kind: String, in graph: ContentGraph) throws -> FieldChart? {
        let schema = try #require(graph.schema(kind))
        let field = try #require(schema.field(key))
        return FieldChart(field: field, schema: schema, entities: graph.entities(of: kind), depth: 2)
    }

    /// Marks as drawn: positions in percent with one decimal, as the SVG writes them.
    private func drawn(_ chart: FieldChart) -> [String] {
        chart.rows.map { row in
            switch row.mark {
            case .bar(let from, let to): "bar \(SVGWriter.number(from))–\(SVGWriter.number(to))"
            case .dot(let at): "dot \(SVGWriter.number(at))"
            }
        }
    }

    /// The `href`s inside the first `<svg class="…name…">` element of `html`.
    private func svgLinks(_ html: String, className: String) throws -> [String] {
        let start = try #require(html.range(of: "<svg class=\"picture \(className)"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = html[start.lowerBound..<end.upperBound]
        return svg.matches(of: /href="([^"]*)"/).map { String($0.1) }
    }

    /// Resolves `href` against the output-relative `page` and checks the file exists in the site's output.
    private func resolves(_ href: String, from page: String, in site: FixtureSite) -> Bool {
        let base = site.output.appendingPathComponent(page).deletingLastPathComponent()
        let target = URL(fileURLWithPath: href, relativeTo: base).standardizedFileURL
        return target.path.hasPrefix(site.output.standardizedFileURL.path) && FileManager.default.fileExists(atPath: target.path)
    }

    /// Adds `count` markets named by nylon, so its relation map has more markets than it draws.
    private func addMarkets(_ count: Int, to site: FixtureSite) throws -> [String] {
        let slugs = (1...count).map { String(format: "market-%02d", $0) }
        for slug in slugs {
            try site.write("content/markets/\(slug).md", "---\ntitle: Market \(slug.suffix(2))\nregion: Test\n---\nA market.\n")
        }
        let nylon = try site.read("content/materials/nylon.md")
        try site.write("content/materials/nylon.md", nylon.replacingOccurrences(
            of: "markets: [kenya]", with: "markets: [kenya, \(slugs.joined(separator: ", "))]"))
        return slugs
    }

    @Test func relationMapGroupsNeighboursByKindInGraphOrder() async throws {
        let graph = try await graph(of: FixtureSite())
        let map = try #require(RelationMap(entity: try entity("materials/nylon", in: graph), graph: graph, nodes: RelationMapNodes(graph: graph), depth: 1))
        #expect(map.groups.map(\.kind) == ["materials", "markets", "manufacturers"])
        #expect(map.groups.map { $0.nodes.map(\.title) } == [["Polyester"], ["Kenya"], ["Acme Bags"]])
        // Nylon links to Polyester and Kenya; Polyester's body does not link back, Acme Bags names Nylon.
        #expect(map.groups.flatMap(\.nodes).map(\.direction) == [.outgoing, .outgoing, .incoming])
        #expect(map.groups.flatMap(\.nodes).map(\.href) == ["../materials/polyester.html", "../markets/kenya.html", "../manufacturers/acme-bags.html"])
    }

    @Test func relationMapIsTheSameForTheSameContent() async throws {
        let first = try await graph(of: FixtureSite())
        let second = try await graph(of: FixtureSite())
        for id in ["materials/nylon", "markets/kenya", "manufacturers/acme-bags"] {
            let a = RelationMap(entity: try entity(id, in: first), graph: first, nodes: RelationMapNodes(graph: first), depth: 1)
            let b = RelationMap(entity: try entity(id, in: second), graph: second, nodes: RelationMapNodes(graph: second), depth: 1)
            #expect(a != nil)
            #expect(a == b)
            #expect(a?.svg == b?.svg)
        }
        #expect(CatalogMap(graph: first, depth: 1).svg == CatalogMap(graph: second, depth: 1).svg)
    }

    @Test func relationMapDrawsAtMostTwelvePerKindAndCountsTheRest() async throws {
        let site = try FixtureSite()
        try addMarkets(15, to: site)
        let graph = try await graph(of: site)
        let map = try #require(RelationMap(entity: try entity("materials/nylon", in: graph), graph: graph, nodes: RelationMapNodes(graph: graph), depth: 1))
        let markets = try #require(map.groups.first { $0.kind == "markets" })
        #expect(markets.nodes.count == RelationMap.perKindLimit)
        #expect(markets.hidden == 16 - RelationMap.perKindLimit)
        #expect(markets.header == "Markets (16)")
        // In title order: Kenya, then markets 01 to 11; Germany is not a neighbour of nylon.
        #expect(markets.nodes.map(\.title) == ["Kenya"] + (1...11).map { String(format: "Market %02d", $0) })
        #expect(map.svg.contains("+4 more, listed below"))
    }

    @Test func relationMapHasNoPictureForAPageWithoutNeighbours() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/lonely.md", "---\ntitle: Lonely\n---\nNo links.\n")
        let graph = try await graph(of: site)
        #expect(RelationMap(entity: try entity("markets/lonely", in: graph), graph: graph, nodes: RelationMapNodes(graph: graph), depth: 1) == nil)
    }

    @Test func relationMapLinksResolveInTheBuiltSite() async throws {
        let site = try FixtureSite()
        try await site.build()
        for page in ["materials/nylon.html", "markets/kenya.html", "manufacturers/acme-bags.html"] {
            let links = try svgLinks(try site.read("public/\(page)"), className: "relation-map")
            #expect(!links.isEmpty)
            for href in links {
                #expect(!href.hasPrefix("/") && !href.contains("://"), "\(href) on \(page) is not relative")
                #expect(resolves(href, from: page, in: site), "\(href) on \(page) does not resolve")
            }
        }
    }

    @Test func longTitlesAreShortenedWithTheFullTitleInATooltip() async throws {
        let site = try FixtureSite()
        let long = "An exceptionally long market name that cannot fit in a box"
        try site.write("content/markets/long.md", "---\ntitle: \(long)\n---\nSee [Nylon](../materials/nylon.md).\n")
        let graph = try await graph(of: site)
        let map = try #require(RelationMap(entity: try entity("materials/nylon", in: graph), graph: graph, nodes: RelationMapNodes(graph: graph), depth: 1))
        let node = try #require(map.groups.flatMap(\.nodes).first { $0.title == long })
        #expect(node.label.hasSuffix("…"))
        #expect(PictureLabel.estimatedEms(node.label) * RelationMap.fontSize <= RelationMap.nodeWidth - 14)
        #expect(map.svg.contains("<title>\(long)</title>"))
    }

    @Test func asciiLabelsAreMeasuredAndCutAsCharacters() {
        // ASCII text is measured by bytes; an accent at the end sends the same text through the character walk.
        let title = "Manufacturer Zipper, Ltd. (sample); waterproof"
        let accented = title + "\u{E9}"
        #expect(PictureLabel.estimatedEms(accented) == PictureLabel.estimatedEms(title) + 0.62)
        for width in stride(from: 40.0, through: 400, by: 7) where PictureLabel.estimatedEms(title) > width / 13 {
            #expect(PictureLabel.fit(title, width: width, fontSize: 13) == PictureLabel.fit(accented, width: width, fontSize: 13))
        }
        // CR LF is one character, measured once and trimmed whole before the ellipsis.
        #expect(PictureLabel.estimatedEms("a\r\nb") == PictureLabel.estimatedEms("a\rb"))
        #expect(PictureLabel.fit("abcd\r\nefghijklmnop", width: 4.5, fontSize: 1) == "abcd…")
        #expect(PictureLabel.fit("abcd\r\ne\u{E9}fghijklmnop", width: 4.5, fontSize: 1) == "abcd…")
    }

    @Test func hostileTitlesStayTextInEveryPicture() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/evil.md", """
            ---
            title: "</text></svg><script>alert(1)</script> & \\"quoted\\" 'single'"
            ---
            See [Nylon](../materials/nylon.md).
            """)
        let nylon = try site.read("content/materials/nylon.md")
        try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "markets: [kenya]", with: "markets: [kenya, evil]"))
        try await site.build()
        for page in ["materials/nylon.html", "markets/evil.html", "map/index.html", "materials/compare/index.html"] {
            let html = try site.read("public/\(page)")
            #expect(!html.contains("<script"), "raw script on \(page)")
            #expect(!html.contains("</svg><script"), "raw title on \(page)")
        }
        #expect(try site.read("public/materials/nylon.html").contains("<title>&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;</title>"))
    }

    @Test func catalogMapPlacesEveryPageInItsKindsColumnAndLinksPairsOnce() async throws {
        let graph = try await graph(of: FixtureSite())
        let map = CatalogMap(graph: graph, depth: 1)
        #expect(!map.isOverview)
        #expect(map.columns.map(\.title) == ["Materials (2)", "Markets (2)", "Manufacturers (1)"])
        #expect(map.nodes.map(\.title) == ["Nylon", "Polyester", "Germany", "Kenya", "Acme Bags"])
        #expect(Set(map.nodes.prefix(2).map(\.x)).count == 1)
        #expect(map.nodes.map(\.href).allSatisfy { $0.hasPrefix("../") && $0.hasSuffix(".html") })
        // One link per linked pair, whichever way and however many fields name it.
        var pairs: Set<[EntityID]> = []
        for (source, edges) in graph.outgoing {
            for edge in edges where edge.target != source { pairs.insert([source, edge.target].sorted()) }
        }
        #expect(map.links.count == pairs.count)
        #expect(map.links.reduce(0) { $0 + $1.weight } == graph.edgeCount)
    }

    @Test func catalogMapShowsKindsPastItsLimit() async throws {
        let graph = try await graph(of: FixtureSite())
        let map = CatalogMap(graph: graph, depth: 1, entityLimit: 3)
        #expect(map.isOverview)
        #expect(map.nodes.map(\.title) == ["2 Materials", "2 Markets", "1 Manufacturer"])
        #expect(map.nodes.map(\.href) == ["../materials/index.html", "../markets/index.html", "../manufacturers/index.html"])
        #expect(map.links.reduce(0) { $0 + $1.weight } == graph.edgeCount)
        #expect(map.svg.contains("stroke-width=\"9\""))
    }

    @Test func mapPageIsWrittenAndItsLinksResolve() async throws {
        let site = try FixtureSite()
        try await site.build()
        let html = try site.read("public/map/index.html")
        let links = try svgLinks(html, className: "catalog-map")
        #expect(links.count == 3 + 5)
        for href in Set(links) + html.matches(of: /<a href="([^"]*)"/).map({ String($0.1) }) {
            #expect(resolves(href, from: "map/index.html", in: site), "\(href) does not resolve")
        }
    }

    @Test func enumChartPlacesADotPerPageAtItsLevel() async throws {
        let graph = try await graph(of: FixtureSite())
        let chart = try #require(try fieldChart("cost_tier", of: "materials", in: graph))
        #expect(chart.rows.map(\.title) == ["Polyester", "Nylon"])
        #expect(chart.rows.map(\.value) == ["Low", "High"])
        #expect(drawn(chart) == ["dot 16.7", "dot 83.3"])
        #expect(chart.rows.map(\.href) == ["../../materials/polyester.html", "../../materials/nylon.html"])
        #expect((chart.scaleStart, chart.scaleEnd) == ("Low", "High"))
    }

    @Test func numberChartDrawsBarsFromZeroLargestFirst() async throws {
        let site = try FixtureSite()
        let polyester = try site.read("content/materials/polyester.md")
        try site.write("content/materials/polyester.md", polyester.replacingOccurrences(of: "cost_tier: Low", with: "cost_tier: Low\nweight: 80"))
        let graph = try await graph(of: site)
        let chart = try #require(try fieldChart("weight", of: "materials", in: graph))
        #expect(chart.rows.map(\.value) == ["120.5 g/m²", "80 g/m²"])
        #expect(drawn(chart) == ["bar 0–100", "bar 0–66.4"])
        #expect((chart.scaleStart, chart.scaleEnd) == ("0 g/m²", "120.5 g/m²"))
    }

    @Test func closeNumbersFarFromZeroGetDotsOnTheirOwnScale() async throws {
        let site = try FixtureSite()
        try site.write("content/manufacturers/bolt.md", "---\ntitle: Bolt\nfounded: 2001\n---\nA factory.\n")
        let graph = try await graph(of: site)
        let chart = try #require(try fieldChart("founded", of: "manufacturers", in: graph))
        #expect(chart.rows.map(\.title) == ["Acme Bags", "Bolt"])
        #expect(drawn(chart) == ["dot 100", "dot 0"])
        #expect((chart.scaleStart, chart.scaleEnd) == ("2001", "2009"))
    }

    @Test func rangeChartSpansEachRange() async throws {
        let site = try FixtureSite()
        try site.write("content/manufacturers/bolt.md", "---\ntitle: Bolt\nlead_time: 4-20\n---\nA factory.\n")
        try site.write("content/manufacturers/cord.md", "---\ntitle: Cord\nlead_time: 8\n---\nA factory.\n")
        let graph = try await graph(of: site)
        let chart = try #require(try fieldChart("lead_time", of: "manufacturers", in: graph))
        #expect(chart.rows.map(\.title) == ["Bolt", "Acme Bags", "Cord"])
        #expect(chart.rows.map(\.value) == ["4–20 weeks", "6–16 weeks", "8 weeks"])
        #expect(drawn(chart) == ["bar 20–100", "bar 30–80", "dot 40"])
    }

    @Test func chartNeedsTwoValuesToCompare() async throws {
        let graph = try await graph(of: FixtureSite())
        #expect(try fieldChart("weight", of: "materials", in: graph) == nil)
    }

    @Test func referenceMatrixTicksTheTargetsEachPageNames() async throws {
        let graph = try await graph(of: FixtureSite())
        let schema = try #require(graph.schema("materials"))
        let field = try #require(schema.field("markets"))
        let matrix = try #require(ReferenceMatrix(field: field, schema: schema, entities: graph.entities(of: "materials"), graph: graph, depth: 2))
        #expect(matrix.columns.map(\.title) == ["Germany", "Kenya"])
        #expect(matrix.columns.map(\.href) == ["../../markets/germany.html", "../../markets/kenya.html"])
        #expect(matrix.rows.map(\.header.title) == ["Nylon", "Polyester"])
        #expect(matrix.rows.map(\.cells) == [[false, true], [true, true]])
        let html = matrix.html(id: "m")
        #expect(html.components(separatedBy: "<th scope=\"col\">").count == 3)
        #expect(html.components(separatedBy: "<th scope=\"row\">").count == 3)
        #expect(html.components(separatedBy: "<span aria-hidden=\"true\">✓</span><span class=\"picture-hidden\">Yes</span>").count == 4)
    }

    @Test func comparisonPageShowsChartsAndMatricesItsSchemaAsksFor() async throws {
        let site = try FixtureSite()
        try await site.build()
        let html = try site.read("public/materials/compare/index.html")
        #expect(html.contains("<figcaption>Relative cost</figcaption>"))
        #expect(!html.contains("<figcaption>Weight</figcaption>"))
        #expect(html.contains("<table class=\"reference-matrix\" id=\"matrix-markets\">"))
        for href in try svgLinks(html, className: "field-chart") {
            #expect(resolves(href, from: "materials/compare/index.html", in: site), "\(href) does not resolve")
        }
    }

    @Test(arguments: [
        ("  name: {type: string, chart: true}", "content/materials/_kind.yml:4:31: error: 'chart' is only allowed on fields of type integer, number, range or enum; 'name' is string"),
        ("  tags: {type: list, of: enum, values: [A, B], chart: true}", "content/materials/_kind.yml:4:55: error: 'chart' is only allowed on fields of type integer, number, range or enum; 'tags' is list of enum"),
        ("  markets: {type: list, of: ref, kind: markets, chart: true}", "content/materials/_kind.yml:4:56: error: 'chart' is only allowed on fields of type integer, number, range or enum; 'markets' is list of ref to 'markets' (did you mean 'matrix'?)"),
        ("  cost: {type: enum, values: [Low, High], matrix: true}", "content/materials/_kind.yml:4:51: error: 'matrix' is only allowed on reference fields (ref or list of ref); 'cost' is enum (did you mean 'chart'?)"),
        ("  notes: {type: text, matrix: true}", "content/materials/_kind.yml:4:31: error: 'matrix' is only allowed on reference fields (ref or list of ref); 'notes' is text"),
    ])
    func picturesFlagsOnTheWrongTypeAreErrors(field: String, error: String) {
        let result = SchemaParser.parseKind("singular: A\nplural: B\nfields:\n\(field)\n", name: "materials", file: "content/materials/_kind.yml")
        guard case .failure(let failure) = result else {
            Issue.record("\(field) was accepted")
            return
        }
        #expect(failure.diagnostics.map(\.description) == [error])
    }

    @Test func picturesFlagsOnTheRightTypesParse() throws {
        let schema = try SchemaParser.parseKind("""
            singular: A
            plural: B
            fields:
              cost: {type: enum, values: [Low, High], chart: true}
              lead: {type: range, unit: weeks, chart: true}
              markets: {type: list, of: ref, kind: markets, matrix: true}
              origin: {type: ref, kind: markets, matrix: true}
            """, name: "materials", file: "content/materials/_kind.yml").get()
        #expect(schema.fields.map(\.isCharted) == [true, true, false, false])
        #expect(schema.fields.map(\.isMatrix) == [false, false, true, true])
    }

    @Test func aKindCannotBeNamedMap() async throws {
        let site = try FixtureSite()
        try site.write("content/_site.yml", try site.read("content/_site.yml").replacingOccurrences(of: "kinds: [", with: "kinds: [map, "))
        try site.write("content/map/_kind.yml", "singular: Map\nplural: Maps\nfields: {}\n")
        #expect(await site.errors().contains { $0.contains("invalid kind name 'map'") })
    }
}
