/// Where each generated page lives in the output, and relative links between them. Every link names a
/// file (`materials/nylon.html`), so the site works from `file://` as well as from a server.
///
/// Entity pages are files beside their kind's listing rather than `materials/nylon/index.html`: a folder
/// per page cost ten times more than the page itself to create and remove on ext4 (10,000 pages: 1.4 s to
/// create and 1.8 s to delete the folders, against 0.16 s and 0.10 s for the files alone).
public enum SitePaths {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let assets = "assets"
    /// The catalog map page's folder; no kind may be named so.
    public static let mapFolder = "map"
    public static let map = "\(mapFolder)/index.html"

    public static func kind(_ kind: String) -> String { "\(kind)/index.html" }
    public static func entity(_ id: EntityID) -> String { "\(id.kind)/\(id.slug).html" }

    /// `root` followed by the entity's path, built in one string: pages link to many entities.
    public static func entity(_ id: EntityID, root: String) -> String {
        var path = root
        path.reserveCapacity(root.utf8.count + id.kind.utf8.count + id.slug.utf8.count + 6)
        path += id.kind
        path += "/"
        path += id.slug
        path += ".html"
        return path
    }

    /// How many folders deep a page is, which decides the `../` prefix of its links.
    public static func depth(of path: String) -> Int {
        path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }

    /// The prefix that leads from a page at `depth` back to the output root.
    public static func root(depth: Int) -> String {
        String(repeating: "../", count: depth)
    }

    public static func href(for target: LinkTarget, depth: Int) -> String? {
        switch target {
        case .entity(let id, let fragment): root(depth: depth) + entity(id) + (fragment.map { "#\($0)" } ?? "")
        case .kind(let name, let fragment): root(depth: depth) + kind(name) + (fragment.map { "#\($0)" } ?? "")
        case .fragment(let fragment): "#\(fragment)"
        case .external: nil
        }
    }
}
