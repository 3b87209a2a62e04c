import Foundation

/// Per-entity output an earlier render made, by kind, that a render reuses for every entity but those it
/// rebuilds; and, when it is to be kept, what the render makes, for the next (`LiveSite` keeps it).
final class KeptPerKind<Kept: Sendable>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: [String: Kept]
    /// Entities whose output is made again; everything else kept for their kind is used as it is.
    let rebuilt: Set<EntityID>
    /// Whether what a render makes is kept: a plain build lets it go once written.
    let keeps: Bool

    init(_ kept: [String: Kept] = [:], rebuilding rebuilt: Set<EntityID> = [], keeping keeps: Bool = false) {
        stored = kept
        self.rebuilt = rebuilt
        self.keeps = keeps
    }

    /// Every kind's output: what the render made, and what was kept for kinds it did not render.
    var all: [String: Kept] {
        lock.withLock { stored }
    }

    /// What is kept for `kind`; the output of `rebuilt` entities is not to be used.
    func kept(of kind: String) -> Kept? {
        lock.withLock { stored[kind] }
    }

    /// Changes what is kept for `kind`, if the render's output is to be kept. The kept value is taken out
    /// while it changes, so that changing it does not copy it.
    func update(_ kind: String, _ change: (inout Kept?) -> Void) {
        guard keeps else { return }
        lock.withLock {
            var kept = stored.removeValue(forKey: kind)
            change(&kept)
            stored[kind] = kept
        }
    }
}

/// The listing cards a render starts from and, when they are to be kept, those it made: by kind, by entity.
/// A card shows its entity's title, summary and listed values, and the titles those values reference, so it
/// changes only when its entity or a neighbour's face does, which puts the entity among those rebuilt.
typealias ListingCardsBox = KeptPerKind<[EntityID: EntityCardView]>
