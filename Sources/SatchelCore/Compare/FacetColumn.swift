/// One facet column of a kind's comparison: its options in order, with how many rows hold each. Kept
/// between renders (`KeptComparison`), so that an edit counts only the rows it rebuilt, not every row.
struct FacetColumn: Sendable {
    private(set) var options: [CompareTable.FacetOption]
    /// Where each value is in `options`.
    private let positions: [String: Int]

    init(_ options: [CompareTable.FacetOption]) {
        self.options = options
        positions = Dictionary(zip(options.map(\.value), options.indices), uniquingKeysWith: { first, _ in first })
    }

    /// The column after the rows whose facet values were `removed` gave way to rows with `added`; nil
    /// when a value appears or goes, which changes the options themselves (the table counts them again).
    func replacing(_ removed: [[String]], with added: [[String]]) -> FacetColumn? {
        var column = self
        var touched: [Int] = []
        for (rows, change) in [(removed, -1), (added, 1)] {
            for facets in rows {
                for value in CompareTable.distinct(facets) {
                    guard let position = positions[value] else { return nil }
                    column.options[position].count += change
                    touched.append(position)
                }
            }
        }
        return touched.allSatisfy { column.options[$0].count > 0 } ? column : nil
    }
}
