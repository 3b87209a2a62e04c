/// Which of the pages not tied to one entity a render writes. A whole build writes them all; an update in
/// `LiveSite` writes only those the edit can change. The CSVs of ```compare blocks are always written, since
/// any body edit can change them; the search index, which any body edit can change too, writes what changed
/// (after an update of a kept index, only the files that changed).
struct SharedPages: Sendable {
    /// Kinds whose listing, comparison table, CSV and side-by-side data are written; nil for every kind.
    /// They show their own pages' titles, summaries and compared values, and the titles those reference.
    var kinds: Set<String>?
    /// Kinds whose listing, comparison table, CSV and side-by-side data are rendered but written only when a
    /// card or row built again differs from the one kept: kinds that show the changed pages through their
    /// cards and rows alone.
    var checkedKinds: Set<String> = []
    /// The home, 404, side-by-side and catalog map pages: they show titles, summaries, update days and
    /// links of pages of every kind.
    var overview: Bool

    static let all = SharedPages(kinds: nil, overview: true)
    /// None of them: an edit that changed nothing other pages show of the edited ones.
    static let none = SharedPages(kinds: [], overview: false)

    /// Whether the render writes none of them.
    var isNone: Bool { kinds?.isEmpty == true && checkedKinds.isEmpty && !overview }

    init(kinds: Set<String>?, checkedKinds: Set<String> = [], overview: Bool) {
        self.kinds = kinds
        self.checkedKinds = checkedKinds
        self.overview = overview
    }

    /// Whether the pages of `kind` are written.
    func includes(_ kind: String) -> Bool {
        kinds?.contains(kind) ?? true
    }

    /// Whether the pages of `kind` are rendered: to be written, or to be written if a card or row changed.
    func renders(_ kind: String) -> Bool {
        includes(kind) || checkedKinds.contains(kind)
    }
}
