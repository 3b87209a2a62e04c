/// Which of the pages not tied to one entity a render writes. A whole build writes them all; an update in
/// `LiveSite` writes only those the edit can change. The CSVs of ```compare blocks are always written, since
/// any body edit can change them; the search index, which any body edit can change too, writes what changed
/// (after an update of a kept index, only the files that changed).
struct SharedPages: Sendable {
    /// Kinds whose comparison table, CSV and side-by-side data are written; nil for every kind.
    var comparedKinds: Set<String>?
    /// The home, 404, side-by-side and catalog map pages and every kind's listing: they show titles,
    /// summaries, compared values, update days and links of pages of every kind.
    var overview: Bool

    static let all = SharedPages(comparedKinds: nil, overview: true)
}
