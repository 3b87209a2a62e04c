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
            // Edges to one kind come in runs (a field's references): a name equal to the last one's is told
            // by its bits, where telling two names apart goes through the full comparison.
            var last: (name: String, index: Int)?
            for index in edges.indices {
                let kind = edges[index].target.kind
                if let last, last.name == kind {
                    counts[from][last.index] += 1
                } else if let to = names.firstIndex(of: kind) {
                    counts[from][to] += 1
                    last = (kind, to)
                }
            }
        }
        return counts
    }
}
