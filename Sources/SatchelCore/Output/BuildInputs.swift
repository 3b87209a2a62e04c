import Foundation

/// Hashes of everything a build reads, compared with the build cache to find what changed.
struct BuildInputs {
    /// Configuration, schemas, introductions, theme files, Satchel's version and the build date: a change
    /// here can change every page, so it means a full build.
    let globalHash: ContentHash
    /// Each entity's source file.
    let sourceHashes: [String: ContentHash]

    init(content: LoadedContent, theme: URL, buildDate: String) {
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
        if let enumerator = fileManager.enumerator(atPath: theme.path) {
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String { paths.append(path) }
            for path in paths.sorted() {
                global.combine(path)
                if let data = fileManager.contents(atPath: theme.appendingPathComponent(path).path) { global.combine(data) }
            }
        }
        globalHash = global
        var sources: [String: ContentHash] = [:]
        for page in content.pages { sources["\(page.kind)/\(page.slug)"] = ContentHash(page.text) }
        sourceHashes = sources
    }

    /// True when nothing the previous build read has changed.
    func matches(_ cache: BuildCache) -> Bool {
        cache.globalHash == globalHash && cache.entities.count == sourceHashes.count
            && sourceHashes.allSatisfy { cache.entities[$0.key]?.sourceHash == $0.value }
    }

    /// The entities whose pages may differ from the previous build: the edited ones and every entity linked
    /// with them before or after the edit. Nil when a change reaches every page (global inputs, or pages added
    /// or removed, which changes the counts in the navigation).
    func affectedEntities(since cache: BuildCache, graph: ContentGraph) -> Set<EntityID>? {
        guard cache.globalHash == globalHash, cache.entities.count == sourceHashes.count,
              sourceHashes.keys.allSatisfy({ cache.entities[$0] != nil })
        else { return nil }
        var affected: Set<EntityID> = []
        for (key, hash) in sourceHashes where cache.entities[key]?.sourceHash != hash {
            guard let id = EntityID(key) else { return nil }
            affected.insert(id)
            for neighbour in cache.entities[key]?.neighbours ?? [] {
                if let other = EntityID(neighbour) { affected.insert(other) }
            }
            for other in graph.neighbours(of: id) { affected.insert(other) }
        }
        if !affected.isEmpty { affected.formUnion(graph.entitiesWithCompareBlocks) }
        return affected
    }

    func records(graph: ContentGraph) -> [String: BuildCache.EntityRecord] {
        var records: [String: BuildCache.EntityRecord] = [:]
        for entity in graph.entities {
            let key = entity.id.description
            guard let hash = sourceHashes[key] else { continue }
            records[key] = BuildCache.EntityRecord(sourceHash: hash, neighbours: graph.neighbours(of: entity.id).map(\.description).sorted())
        }
        return records
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
