import Foundation

/// Hashes of everything a build reads, compared with the build cache to find what changed.
struct BuildInputs {
    /// Configuration, schemas, introductions, theme files, Satchel's version and the build date: a change
    /// here can change every page, so it means a full build.
    let globalHash: ContentHash
    /// Each entity's source file.
    private(set) var sourceHashes: [String: ContentHash]

    /// `themeFolders`: the theme's folder and those of the themes it extends, whose files it uses too.
    init(content: LoadedContent, themeFolders: [URL], buildDate: String) {
        var global = ContentHash()
        global.combine(SatchelVersion.string)
        global.combine(buildDate)
        global.combine(String(describing: content.config))
        for schema in content.schemas { global.combine(String(describing: schema)) }
        for (kind, page) in content.introductions.sorted(by: { $0.key < $1.key }) {
            global.combine(kind)
            global.combine(page.text)
        }
        let fileManager = FileManager.default
        for theme in themeFolders {
            global.combine(theme.lastPathComponent)
            guard let enumerator = fileManager.enumerator(atPath: theme.path) else { continue }
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String { paths.append(path) }
            for path in paths.sorted() {
                global.combine(path)
                if let data = fileManager.contents(atPath: theme.appendingPathComponent(path).path) { global.combine(data) }
            }
        }
        globalHash = global
        let pages = content.pages
        let hashes = [ContentHash](concurrentlyCount: pages.count) { ContentHash(pages[$0].text) }
        var sources: [String: ContentHash] = [:]
        sources.reserveCapacity(pages.count)
        for (page, hash) in zip(pages, hashes) { sources["\(page.kind)/\(page.slug)"] = hash }
        sourceHashes = sources
    }

    /// True when nothing the previous build read has changed.
    func matches(_ cache: BuildCache) -> Bool {
        cache.globalHash == globalHash && cache.entities.count == sourceHashes.count
            && sourceHashes.allSatisfy { cache.entities[$0.key]?.sourceHash == $0.value }
    }

    /// What an edit can change since the previous build: the entities whose pages may differ, and which pages
    /// not tied to one entity are rendered.
    struct Reach {
        var entities: Set<EntityID>
        var shared: SharedPages
    }

    /// The reach of the edits since `cache`; nil when a change reaches every page (global inputs, or pages
    /// added or removed, which changes the counts in the navigation).
    ///
    /// When every edited page kept its face (`ContentGraph.faceHash(at:)`: a prose edit, say), no other page
    /// shows anything that changed: only the edited pages and the search index are rendered. Otherwise the
    /// edited entities and every entity linked with them before or after the edit are, with every shared page.
    /// A page's "Compare with…" links depend on the values of other pages of its kind, so a page whose similar
    /// pages changed, or that lists an edited page (whose title it shows), is affected too.
    func reach(since cache: BuildCache, graph: ContentGraph, similarity: Similarity) -> Reach? {
        guard cache.globalHash == globalHash, cache.entities.count == sourceHashes.count,
              sourceHashes.keys.allSatisfy({ cache.entities[$0] != nil })
        else { return nil }
        var edited: Set<EntityID> = []
        var facesKept = true
        for (key, hash) in sourceHashes where cache.entities[key]?.sourceHash != hash {
            guard let id = EntityID(key) else { return nil }
            edited.insert(id)
            if let position = graph.position(of: id), cache.entities[key]?.faceHash == graph.faceHash(at: position) { continue }
            facesKept = false
        }
        if facesKept, !edited.isEmpty { return Reach(entities: edited, shared: .none) }
        var affected = edited
        for id in edited {
            for neighbour in cache.entities[id.description]?.neighbours ?? [] {
                if let other = EntityID(neighbour) { affected.insert(other) }
            }
            for other in graph.neighbours(of: id) { affected.insert(other) }
        }
        affected.formUnion(graph.entitiesWithCompareBlocks)
        for entity in graph.entities {
            let similar = similarity[entity.id]
            if similar.map(\.description) != cache.entities[entity.id.description]?.similar || similar.contains(where: edited.contains) {
                affected.insert(entity.id)
            }
        }
        return Reach(entities: affected, shared: .all)
    }

    /// Records the new text of an edited page's source.
    mutating func update(_ id: EntityID, text: String) {
        sourceHashes[id.description] = ContentHash(text)
    }

    /// The cache records of every entity, or only of `ids`.
    func records(graph: ContentGraph, similarity: Similarity, of ids: Set<EntityID>? = nil) -> [String: BuildCache.EntityRecord] {
        // A few ids (an update's) are looked up rather than found among every entity.
        let ids = ids.map { Array($0) } ?? graph.entities.map(\.id)
        // For every entity, each neighbour's name is made once and the names are ordered once, so a record's
        // neighbours are sorted as numbers; for a few, sorting their names costs less than ordering them all.
        let order = ids.count * 4 > graph.entities.count ? NameOrder(graph) : nil
        // Each record names a hundred neighbours or so: made in parallel, as they are independent.
        let made = [(String, BuildCache.EntityRecord)?](concurrentlyCount: ids.count) { position in
            let id = ids[position]
            let key = id.description
            guard let entityPosition = graph.position(of: id), let hash = sourceHashes[key] else { return nil }
            let outgoing = graph.outgoing[id] ?? [], incoming = graph.incoming[id] ?? []
            let neighbours = order?.sortedNames(of: outgoing.lazy.map(\.target) + incoming.lazy.map(\.source))
                ?? Self.sortedNames(of: outgoing.map(\.target) + incoming.map(\.source))
            return (key, BuildCache.EntityRecord(
                sourceHash: hash, faceHash: graph.faceHash(at: entityPosition), neighbours: neighbours,
                similar: similarity[id].map(\.description)))
        }
        var records: [String: BuildCache.EntityRecord] = [:]
        records.reserveCapacity(made.count)
        for case let (key, record)? in made { records[key] = record }
        return records
    }

    /// The names of `ids`, sorted and without repeats: a name stands for one id, so this is the set
    /// `neighbours(of:)` gives, without hashing every id into a set first.
    private static func sortedNames(of ids: [EntityID]) -> [String] {
        var names = ids.map(\.description)
        names.sort()
        var unique: [String] = []
        for name in names where unique.last != name { unique.append(name) }
        return unique
    }

    /// Every entity's name and its place among the names in sorted order.
    private struct NameOrder {
        let graph: ContentGraph
        /// By graph position.
        let names: [String]
        let ranks: [Int]
        /// By rank.
        let positions: [Int]

        init(_ graph: ContentGraph) {
            self.graph = graph
            names = graph.entities.map(\.id.description)
            let names = names
            positions = names.indices.sorted { names[$0] < names[$1] }
            var ranks = [Int](repeating: 0, count: names.count)
            for (rank, position) in positions.enumerated() { ranks[position] = rank }
            self.ranks = ranks
        }

        /// `sortedNames(of:)` by the names' ranks; nil if an id is not in the graph.
        func sortedNames<Ids: Sequence<EntityID>>(of ids: Ids) -> [String]? {
            var ranked: [Int] = []
            for id in ids {
                guard let position = graph.position(of: id) else { return nil }
                ranked.append(ranks[position])
            }
            ranked.sort()
            var unique: [String] = []
            unique.reserveCapacity(ranked.count)
            for (index, rank) in ranked.enumerated() where index == 0 || ranked[index - 1] != rank {
                unique.append(names[positions[rank]])
            }
            return unique
        }
    }
}

extension EntityID {
    /// Parses `kind/slug`.
    init?(_ description: String) {
        guard let slash = description.firstIndex(of: "/") else { return nil }
        self.init(kind: String(description[..<slash]), slug: String(description[description.index(after: slash)...]))
    }
}

extension ContentGraph {
    /// Entities linked with `id` in either direction.
    func neighbours(of id: EntityID) -> Set<EntityID> {
        var result: Set<EntityID> = []
        for edge in outgoing[id] ?? [] { result.insert(edge.target) }
        for edge in incoming[id] ?? [] { result.insert(edge.source) }
        return result
    }
}
