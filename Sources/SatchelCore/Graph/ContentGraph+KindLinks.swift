extension ContentGraph {
    /// How many references go from each kind to each other kind in `outgoing`: `[from][to]`, by index in
    /// `schemas`. The catalog map's overview and its list of kinds show these counts.
    static func kindLinkCounts(of outgoing: [EntityID: [Edge]], schemas: [KindSchema]) -> [[Int]] {
        let names = schemas.map(\.name)
        var counts = Array(repeating: Array(repeating: 0, count: names.count), count: names.count)
        for edges in outgoing.values { count(edges, into: &counts, names: names, times: 1) }
        return counts
    }

    /// Adds `times` for each of one entity's outgoing `edges` to `counts`.
    ///
    /// Kinds are matched by comparing names, which are short enough to compare in place, instead of hashing
    /// two strings per edge. Edges to one kind come in runs (a field's references): a name equal to the last
    /// one's is told by its bits, where telling two names apart goes through the full comparison.
    static func count(_ edges: [Edge], into counts: inout [[Int]], names: [String], times: Int) {
        guard let first = edges.first, let from = names.firstIndex(of: first.source.kind) else { return }
        var last: (name: String, index: Int)?
        for index in edges.indices {
            let kind = edges[index].target.kind
            if let last, last.name == kind {
                counts[from][last.index] += times
            } else if let to = names.firstIndex(of: kind) {
                counts[from][to] += times
                last = (kind, to)
            }
        }
    }
}
