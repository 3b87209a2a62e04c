extension ContentGraph {
    /// Entities whose body holds a ```compare block. Such a table shows values and titles of other
    /// entities that no edge of the graph records, so an incremental build re-renders these pages
    /// whenever any entity changed.
    var entitiesWithCompareBlocks: Set<EntityID> {
        // By position: each entity copied out to be checked cost more than the check.
        Set(entities.indices.lazy
            .filter { entities[$0].body.fencedBlocks.contains { $0.info == CompareBlock.info } }
            .map { entities[$0].id })
    }
}
