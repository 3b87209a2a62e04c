/// Which of the pages not tied to one entity a render writes. A whole build writes them all; an update in
/// `LiveSite` writes only those the edit can change. The CSVs of ```compare blocks are always written, since
/// any body edit can change them; the search index, which any body edit can change too, writes what changed
/// (after an update of a kept index, only the files that changed).
struct SharedPages: Sendable {
    /// Kinds whose listing, comparison table, CSV and side-by-side data are written; nil for every kind.
    /// They show their own pages' titles, summaries and compared values, and the titles those reference.
    var kinds: Set<String>?
    /// The home, 404, side-by-side and catalog map pages: they show titles, summaries, update days and
    /// links of pages of every kind.
    var overview: Bool

    static let all = SharedPages(kinds: nil, overview: true)

    /// Whether the pages of `kind` are written.
    func includes(_ kind: String) -> Bool {
        kinds?.contains(kind) ?? true
    }
}
