/// Every entity's title and URL, as the side-by-side page looks up the references in each kind's data
/// (`SideBySideData`): a script that sets `window.SatchelTitles`, one entry per entity,
///
///     window.SatchelTitles = {"materials/nylon": ["Nylon", "../materials/nylon.html"], …};
///
/// with URLs relative to the side-by-side page.
struct EntityTitles: Sendable {
    let graph: ContentGraph

    /// How data names an entity: `kind/slug`.
    static func key(of id: EntityID) -> String {
        id.kind + "/" + id.slug
    }

    /// The file's text.
    var script: String {
        let root = SitePaths.root(depth: SitePaths.depth(of: ComparePaths.sideBySide))
        var json = JSONWriter()
        json.raw("window.SatchelTitles = {")
        // By position: the fields are read in place rather than each entity copied out.
        for position in graph.entities.indices {
            if position > 0 { json.raw(",") }
            let id = graph.entities[position].id
            json.string(Self.key(of: id))
            json.raw(":[")
            json.string(graph.entities[position].title)
            json.raw(",")
            json.string(SitePaths.entity(id, root: root))
            json.raw("]")
        }
        json.raw("};\n")
        return json.text
    }
}
