/// Every entity's title and URL, as the side-by-side page looks up the references in each kind's data
/// (`SideBySideData`): a script that sets `window.SatchelTitles`, one entry per entity,
///
///     window.SatchelTitles = {"materials/nylon": ["Nylon", "../materials/nylon.html"], …};
///
/// with URLs relative to the side-by-side page.
struct EntityTitles: Sendable {
    let graph: ContentGraph

    /// How data names an entity: `kind/slug` (written the same way by `script`).
    static func key(of id: EntityID) -> String {
        id.kind + "/" + id.slug
    }

    /// The file's text.
    var script: String {
        let root = SitePaths.root(depth: SitePaths.depth(of: ComparePaths.sideBySide))
        var json = JSONWriter()
        json.raw("window.SatchelTitles = {")
        // By position: the fields are read in place rather than each entity copied out.
        json.reserve(graph.entities.count * 96)
        for position in graph.entities.indices {
            if position > 0 { json.raw(",") }
            let (kind, slug) = (graph.entities[position].id.kind, graph.entities[position].id.slug)
            json.string(joining: kind, "/", slug)
            json.raw(":[")
            json.string(graph.entities[position].title)
            json.raw(",")
            json.string(joining: root, kind, "/", slug, ".html")
            json.raw("]")
        }
        json.raw("};\n")
        return json.text
    }
}
