import Foundation

/// The home page's view as an earlier render showed it and, when it is to be kept, the one a render made
/// (`LiveSite` keeps it). The page shows nothing else that an update can change, so an update whose view
/// equals the kept one leaves the page as it is: most edits show on the home page only through the guides,
/// the most referenced pages and the latest updates.
final class HomeViewBox: @unchecked Sendable {
    // @unchecked: `made` is only accessed through `lock`.
    private let lock = NSLock()
    /// The view of the home page in the output, if known.
    let shown: HomeView?
    private var stored: HomeView?
    /// Whether the view made is kept: a plain build lets it go.
    let keeps: Bool

    init(_ shown: HomeView? = nil, keeping keeps: Bool = false) {
        self.shown = shown
        stored = shown
        self.keeps = keeps
    }

    /// The view of the home page once the render is done: the one it made, or the one shown.
    var made: HomeView? {
        lock.withLock { stored }
    }

    func made(_ view: HomeView) {
        guard keeps else { return }
        lock.withLock { stored = view }
    }
}
