/// The pages of the same kind most like each page, for "Compare with…" links: two pages are as similar as
/// the number of references they share (the same field naming the same page) plus the number of enum values
/// they share (the same field holding the same value). Ties go to title order (the graph's: without case, then
/// slug), so the result is deterministic.
///
/// Computed once per build for every kind through an index from each (field, value) to the pages that have it,
/// not by comparing every pair: a page's candidates are gathered from its rarest values first and capped,
/// which keeps a 10,000-page kind with a few common enum values linear rather than quadratic.
public struct Similarity: Sendable {
    /// How many similar pages each page lists.
    public static let limit = 3
    /// How many candidates a page's score is computed for, at most.
    static let candidateLimit = 256

    /// For each page with at least one similar page, those pages, most similar first.
    public let similar: [EntityID: [EntityID]]

    public init(graph: ContentGraph) {
        self.init(graph: graph, reusing: nil, except: [])
    }

    /// The similar pages of `graph`, taken from `previous` for every kind but `changedKinds`. A kind's result
    /// depends only on its own pages' enum and reference values and their title order, so a kind none of
    /// whose pages changed those has the same result.
    init(graph: ContentGraph, reusing previous: Similarity?, except changedKinds: Set<String>) {
        // The previous lists are taken whole, not inserted again one by one: most edits change no kind's.
        var similar = previous?.similar ?? [:]
        if !changedKinds.isEmpty { similar = similar.filter { !changedKinds.contains($0.key.kind) } }
        // Kinds are worked out side by side: a kind's features are numbered on one thread, and while the
        // largest kind's are, the others' can be.
        let kinds = graph.schemas.filter { (previous == nil || changedKinds.contains($0.name)) && graph.count(of: $0.name) >= 2 }
        let lists = [[(EntityID, [EntityID])]](concurrentlyCount: kinds.count, batchSize: 1) { kind in
            Self.similar(in: graph.entities(of: kinds[kind].name), schema: kinds[kind])
        }
        for list in lists {
            for (id, pages) in list { similar[id] = pages }
        }
        self.similar = similar
    }

    public subscript(id: EntityID) -> [EntityID] { similar[id] ?? [] }

    /// The values two pages can share: one feature number per (field, value), numbered in the order first
    /// met, sorted per page; and how many there are. Field names are letters, digits and `_`, so a field's
    /// position and a value name a feature as well as the two written together did, with less hashing.
    private static func features(of entities: ArraySlice<Entity>, schema: KindSchema) -> (features: [[Int]], count: Int) {
        var numbers = [[String: Int]](repeating: [:], count: schema.fields.count)
        var count = 0
        let features = entities.map { entity in
            var result: [Int] = []
            for (position, field) in schema.fields.enumerated() {
                guard let value = entity.values[field.key] else { continue }
                let items: [FieldValue] = if case .list(let values) = value { values } else { [value] }
                for item in items {
                    let text: String
                    switch item {
                    case .enumeration(let value, _): text = value
                    case .ref(let slug, _): text = slug
                    default: continue
                    }
                    if let existing = numbers[position][text] {
                        result.append(existing)
                    } else {
                        numbers[position][text] = count
                        result.append(count)
                        count += 1
                    }
                }
            }
            result.sort()
            var unique: [Int] = []
            for feature in result where unique.last != feature { unique.append(feature) }
            return unique
        }
        return (features, count)
    }

    private static func similar(in entities: ArraySlice<Entity>, schema: KindSchema) -> [(EntityID, [EntityID])] {
        let (features, featureCount) = features(of: entities, schema: schema)
        let ids = entities.map(\.id)
        // The pages having each feature, built in place, then shared read-only by the runs below.
        var pagesByFeature = [[Int]](repeating: [], count: featureCount)
        for (page, list) in features.enumerated() {
            for feature in list { pagesByFeature[feature].append(page) }
        }
        let postings = pagesByFeature
        // Each page's list depends only on the shared features and postings: runs of pages are ranked in
        // parallel, each run with marks of its own.
        let runLength = 512
        let runs = [[(EntityID, [EntityID])]](concurrentlyCount: (ids.count + runLength - 1) / runLength, batchSize: 1) { run in
            let pages = (run * runLength)..<min(ids.count, (run + 1) * runLength)
            return ranked(pages, ids: ids, features: features, featureCount: featureCount, postings: postings)
        }
        return runs.flatMap { $0 }
    }

    /// The similar pages of the pages at `pages` (positions in `ids`, the kind's pages in title order).
    private static func ranked(
        _ pages: Range<Int>, ids: [EntityID], features: [[Int]], featureCount: Int, postings: [[Int]]
    ) -> [(EntityID, [EntityID])] {
        // Marks by page number instead of sets per page: `gathered[other] == index` once `other` is a
        // candidate of page `index`, `shared[feature] == index` for the features of page `index`.
        var gathered = [Int](repeating: -1, count: ids.count)
        var shared = [Int](repeating: -1, count: featureCount)
        var result: [(EntityID, [EntityID])] = []
        for index in pages where !features[index].isEmpty {
            let own = features[index]
            var candidates: [Int] = []
            gathering: for feature in own.sorted(by: { (postings[$0].count, $0) < (postings[$1].count, $1) }) {
                for other in postings[feature] where other != index {
                    if gathered[other] != index {
                        gathered[other] = index
                        candidates.append(other)
                    }
                    if candidates.count >= candidateLimit { break gathering }
                }
            }
            for feature in own { shared[feature] = index }
            // The best `limit` by score, then title order (the kind's pages are in title order, without case,
            // then slug): ties keep it.
            var best: [(score: Int, other: Int)] = []
            func ranksBefore(_ lhs: (score: Int, other: Int), _ rhs: (score: Int, other: Int)) -> Bool {
                lhs.score > rhs.score || (lhs.score == rhs.score && lhs.other < rhs.other)
            }
            for other in candidates {
                let entry = (score: features[other].reduce(0) { $0 + (shared[$1] == index ? 1 : 0) }, other: other)
                if best.count == limit, !ranksBefore(entry, best[limit - 1]) { continue }
                best.insert(entry, at: best.firstIndex { ranksBefore(entry, $0) } ?? best.count)
                if best.count > limit { best.removeLast() }
            }
            if !best.isEmpty { result.append((ids[index], best.map { ids[$0.other] })) }
        }
        return result
    }
}
