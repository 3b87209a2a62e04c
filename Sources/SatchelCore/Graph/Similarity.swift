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
        var similar: [EntityID: [EntityID]] = [:]
        for schema in graph.schemas {
            let entities = Array(graph.entities(of: schema.name))
            guard entities.count >= 2 else { continue }
            for (id, list) in Self.similar(in: entities, schema: schema) { similar[id] = list }
        }
        self.similar = similar
    }

    public subscript(id: EntityID) -> [EntityID] { similar[id] ?? [] }

    /// The values two pages can share: one feature number per (field, value), sorted per page.
    private static func features(of entities: [Entity], schema: KindSchema) -> [[Int]] {
        var numbers: [String: Int] = [:]
        func number(_ key: String, _ value: String) -> Int {
            let name = key + "\u{0}" + value
            if let existing = numbers[name] { return existing }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
        return entities.map { entity in
            var result: Set<Int> = []
            for field in schema.fields {
                guard let value = entity.values[field.key] else { continue }
                let items: [FieldValue] = if case .list(let values) = value { values } else { [value] }
                for item in items {
                    switch item {
                    case .enumeration(let text, _): result.insert(number(field.key, text))
                    case .ref(let slug, _): result.insert(number(field.key, slug))
                    default: break
                    }
                }
            }
            return result.sorted()
        }
    }

    private static func similar(in entities: [Entity], schema: KindSchema) -> [EntityID: [EntityID]] {
        let features = features(of: entities, schema: schema)
        var postings: [Int: [Int]] = [:]
        for (index, list) in features.enumerated() {
            for feature in list { postings[feature, default: []].append(index) }
        }
        var result: [EntityID: [EntityID]] = [:]
        for (index, own) in features.enumerated() where !own.isEmpty {
            var candidates: Set<Int> = []
            for feature in own.sorted(by: { (postings[$0]!.count, $0) < (postings[$1]!.count, $1) }) {
                for other in postings[feature]! where other != index {
                    candidates.insert(other)
                    if candidates.count >= candidateLimit { break }
                }
                if candidates.count >= candidateLimit { break }
            }
            let ownSet = Set(own)
            let ranked = candidates.map { other in (score: features[other].reduce(0) { $0 + (ownSet.contains($1) ? 1 : 0) }, other: other) }
                // The kind's pages are in title order (without case, then slug): ties keep it.
                .sorted { ($1.score, $0.other) < ($0.score, $1.other) }
            if !ranked.isEmpty { result[entities[index].id] = ranked.prefix(limit).map { entities[$0.other].id } }
        }
        return result
    }
}
