import Foundation

/// One entity's share of its kind's comparison output: its table row and the row's view, its CSV record and
/// its side-by-side item as JSON.
///
/// A row shows the entity's own values and the titles of the entities it references; its item adds the
/// titles of those pointing at it and of those its text links to. So a row can change only when its
/// entity or a neighbour's face changed, which puts the entity among those an update renders again.
///
/// A class: a kind's rows are copied into each render's list and into the kept ones, and copying a
/// reference costs one retain where the fields cost eight.
final class ComparisonRow: Sendable, Equatable {
    let table: CompareTable.Row
    /// The row's view on its kind's comparison page, with the values facet filters match.
    let view: CompareRowView
    let csvRecord: String
    let item: String

    init(table: CompareTable.Row, view: CompareRowView, csvRecord: String, item: String) {
        self.table = table
        self.view = view
        self.csvRecord = csvRecord
        self.item = item
    }

    static func == (left: ComparisonRow, right: ComparisonRow) -> Bool {
        left === right
            || (left.table == right.table && left.view == right.view && left.csvRecord == right.csvRecord && left.item == right.item)
    }
}

/// A kind's comparison as last written, what `LiveSite` keeps so that an edit builds again only the rows
/// it affects and sorts no facet values again.
struct KeptComparison: Sendable {
    /// Every row, by entity.
    var rows: [EntityID: ComparisonRow]
    /// Each facet column's options, by field key.
    var facets: [String: FacetColumn]
}

/// The kept comparisons a render starts from and, when they are to be kept, those it made, by kind.
typealias ComparisonRowsBox = KeptPerKind<KeptComparison>

extension KeptPerKind where Kept == KeptComparison {
    /// Records what the render just made for `kind`, if it is to be kept: all its `rows`, of which those at
    /// `built` were made afresh and the others taken from those kept, which then need not be indexed again.
    /// `facets` are the facet columns by key, as kept (`FacetColumn`) or as counted again (options).
    func made(_ rows: [ComparisonRow], built: [Int], facets: [String: Facet], of kind: String) {
        update(kind) { kept in
            let columns = facets.mapValues { facet in
                switch facet {
                case .kept(let column): column
                case .counted(let options): FacetColumn(options)
                }
            }
            if var comparison = kept, built.count < rows.count {
                for position in built { comparison.rows[rows[position].table.id] = rows[position] }
                comparison.facets = columns
                kept = comparison
            } else {
                let byID = Dictionary(rows.map { ($0.table.id, $0) }, uniquingKeysWith: { first, _ in first })
                kept = KeptComparison(rows: byID, facets: columns)
            }
        }
    }

    /// A facet column as a render got it: updated from the kept one, or counted over every row.
    enum Facet {
        case kept(FacetColumn)
        case counted([CompareTable.FacetOption])

        var options: [CompareTable.FacetOption] {
            switch self {
            case .kept(let column): column.options
            case .counted(let options): options
            }
        }
    }
}
