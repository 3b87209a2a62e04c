import Foundation

/// Every entity and every typed edge between them, resolved once per build. Backlinks, relation panels
/// and `satchel graph` all read from here, so no page ever rescans the content.
public struct ContentGraph: Sendable {
    /// Entities in navigation order: by kind as listed in `_site.yml`, then by title.
    public let entities: [Entity]
    public let schemas: [KindSchema]
    /// Outgoing edges per entity, in the order they were written.
    public let outgoing: [EntityID: [Edge]]
    /// Incoming edges per entity, ordered by source.
    public let incoming: [EntityID: [Edge]]
    /// Resolved targets of the body links of each entity, parallel to `entity.body.links`.
    public let bodyLinks: [EntityID: [LinkTarget]]
    /// Resolved targets of the body links of each kind's introduction.
    public let introductionLinks: [String: [LinkTarget]]
    /// How many references go from each kind to each other kind: `[from][to]`, by index in `schemas`.
    let kindLinkCounts: [[Int]]
    private let index: [EntityID: Int]
    /// Positions of each kind's entities in `entities`, which are grouped by kind.
    private let kindRanges: [String: Range<Int>]
    private let resolver: LinkResolver

    /// Where a link written in a field of an entity of `kind` points (the build has already checked it).
    func resolveFieldLink(_ destination: String, from kind: String) -> LinkTarget {
        let location = SourceLocation(file: "")
        return (try? resolver.resolve(destination, from: kind, headings: [], at: location).get()) ?? .external
    }

    public func entity(_ id: EntityID) -> Entity? {
        index[id].map { entities[$0] }
    }

    /// The entity's place in `entities` (kind order, then title): a sort key computed once per build.
    public func position(of id: EntityID) -> Int? {
        index[id]
    }

    public func schema(_ kind: String) -> KindSchema? {
        schemas.first { $0.name == kind }
    }

    public var edgeCount: Int { outgoing.values.reduce(0) { $0 + $1.count } }

    /// The graph with `entity` in place of the entity of its id. Only for an entity whose title, values,
    /// headings and links are those of the one it replaces (`LiveSite` checks): nothing resolved from them
    /// is computed again.
    func replacing(_ entity: Entity) -> ContentGraph {
        guard let position = index[entity.id] else { return self }
        var entities = self.entities
        entities[position] = entity
        return ContentGraph(
            entities: entities, schemas: schemas, outgoing: outgoing, incoming: incoming, bodyLinks: bodyLinks,
            introductionLinks: introductionLinks, kindLinkCounts: kindLinkCounts, index: index, kindRanges: kindRanges,
            resolver: resolver)
    }

    /// Builds the graph, collecting an error for every reference or body link that does not resolve.
    /// References to `invalid` pages (which exist but failed to load) are skipped: their own errors are
    /// reported already.
    static func build(
        entities unsorted: consuming [Entity], schemas: [KindSchema], introductions: [String: (path: String, body: MarkdownDocument)],
        invalid: Set<EntityID> = []
    ) -> (ContentGraph, [Diagnostic]) {
        let kindOrder = Dictionary(uniqueKeysWithValues: schemas.enumerated().map { ($1.name, $0) })
        // Sort keys are computed once per entity, not once per comparison, and positions are sorted rather
        // than entities, which are then moved into their places, not copied.
        let keys = unsorted.indices.map { sortKey(of: unsorted[$0], kindOrder: kindOrder) }
        let order = unsorted.indices.sorted { keys[$0] < keys[$1] }
        let entities = Self.permuted(consume unsorted, into: order)
        // Entities are read in place, by position, here and below: iterating them copies each one.
        let index = Dictionary(uniqueKeysWithValues: entities.indices.lazy.map { (entities[$0].id, $0) })
        var kindRanges: [String: Range<Int>] = [:]
        for position in entities.indices {
            let range = kindRanges[entities[position].id.kind] ?? position..<position
            kindRanges[entities[position].id.kind] = range.lowerBound..<(position + 1)
        }
        let schemasByName = Dictionary(uniqueKeysWithValues: schemas.map { ($0.name, $0) })

        let resolver = LinkResolver(index: index, entities: entities, kinds: Set(schemas.map(\.name)), invalid: invalid)
        // Every edge of an entity starts at it, so entities resolve independently: in parallel batches, then
        // merged in entity order, which gives the edges, incoming lists and diagnostics of a serial pass.
        let resolved = Array(concurrentlyCount: entities.count) { position -> EntityLinks? in
            schemasByName[entities[position].id.kind].map {
                links(of: entities[position], schema: $0, index: index, resolver: resolver, invalid: invalid)
            }
        }
        var diagnostics: [Diagnostic] = []
        var outgoing: [EntityID: [Edge]] = [:]
        outgoing.reserveCapacity(entities.count)
        /// Incoming edges by the target's position; filled in entity order, so each list is ordered by source.
        var incomingByPosition = [[Edge]](repeating: [], count: entities.count)
        var bodyLinks: [EntityID: [LinkTarget]] = [:]
        bodyLinks.reserveCapacity(entities.count)
        for (position, links) in resolved.enumerated() {
            guard let links else { continue }
            diagnostics += links.diagnostics
            for (edge, target) in zip(links.edges, links.targetPositions) { incomingByPosition[target].append(edge) }
            if !links.edges.isEmpty { outgoing[entities[position].id] = links.edges }
            bodyLinks[entities[position].id] = links.targets
        }
        var introductionLinks: [String: [LinkTarget]] = [:]
        for (kind, introduction) in introductions {
            introductionLinks[kind] = introduction.body.links.map { link in
                switch resolver.resolve(link, from: kind, headings: introduction.body.headings, file: introduction.path) {
                case .success(let target): return target
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return .external
                }
            }
        }
        var incoming: [EntityID: [Edge]] = [:]
        incoming.reserveCapacity(entities.count)
        for (position, edges) in incomingByPosition.enumerated() where !edges.isEmpty {
            incoming[entities[position].id] = edges
        }
        let graph = ContentGraph(
            entities: entities, schemas: schemas, outgoing: outgoing, incoming: incoming, bodyLinks: bodyLinks,
            introductionLinks: introductionLinks, kindLinkCounts: kindLinkCounts(of: outgoing, schemas: schemas), index: index,
            kindRanges: kindRanges, resolver: resolver)
        return (graph, diagnostics)
    }
}

extension ContentGraph {
    /// This graph with `changed` in place of its entities of the same ids, their links resolved again and
    /// each put in its place by title; nil when one of them is not in the graph, has other headings (links
    /// elsewhere resolve against them) or has a link that does not resolve (a build reports it).
    ///
    /// A link resolves against which pages exist and their anchors, nothing else: with the same pages and
    /// headings every other entity's edges and body-link targets stay as they are. What changes is the changed
    /// entities' own edges, the incoming lists of the pages they point at before and after (kept in source
    /// order), and the positions of the entities between a moved one's old and new place. `LiveSite` calls
    /// it for an edit that changed pages' faces, instead of resolving 10,000 pages again.
    func updating(_ changed: [Entity]) -> ContentGraph? {
        var entities = self.entities
        var index = self.index
        let kindOrder = Dictionary(uniqueKeysWithValues: schemas.enumerated().map { ($1.name, $0) })
        for entity in changed {
            guard let old = index[entity.id], entities[old].body.headings == entity.body.headings,
                  let range = kindRanges[entity.id.kind]
            else { return nil }
            entities.remove(at: old)
            // Its kind's other entities, in order, fill the range less one place.
            let key = Self.sortKey(of: entity, kindOrder: kindOrder)
            var low = range.lowerBound, high = range.upperBound - 1
            while low < high {
                let middle = (low + high) / 2
                if Self.sortKey(of: entities[middle], kindOrder: kindOrder) < key { low = middle + 1 } else { high = middle }
            }
            entities.insert(entity, at: low)
            for position in min(old, low)...max(old, low) { index[entities[position].id] = position }
        }
        let resolver = LinkResolver(index: index, entities: entities, kinds: Set(schemas.map(\.name)), invalid: [])
        var outgoing = self.outgoing
        var bodyLinks = self.bodyLinks
        var touched: Set<EntityID> = []
        var newEdges: [EntityID: [Edge]] = [:]
        var kindLinkCounts = self.kindLinkCounts
        let names = schemas.map(\.name)
        for entity in changed {
            guard let schema = schema(entity.id.kind) else { return nil }
            // A link that does not resolve sends the edit through a whole build, which reports it.
            let links = Self.links(of: entity, schema: schema, index: index, resolver: resolver, invalid: [])
            guard links.diagnostics.isEmpty else { return nil }
            for edge in outgoing[entity.id] ?? [] { touched.insert(edge.target) }
            for edge in links.edges { touched.insert(edge.target) }
            Self.count(outgoing[entity.id] ?? [], into: &kindLinkCounts, names: names, times: -1)
            Self.count(links.edges, into: &kindLinkCounts, names: names, times: 1)
            outgoing[entity.id] = links.edges.isEmpty ? nil : links.edges
            bodyLinks[entity.id] = links.targets
            newEdges[entity.id] = links.edges
        }
        var incoming = self.incoming
        for target in touched {
            // By source position, then in the order the source wrote them: the order a whole build makes.
            var edges = (incoming[target] ?? []).filter { newEdges[$0.source] == nil }
            for (_, sourceEdges) in newEdges { edges += sourceEdges.filter { $0.target == target } }
            let ordered = edges.enumerated().sorted { (index[$0.element.source]!, $0.offset) < (index[$1.element.source]!, $1.offset) }
            incoming[target] = ordered.isEmpty ? nil : ordered.map(\.element)
        }
        return ContentGraph(
            entities: entities, schemas: schemas, outgoing: outgoing, incoming: incoming, bodyLinks: bodyLinks,
            introductionLinks: introductionLinks, kindLinkCounts: kindLinkCounts, index: index, kindRanges: kindRanges,
            resolver: resolver)
    }
}

extension ContentGraph {
    /// `entities` with the one at `order[i]` at position `i`, each moved by swaps along the permutation's
    /// cycles: copying an entity retains each of its strings, lists and body, which at 10,000 pages spread
    /// over the heap took tens of milliseconds on one core.
    private static func permuted(_ entities: consuming [Entity], into order: [Int]) -> [Entity] {
        var entities = entities
        var placed = [Bool](repeating: false, count: order.count)
        entities.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var position = start
                while order[position] != start {
                    buffer.swapAt(position, order[position])
                    placed[position] = true
                    position = order[position]
                }
                placed[position] = true
            }
        }
        return entities
    }

    /// Where an entity goes in navigation order: by kind as listed, then by title without case, then by slug.
    private static func sortKey(of entity: Entity, kindOrder: [String: Int]) -> SortKey {
        SortKey(kind: kindOrder[entity.id.kind] ?? 0, title: entity.title.lowercased(), slug: entity.id.slug)
    }

    private struct SortKey: Comparable {
        var kind: Int
        var title: String
        var slug: String

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.kind, lhs.title, lhs.slug) < (rhs.kind, rhs.title, rhs.slug)
        }
    }

    /// What one entity's references and links resolve to: its edges (with their targets' positions), the
    /// targets of its body links and the errors found, in the order a reader meets them.
    struct EntityLinks {
        var edges: [Edge] = []
        var targetPositions: [Int] = []
        var targets: [LinkTarget] = []
        var diagnostics: [Diagnostic] = []

        /// Duplicates can only come from the same source, whose edges are few: a linear scan is cheapest.
        mutating func add(_ edge: Edge, targetPosition: Int) {
            guard !edges.contains(edge) else { return }
            edges.append(edge)
            targetPositions.append(targetPosition)
        }
    }

    static func links(
        of entity: Entity, schema: KindSchema, index: [EntityID: Int], resolver: LinkResolver, invalid: Set<EntityID>
    ) -> EntityLinks {
        var links = EntityLinks()
        func mention(_ id: EntityID) {
            guard id != entity.id, !links.edges.contains(where: { $0.target == id }), let position = index[id] else { return }
            links.add(Edge(source: entity.id, target: id, relation: .mention), targetPosition: position)
        }
        for field in schema.fields {
            guard let targetKind = field.type.referencedKind, let value = entity.values[field.key] else { continue }
            for (slug, location) in value.referencedSlugs {
                let target = EntityID(kind: targetKind, slug: slug)
                if let position = index[target] {
                    links.add(Edge(source: entity.id, target: target, relation: .field(kind: entity.id.kind, key: field.key)), targetPosition: position)
                } else if !invalid.contains(target) {
                    links.diagnostics.append(.error(
                        at: location, "unknown reference '\(slug)' in field '\(field.key)': no page \(targetKind)/\(slug).md",
                        // The kind's slugs are gathered only for a reference that does not resolve.
                        suggestion: Suggestion.closest(
                            to: slug, in: resolver.entities.lazy.filter { $0.id.kind == targetKind }.map(\.id.slug))))
                }
            }
        }
        // Links inside inline-Markdown fields are checked like body links; FieldRenderer rewrites them.
        for field in schema.fields where field.type.elementType == .text {
            guard let value = entity.values[field.key], let location = entity.valueLocations[field.key] else { continue }
            for markdown in value.textValues {
                for link in MarkdownDocument(markdown, rendersHTML: false).links {
                    switch resolver.resolve(link.destination, from: entity.id.kind, headings: entity.body.headings, at: location) {
                    case .success(.entity(let id, _)): mention(id)
                    case .success: break
                    case .failure(let diagnostic): links.diagnostics.append(diagnostic)
                    }
                }
            }
        }
        for link in entity.body.links {
            switch resolver.resolve(link, from: entity.id.kind, headings: entity.body.headings, file: entity.sourcePath) {
            case .success(let target):
                links.targets.append(target)
                // A body link to an entity a field already names adds nothing to the relations panel.
                if case .entity(let id, _) = target { mention(id) }
            case .failure(let diagnostic):
                links.diagnostics.append(diagnostic)
                links.targets.append(.external)
            }
        }
        return links
    }
}

extension ContentGraph {
    /// Entities of one kind, in title order.
    public func entities(of kind: String) -> ArraySlice<Entity> {
        guard let range = kindRanges[kind] else { return [] }
        return entities[range]
    }

    /// The positions of `kind`'s entities in `entities`.
    func range(of kind: String) -> Range<Int> {
        kindRanges[kind] ?? 0..<0
    }

    public func count(of kind: String) -> Int {
        kindRanges[kind]?.count ?? 0
    }
}
