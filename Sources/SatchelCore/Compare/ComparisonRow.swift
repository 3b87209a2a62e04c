import Foundation

/// One entity's share of its kind's comparison output: its table row, the row's CSV record and its
/// side-by-side item as JSON. What `LiveSite` keeps, so that an edit builds again only the rows it affects.
///
/// A row shows the entity's own values and the titles of the entities it references; its item adds the
/// titles of those pointing at it and of those its text links to. So a row can change only when its
/// entity or a neighbour's face changed, which puts the entity among those an update renders again.
struct ComparisonRow: Sendable {
    var table: CompareTable.Row
    var csvRecord: String
    var item: [UInt8]
}

/// The comparison rows a render starts from and, when they are to be kept, those it made, by kind.
final class ComparisonRowsBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var stored: [String: [EntityID: ComparisonRow]]
    /// Entities whose rows are built again; every other row is taken from those stored for its kind.
    let rebuilt: Set<EntityID>
    /// Whether the rows made are kept: a plain build lets them go once written.
    let keeps: Bool

    init(_ kept: [String: [EntityID: ComparisonRow]] = [:], rebuilding rebuilt: Set<EntityID> = [], keeping keeps: Bool = false) {
        stored = kept
        self.rebuilt = rebuilt
        self.keeps = keeps
    }

    /// Every kind's rows: those made by the render, and those kept for kinds it did not compare.
    var all: [String: [EntityID: ComparisonRow]] {
        lock.withLock { stored }
    }

    /// The rows kept for `kind`, by entity; those of `rebuilt` entities are not to be used.
    func kept(of kind: String) -> [EntityID: ComparisonRow] {
        lock.withLock { stored[kind] ?? [:] }
    }

    /// Records the rows just made for `kind`, if they are to be kept.
    func made(_ rows: [ComparisonRow], of kind: String) {
        guard keeps else { return }
        let byID = Dictionary(rows.map { ($0.table.id, $0) }, uniquingKeysWith: { first, _ in first })
        lock.withLock { stored[kind] = byID }
    }
}
