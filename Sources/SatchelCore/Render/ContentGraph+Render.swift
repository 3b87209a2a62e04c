extension ContentGraph {
    /// The title of the entity `id`, read in place. `entity(_:)` returns a copy of the whole entity (its
    /// values, their locations and its body), which cost a few percent of a 10,000-page build where pages
    /// only show the titles of the pages they link to.
    func entityTitle(of id: EntityID) -> String? {
        guard let position = position(of: id) else { return nil }
        return entities[position].title
    }

    /// The title and summary of the entity `id`, read in place (see `entityTitle(of:)`).
    func entityTitleAndSummary(of id: EntityID) -> (title: String, summary: String?)? {
        guard let position = position(of: id) else { return nil }
        return (entities[position].title, entities[position].summary)
    }

    /// Whether the graph holds a page `id`, without copying it.
    func containsEntity(_ id: EntityID) -> Bool {
        position(of: id) != nil
    }

    /// The singular name of `kind`, read in place rather than through a copy of its schema.
    func singular(of kind: String) -> String? {
        for index in schemas.indices where schemas[index].name == kind {
            return schemas[index].singular
        }
        return nil
    }
}
