import Foundation
import Testing
@testable import SatchelCore

@Suite struct GraphTests {
    private let nylon = EntityID(kind: "materials", slug: "nylon")
    private let polyester = EntityID(kind: "materials", slug: "polyester")
    private let kenya = EntityID(kind: "markets", slug: "kenya")
    private let acme = EntityID(kind: "manufacturers", slug: "acme-bags")

    @Test func resolvesReferencesIntoTypedEdges() async throws {
        let graph = try await FixtureSite().site.model().graph
        let edges = try #require(graph.outgoing[acme])
        #expect(edges.map(\.target) == [nylon, polyester, kenya])
        #expect(edges.allSatisfy { $0.relation == .field(kind: "manufacturers", key: edges.first!.target.kind == $0.target.kind ? "materials" : "markets") })
    }

    @Test func backlinksComeFromTheGraphInNavigationOrder() async throws {
        let graph = try await FixtureSite().site.model().graph
        let incoming = try #require(graph.incoming[kenya])
        #expect(incoming.map(\.source) == [nylon, polyester, acme])
        #expect(incoming.map(\.relation) == [
            .field(kind: "materials", key: "markets"), .field(kind: "materials", key: "markets"),
            .field(kind: "manufacturers", key: "markets"),
        ])
        #expect(graph.incoming[polyester]?.map(\.relation) == [.mention, .field(kind: "manufacturers", key: "materials")])
    }

    @Test func bodyLinksResolveToPagesAndAnchors() async throws {
        let graph = try await FixtureSite().site.model().graph
        #expect(graph.bodyLinks[nylon] == [.entity(polyester, fragment: "uv-limits")])
        #expect(graph.bodyLinks[acme] == [.entity(nylon, fragment: "strengths")])
        #expect(graph.introductionLinks["materials"] == [.entity(nylon, fragment: nil)])
        // A body link to a page that a field already names adds no second relation.
        #expect(graph.outgoing[acme]?.contains { $0.relation == .mention } == false)
    }

    @Test func kindLinkCountsAddUpEveryEdgeByKind() async throws {
        let graph = try await FixtureSite().site.model().graph
        let names = graph.schemas.map(\.name)
        var expected = Array(repeating: Array(repeating: 0, count: names.count), count: names.count)
        for edge in graph.outgoing.values.joined() {
            expected[names.firstIndex(of: edge.source.kind)!][names.firstIndex(of: edge.target.kind)!] += 1
        }
        #expect(graph.kindLinkCounts == expected)
        // The fixture has references between kinds and within one (a mention from nylon to polyester).
        let materials = names.firstIndex(of: "materials")!, markets = names.firstIndex(of: "markets")!
        #expect(graph.kindLinkCounts[materials][materials] > 0 && graph.kindLinkCounts[materials][markets] > 0)
    }

    @Test func entitiesAreOrderedByKindThenTitle() async throws {
        let graph = try await FixtureSite().site.model().graph
        #expect(graph.entities.map(\.id.description) == [
            "materials/nylon", "materials/polyester", "markets/germany", "markets/kenya", "manufacturers/acme-bags",
        ])
        #expect(graph.count(of: "markets") == 2)
    }

    /// Entities are moved into place along the cycles of the sorting permutation: any input order gives the
    /// same graph order, with every entity once.
    @Test func entitiesTakeNavigationOrderWhateverOrderTheyCameIn() {
        func schema(_ name: String) -> KindSchema {
            KindSchema(name: name, singular: name, plural: name, description: "", fields: [], compareKeys: [], location: SourceLocation(file: "\(name)/_kind.yml"))
        }
        let entities = ["parts", "items"].flatMap { kind in
            (0..<150).map { index in
                Entity(
                    id: EntityID(kind: kind, slug: "\(kind)-\(index)"), title: "Page \((index * 37) % 150 / 2)", summary: nil, values: [:],
                    valueLocations: [:], body: MarkdownDocument("", allowsRawHTML: false), sourcePath: "\(kind)/\(index).md")
            }
        }
        let expected = entities.sorted { ($0.id.kind == "items" ? 0 : 1, $0.title, $0.id.slug) < ($1.id.kind == "items" ? 0 : 1, $1.title, $1.id.slug) }
            .map(\.sourcePath)
        // As made (the second kind first), reversed, and a fixed scramble (position times 7, modulo 300, a
        // permutation of many cycles), so that a failure repeats.
        let scrambled = entities.indices.map { entities[$0 * 7 % entities.count] }
        for order in [entities, entities.reversed(), scrambled] {
            let (graph, _) = ContentGraph.build(entities: order, schemas: [schema("items"), schema("parts")], introductions: [:])
            #expect(graph.entities.map(\.sourcePath) == expected)
        }
    }

    @Test func reportsUnknownReferenceWithSuggestion() async throws {
        let site = try FixtureSite()
        try site.write("content/materials/nylon.md", "---\ntitle: Nylon\ncost_tier: High\nmarkets: [germany, kenyaa]\n---\n## Strengths\n")
        #expect(await site.errors() == [
            "content/materials/nylon.md:4:20: error: unknown reference 'kenyaa' in field 'markets': no page markets/kenyaa.md (did you mean 'kenya'?)",
        ])
    }

    @Test func reportsBrokenBodyLinksAndAnchors() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/germany.md", """
            ---
            title: Germany
            ---
            See [a](../materials/nylonn.md), [b](../materials/nylon.md#strength),
            [c](kenya.md#nowhere), [d](/materials/nylon/), [e](../fabrics/x.md) and [f](#top).
            """)
        #expect(await site.errors() == [
            "content/markets/germany.md:4:5: error: broken link '../materials/nylonn.md': there is no page materials/nylonn.md (did you mean 'nylon.md'?)",
            "content/markets/germany.md:4:34: error: broken link '../materials/nylon.md#strength': materials/nylon.md has no heading with anchor '#strength' (did you mean 'strengths'?)",
            "content/markets/germany.md:5:1: error: broken link 'kenya.md#nowhere': markets/kenya.md has no heading with anchor '#nowhere'",
            "content/markets/germany.md:5:24: error: link '/materials/nylon/' is root-relative and breaks when the site is opened from disk; link to the source file, e.g. '../materials/nylon.md'",
            "content/markets/germany.md:5:48: error: broken link '../fabrics/x.md': there is no kind 'fabrics'",
            "content/markets/germany.md:5:73: error: unknown anchor '#top' on this page",
        ])
    }

    @Test func linksInTextFieldsAreCheckedAndRewritten() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/peru.md", "---\ntitle: Peru\nnotes: Buyers prefer [Nylon](../materials/nylon.md#strengths).\n---\n")
        try await site.build()
        #expect(try site.read("public/markets/peru.html").contains(
            "<dd>Buyers prefer <a href=\"../materials/nylon.html#strengths\">Nylon</a>.</dd>"))
        try site.write("content/markets/chile.md", "---\ntitle: Chile\nnotes: See [x](../materials/nylom.md).\n---\n")
        #expect(await site.errors() == [
            "content/markets/chile.md:3:8: error: broken link '../materials/nylom.md': there is no page materials/nylom.md (did you mean 'nylon.md'?)",
        ])
    }

    @Test func exportsJSONAndDOT() async throws {
        let graph = try await FixtureSite().site.model().graph
        let json = GraphExport.render(graph, as: .json)
        #expect(json.contains("\"source\" : \"manufacturers/acme-bags\""))
        #expect(json.contains("\"field\" : \"manufacturers.markets\""))
        let dot = GraphExport.render(graph, as: .dot)
        #expect(dot.hasPrefix("digraph satchel {"))
        #expect(dot.contains("\"materials/nylon\" -> \"materials/polyester\" [label=\"mentions\", style=dashed];"))
    }

    /// The JSON is laid out exactly as `JSONSerialization` lays out the same data, and `<`, `>` and `&` stay
    /// as they are (the site's script data escapes them; this file is for people and tools).
    @Test func jsonExportIsWhatJSONSerializationWritesOfTheSameData() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/peru.md", "---\ntitle: Peru <Andes> & \"Coast\"\n---\n")
        let graph = try await site.site.model().graph
        let json = GraphExport.render(graph, as: .json)
        #expect(json.contains(#""title" : "Peru <Andes> & \"Coast\"""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.count == graph.entities.count)
        #expect((object["edges"] as? [Any])?.count == graph.edgeCount)
        let reference = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(json == String(decoding: reference, as: UTF8.self) + "\n")
    }

    @Test func dotExportEscapesQuotesAndBackslashesInLabels() async throws {
        let site = try FixtureSite()
        try site.write("content/markets/peru.md", "---\ntitle: 'Peru \"Coast\" \\ Andes'\n---\n")
        let dot = GraphExport.render(try await site.site.model().graph, as: .dot)
        #expect(dot.contains(#""markets/peru" [label="Peru \"Coast\" \\ Andes"];"#))
    }

    /// The fixture's entities with Nylon renamed Zylon (which moves it after Polyester) and Acme Bags naming
    /// only Nylon among its materials.
    private func editedEntities(of graph: ContentGraph) -> [Entity] {
        graph.entities.map { entity in
            var entity = entity
            if entity.id == nylon { entity.title = "Zylon" }
            if entity.id == acme { entity.values["materials"] = .list([.ref("nylon", at: SourceLocation(file: "x"))]) }
            return entity
        }
    }

    @Test func anUpdatedGraphEqualsOneBuiltAfresh() async throws {
        let model = try await FixtureSite().site.model()
        let entities = editedEntities(of: model.graph)
        let (fresh, _) = ContentGraph.build(entities: entities, schemas: model.graph.schemas, introductions: [:])
        let updated = try #require(model.graph.updating(entities.filter { $0.id == nylon || $0.id == acme }))
        #expect(updated.entities.map(\.id) == fresh.entities.map(\.id))
        #expect(updated.entities.map(\.title) == fresh.entities.map(\.title))
        #expect(updated.entities.map(\.id).firstIndex(of: nylon)! > updated.entities.map(\.id).firstIndex(of: polyester)!)
        #expect(fresh.entities.allSatisfy { updated.position(of: $0.id) == fresh.position(of: $0.id) })
        #expect(updated.outgoing == fresh.outgoing)
        #expect(updated.incoming == fresh.incoming)
        #expect(updated.bodyLinks == fresh.bodyLinks)
        #expect(updated.kindLinkCounts == fresh.kindLinkCounts && updated.kindLinkCounts != model.graph.kindLinkCounts)
        #expect(updated.outgoing[acme]?.map(\.target) == [nylon, kenya])
    }

    @Test func anUpdateRefusesNewHeadingsBrokenLinksAndUnknownPages() async throws {
        let graph = try await FixtureSite().site.model().graph
        var headed = try #require(graph.entity(kenya))
        headed.body = MarkdownDocument("## Ports\n", allowsRawHTML: false)
        #expect(graph.updating([headed]) == nil)
        var broken = try #require(graph.entity(acme))
        broken.values["markets"] = .list([.ref("peru", at: SourceLocation(file: "x"))])
        #expect(graph.updating([broken]) == nil)
        var unknown = try #require(graph.entity(kenya))
        unknown.id = EntityID(kind: "markets", slug: "peru")
        #expect(graph.updating([unknown]) == nil)
    }
}

