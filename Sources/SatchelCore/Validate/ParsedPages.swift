/// Every page's parse outcome, kept whole so that `LiveSite` can replace the outcomes of edited pages and
/// resolve the graph again without parsing the others.
struct ParsedPages: Sendable {
    /// Entity ids in the order of the loaded pages, so diagnostics come out in the same order every build.
    private(set) var order: [EntityID]
    /// Nil for a page whose kind has an invalid schema (reported already).
    private(set) var outcomes: [EntityID: PageParser.Outcome?]

    init(_ results: [(EntityID, PageParser.Outcome?)], order: [EntityID]) {
        self.order = order
        outcomes = Dictionary(results, uniquingKeysWith: { first, _ in first })
    }

    /// Replaces one page's outcome.
    mutating func replace(_ id: EntityID, with outcome: PageParser.Outcome?) {
        outcomes[id] = .some(outcome)
    }

    /// The entities (partial ones included), the pages that could not be read at all (so references to them
    /// are not reported a second time), and every page's diagnostics.
    var collected: (entities: [Entity], failed: Set<EntityID>, diagnostics: [Diagnostic]) {
        var entities: [Entity] = []
        var failed: Set<EntityID> = []
        var diagnostics: [Diagnostic] = []
        entities.reserveCapacity(order.count)
        for id in order {
            guard let outcome = outcomes[id] ?? nil else {
                failed.insert(id)
                continue
            }
            diagnostics += outcome.diagnostics
            if let entity = outcome.entity { entities.append(entity) } else { failed.insert(id) }
        }
        return (entities, failed, diagnostics)
    }
}
