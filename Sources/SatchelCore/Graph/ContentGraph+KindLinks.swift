extension ContentGraph {
    /// How many references go from each kind to each other kind: `[from][to]`, by index in `schemas`.
    ///
    /// The catalog map's overview and its list of kinds show these counts. Kinds are matched by comparing
    /// names, which are short enough to compare in place, instead of hashing two strings per edge.
    var kindLinkCounts: [[Int]] {
        let names = schemas.map(\.name)
        var counts = Array(repeating: Array(repeating: 0, count: names.count), count: names.count)
        for edges in outgoing.values {
            guard let first = edges.first, let from = names.firstIndex(of: first.source.kind) else { continue }
            for index in edges.indices {
                guard let to = names.firstIndex(of: edges[index].target.kind) else { continue }
                counts[from][to] += 1
            }
        }
        return counts
    }
}
