/// Which of the pages not tied to one entity a render writes. A whole build writes them all; an update in
/// `LiveSite` writes only those the edit can change. The search index and the CSVs of ```compare blocks
/// are always written: any body edit can change them.
struct SharedPages: Sendable {
    /// Kinds whose comparison table, CSV and side-by-side data are written; nil for every kind.
    var comparedKinds: Set<String>?
    /// The home, 404, side-by-side and catalog map pages and every kind's listing: they show titles,
    /// summaries, compared values, update days and links of pages of every kind.
    var overview: Bool

    static let all = SharedPages(comparedKinds: nil, overview: true)

    /// Whether `path`, a file these pages could have written before, belongs to the families always
    /// written again, so that its absence now means it is gone.
    static func isAlwaysWritten(_ path: String) -> Bool {
        path.hasPrefix(SearchBundle.folder + "/") || ComparePaths.isBlockCSV(path)
    }
}
