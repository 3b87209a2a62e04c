import Foundation

/// A site kept in memory between builds, for `satchel serve`.
///
/// After an edit of existing pages it reads and parses only the edited files and updates the kept graph:
/// it swaps the pages in when the edit changed nothing the graph resolves, puts them in place and resolves
/// their links otherwise, and resolves every page again only when neither can vouch for the result. It
/// renders only what the edit can reach, reusing the comparison rows, similar pages and rendered cards and
/// rows the edit cannot change, and replaces only the changed files of the served output in place, each by
/// an atomic rename. Anything else (a page added or removed, a schema,
/// an introduction, the configuration or the theme changed, a new day) goes through a whole `Site.build`.
/// Either way the output is byte-identical to a clean build.
public actor LiveSite {
    public nonisolated let site: Site
    public nonisolated let output: OutputDirectory
    /// The last good build, or nil when the next build must be a whole one.
    private var snapshot: LiveSnapshot? {
        didSet { generation += 1 }
    }
    /// Counts the snapshots, so that `prepare` keeps what it made only for the snapshot it started from.
    private var generation = 0
    /// Pages edited since the last good build, re-read by the next update even when its changes do not
    /// name them (the build after a fix must see every earlier edit too).
    private var pending: Set<String> = []
    /// The build cache on disk no longer describes the output: updates replace files in place.
    private var cacheIsStale = false

    public init(site: Site, output: OutputDirectory) {
        self.site = site
        self.output = output
    }

    /// Builds after `changed` (absolute paths; nil for the first build): an update of the kept site when
    /// only existing pages were edited, a whole build otherwise. Throws `BuildFailure` for content errors,
    /// leaving the served output as it was.
    public func build(changed: Set<String>? = nil, buildDate: Date = Date()) async throws -> BuildSummary {
        if let changed, var kept = snapshot, kept.day == Site.day(of: buildDate) {
            let paths = changed.union(pending)
            if let edits = edits(paths, in: kept) {
                // The update edits the kept pages in place, so nothing else may hold them meanwhile.
                snapshot = nil
                do {
                    let summary = try await update(&kept, with: edits)
                    pending = []
                    // The last build's snapshot goes to a task of its own: freeing what the update replaced
                    // (rows, cards, graph) takes tens of milliseconds, which the reload need not wait for.
                    Task.detached(priority: .utility) { [kept] in withExtendedLifetime(kept) {} }
                    return summary
                } catch let failure as BuildFailure {
                    // A content error, found before any file was replaced: the kept site, its texts put back,
                    // stays. Any other error leaves no snapshot: files may be half replaced, and only a whole
                    // build can tell what the output holds now.
                    snapshot = kept
                    pending = Set(edits.keys.map { site.contentDirectory.path + "/" + kept.content.pages[$0].relativePath })
                    throw failure
                }
            }
        }
        snapshot = nil
        pending = []
        cacheIsStale = false
        let (summary, kept) = try await site.build(into: output, buildDate: buildDate, useCache: true, keepingModel: true)
        snapshot = kept
        return summary
    }

    /// Makes what a build that found the output up to date did not keep, the search index, the comparison
    /// rows and the listing cards, so that the first edit need not; and renders the listing and comparison
    /// pages once, output discarded, so that every card and row keeps its rendering for that edit too.
    /// Serve calls it once it serves.
    public func prepare() async {
        guard let kept = snapshot, !isPrepared else { return }
        let started = generation
        let graph = kept.model.graph
        let renderer = SiteRenderer(
            graph: graph, config: kept.model.config, theme: kept.theme, introductions: kept.model.introductions,
            buildDate: kept.day, similarity: kept.similarity, comparisons: ComparisonRowsBox(kept.comparisons, keeping: true),
            cards: ListingCardsBox(kept.cards, keeping: true), fragments: kept.fragments)
        let navigation = NavigationCache(renderer: renderer)
        let search = kept.search == nil
            ? IndexedCorpus(SearchCorpus.collect(SearchDocument.documents(in: graph)), schemas: graph.schemas) : kept.search
        await withTaskGroup(of: Void.self) { group in
            for schema in graph.schemas where kept.comparisons[schema.name] == nil {
                group.addTask { _ = renderer.comparisonPage(of: schema, renderer.comparison(of: schema), navigation: navigation) }
            }
            for schema in graph.schemas where kept.cards[schema.name] == nil {
                group.addTask { _ = renderer.listingPage(of: schema, navigation: navigation) }
            }
        }
        // An update that ran meanwhile made its own.
        guard generation == started else { return }
        snapshot?.search = search
        snapshot?.comparisons = renderer.comparisons.all
        snapshot?.cards = renderer.cards.all
    }

    /// Whether the kept site has the search index and every kind's comparison rows and listing cards.
    var isPrepared: Bool {
        guard let snapshot else { return false }
        return snapshot.search != nil
            && snapshot.model.graph.schemas.allSatisfy { snapshot.comparisons[$0.name] != nil && snapshot.cards[$0.name] != nil }
    }

    /// The kept listing cards and comparison rows, and how many of them keep a rendering for the next update.
    var keptFragments: (count: Int, rendered: Int) {
        guard let snapshot else { return (0, 0) }
        let renderings = snapshot.cards.values.flatMap { $0.values.map(\.renderings) }
            + snapshot.comparisons.values.flatMap { $0.rows.values.map(\.view.renderings) }
        return (renderings.count, renderings.filter { ($0?.count ?? 0) > 0 }.count)
    }

    /// Writes the build cache after updates in place, so that a later `satchel build` or `serve` starts from
    /// this output rather than building everything. Serve calls it after telling the open pages to reload.
    public func saveCache() {
        guard cacheIsStale, let snapshot else { return }
        do { try snapshot.cache.save(for: output.url) } catch { BuildCache.remove(for: output.url) }
        cacheIsStale = false
    }

    /// The new text of each edited page, by index in the kept content; nil when a change is anything but an
    /// edit of an existing page. Paths that no longer exist and were never read (an editor's temporary
    /// file) are left out.
    private func edits(_ paths: Set<String>, in snapshot: LiveSnapshot) -> [Int: String]? {
        let root = site.contentDirectory.path + "/"
        var edits: [Int: String] = [:]
        for path in paths {
            guard path.hasPrefix(root), let index = snapshot.pageIndex[String(path.dropFirst(root.count))] else {
                if !FileManager.default.fileExists(atPath: path), !snapshot.mentions(path, under: root) { continue }
                return nil
            }
            let page = snapshot.content.pages[index]
            guard let text = try? SourceText.read(URL(fileURLWithPath: path), displayPath: page.path) else { return nil }
            if text != page.text { edits[index] = text }
        }
        return edits
    }

    /// The kept graph with the edited entities swapped in, when the edits changed nothing the graph resolves
    /// or checks: the same title, summary, update day and values, the same headings, link destinations and
    /// compare blocks, and no diagnostics. Such an edit (most body edits) needs no graph built again: the
    /// last good build had no errors, so its diagnostics (loader warnings) stand. Nil otherwise.
    private static func patched(_ graph: ContentGraph, with outcomes: [PageParser.Outcome?]) -> ContentGraph? {
        var graph = graph
        for outcome in outcomes {
            guard let outcome, outcome.diagnostics.isEmpty, let entity = outcome.entity, let old = graph.entity(entity.id),
                  old.title == entity.title, old.summary == entity.summary, old.updated == entity.updated, old.values == entity.values,
                  old.body.headings == entity.body.headings,
                  old.body.links.map({ [$0.destination, "\($0.isImage)"] }) == entity.body.links.map({ [$0.destination, "\($0.isImage)"] }),
                  old.body.fencedBlocks.map({ [$0.info, $0.literal] }) == entity.body.fencedBlocks.map({ [$0.info, $0.literal] })
            else { return nil }
            graph = graph.replacing(entity)
        }
        return graph
    }

    /// The kept graph updated with the edited entities (`ContentGraph.updating`), when their pages parsed
    /// without a diagnostic and their links and compare blocks still resolve: the last good build had no
    /// errors, so its diagnostics (loader warnings) stand. Nil otherwise, for a whole resolve that reports.
    private static func updated(_ snapshot: LiveSnapshot, with outcomes: [PageParser.Outcome?]) -> ContentGraph? {
        var entities: [Entity] = []
        for outcome in outcomes {
            guard let outcome, outcome.diagnostics.isEmpty, let entity = outcome.entity else { return nil }
            entities.append(entity)
        }
        guard let graph = snapshot.model.graph.updating(entities),
              CompareBlock.check(graph: graph, introductions: [:], kinds: snapshot.content.config.kinds, invalid: []).isEmpty
        else { return nil }
        return graph
    }

    /// What an edit of `edited` can change, and the similar pages after it.
    ///
    /// Other pages show an entity's face: its title, summary, update day and field values (in links, facts,
    /// tables, charts and "Compare with…" lists), the links it makes (as their backlinks and in the maps),
    /// and its headings (as link anchors). When no edited face changed, only the edited pages and the search
    /// index can differ. Otherwise the edited pages' neighbours before and after, pages with compare blocks
    /// and pages whose similar pages changed are rendered again, with the comparisons of their kinds and the
    /// overview pages.
    private func reach(
        of edited: Set<EntityID>, from snapshot: LiveSnapshot, to graph: ContentGraph
    ) -> (affected: Set<EntityID>, shared: SharedPages, similarity: Similarity) {
        let old = snapshot.model.graph
        let changedFaces = edited.filter { !Self.sameFace(of: $0, in: old, and: graph) }
        guard !changedFaces.isEmpty else {
            return (edited, .none, snapshot.similarity)
        }
        // A kind's similar pages follow its pages' values and title order: a page that kept both (a title
        // edit that moved no page, say) leaves them as they were.
        let reordered = changedFaces.filter {
            old.entity($0)?.values != graph.entity($0)?.values || old.position(of: $0) != graph.position(of: $0)
        }
        let similarity = Similarity(graph: graph, reusing: snapshot.similarity, except: Set(reordered.map(\.kind)))
        var affected = edited
        for id in changedFaces { affected.formUnion(old.neighbours(of: id).union(graph.neighbours(of: id))) }
        let kinds = Set(affected.map(\.kind))
        let written = kinds.filter {
            Self.showsBeyondCardsAndRows($0, changedFaces, in: graph, introductions: snapshot.model.introductions)
        }
        affected.formUnion(graph.entitiesWithCompareBlocks)
        // Similar pages are of the same kind, so only the changed pages' kinds can list them or have new ones.
        // By position: copying each entity out of the graph (ten reference-counted fields) cost more than the check.
        for kind in Set(changedFaces.map(\.kind)) {
            for position in graph.range(of: kind) {
                let id = graph.entities[position].id
                let similar = similarity[id]
                if similar != snapshot.similarity[id] || similar.contains(where: changedFaces.contains) { affected.insert(id) }
            }
        }
        return (affected, SharedPages(kinds: written, checkedKinds: kinds.subtracting(written), overview: true), similarity)
    }

    /// Whether `kind`'s listing or comparison can show a page of `changed` other than through the cards and
    /// rows of its own pages: it is the kind of one (its charts draw their values), it draws a matrix of one's
    /// kind, or its introduction links to one or holds a compare block. Otherwise its pages change only if
    /// a card or row does (`SharedPages.checkedKinds`).
    private static func showsBeyondCardsAndRows(
        _ kind: String, _ changed: Set<EntityID>, in graph: ContentGraph, introductions: [String: MarkdownDocument]
    ) -> Bool {
        if changed.contains(where: { $0.kind == kind }) { return true }
        let matrixKinds = graph.schema(kind)?.fields.filter(\.isMatrix).compactMap(\.type.referencedKind) ?? []
        if changed.contains(where: { matrixKinds.contains($0.kind) }) { return true }
        guard let introduction = introductions[kind] else { return false }
        if introduction.fencedBlocks.contains(where: { $0.info == CompareBlock.info }) { return true }
        return (graph.introductionLinks[kind] ?? []).contains { target in
            if case .entity(let id, _) = target { changed.contains(id) } else { false }
        }
    }

    /// The kept search index and the documents to put in it, when no page moved: those of the `affected`
    /// pages that differ. A page's document shows its own text and the titles its fields reference, so only
    /// an edited page and the neighbours of a page whose face changed (all in `affected`) can have a new one.
    /// A box that indexes every document anew when a page moved or nothing is kept.
    private static func search(_ kept: IndexedCorpus?, after affected: Set<EntityID>, in graph: ContentGraph) -> SearchCorpusBox {
        guard let kept else { return SearchCorpusBox(keeping: true) }
        let documents = kept.corpus.documents
        // By index: zipping the two would copy out every entity and document.
        guard graph.entities.count == documents.count, documents.indices.allSatisfy({ graph.entities[$0].id == documents[$0].id }) else {
            return SearchCorpusBox(keeping: true)
        }
        var replacements: [Int: SearchDocument] = [:]
        for id in affected {
            guard let position = graph.position(of: id), let kindIndex = graph.schemas.firstIndex(where: { $0.name == id.kind }) else {
                return SearchCorpusBox(keeping: true)
            }
            let document = SearchDocument(entity: graph.entities[position], schema: graph.schemas[kindIndex], kindIndex: kindIndex, graph: graph)
            if document != documents[position] { replacements[position] = document }
        }
        return SearchCorpusBox(kept, replacing: replacements, keeping: true)
    }

    /// What the snapshot keeps by key (rows, cards, the output's files), left empty in it: the one it is
    /// handed to then holds the only reference and puts the new entries in place instead of copying thousands.
    /// (A render that fails is followed by a whole build, which keeps nothing of the snapshot.)
    private static func handOver<Kept>(_ kept: inout [String: Kept]) -> [String: Kept] {
        defer { kept = [:] }
        return kept
    }

    private static func sameFace(of id: EntityID, in old: ContentGraph, and new: ContentGraph) -> Bool {
        guard let before = old.entity(id), let after = new.entity(id) else { return false }
        return before.title == after.title && before.summary == after.summary && before.updated == after.updated
            && before.values == after.values && old.outgoing[id] ?? [] == new.outgoing[id] ?? []
            && before.body.headings == after.body.headings
    }

    /// Puts `edits` (new texts by page index) into the kept pages, parsed and hashed; returns the edited ids.
    private static func apply(_ edits: [Int: String], to snapshot: inout LiveSnapshot) -> Set<EntityID> {
        let schemas = Dictionary(uniqueKeysWithValues: snapshot.content.schemas.map { ($0.name, $0) })
        var edited: Set<EntityID> = []
        for (index, text) in edits {
            snapshot.content.pages[index].text = text
            let page = snapshot.content.pages[index]
            let id = EntityID(kind: page.kind, slug: page.slug)
            snapshot.pages.replace(id, with: Site.parse(page, schemas: schemas, allowsRawHTML: snapshot.content.config.allowsRawHTML))
            snapshot.inputs.update(id, text: text)
            edited.insert(id)
        }
        return edited
    }

    /// Updates the kept site and the output after `edits`. The kept pages are edited in place (the caller
    /// holds the only reference to them), so that 10,000 pages are not copied for one. A content error, the
    /// only `BuildFailure`, comes before any file is replaced, and the old texts are put back for it.
    private func update(_ snapshot: inout LiveSnapshot, with edits: [Int: String]) async throws -> BuildSummary {
        let start = ContinuousClock.now
        var timeline = BuildTimeline()
        let originals = Dictionary(uniqueKeysWithValues: edits.keys.map { ($0, snapshot.content.pages[$0].text) })
        let edited = Self.apply(edits, to: &snapshot)
        timeline.mark("parse")
        let content = snapshot.content
        let pages = snapshot.pages
        let inputs = snapshot.inputs
        let model: Site.Model
        let outcomes = edited.map { pages.outcomes[$0] ?? nil }
        if let graph = Self.patched(snapshot.model.graph, with: outcomes) ?? Self.updated(snapshot, with: outcomes) {
            model = Site.Model(
                config: content.config, graph: graph, introductions: snapshot.model.introductions,
                warnings: snapshot.model.warnings, linkCount: snapshot.model.linkCount - snapshot.model.graph.edgeCount + graph.edgeCount)
            timeline.mark("graph")
        } else {
            let (resolved, diagnostics) = site.resolve(content, pages: pages, timeline: &timeline)
            if diagnostics.contains(where: { $0.severity == .error }) {
                _ = Self.apply(originals, to: &snapshot)
                throw BuildFailure(diagnostics)
            }
            model = resolved
        }
        let (affected, shared, similarity) = reach(of: edited, from: snapshot, to: model.graph)
        timeline.mark("reach")
        let renderer = SiteRenderer(
            graph: model.graph, config: model.config, theme: snapshot.theme, introductions: model.introductions,
            buildDate: snapshot.day, similarity: similarity,
            search: Self.search(snapshot.search, after: affected, in: model.graph),
            comparisons: ComparisonRowsBox(Self.handOver(&snapshot.comparisons), rebuilding: affected, keeping: true),
            cards: ListingCardsBox(Self.handOver(&snapshot.cards), rebuilding: affected, keeping: true),
            home: HomeViewBox(snapshot.home, keeping: true), fragments: snapshot.fragments)
        // From the first file replaced until `saveCache`, the cache on disk must not be trusted.
        BuildCache.remove(for: output.url)
        cacheIsStale = true
        let writer = FileWriter(root: output.url, replacesAtomically: true)
        // The output's files, taken from the snapshot so that the few the update renders are put in place.
        let files = WrittenFiles(Self.handOver(&snapshot.cache.files))
        try await renderer.render(only: affected, shared: shared) { path, contents in
            if files.replace(path, with: ContentHash(contents)) { try writer.write(path, contents) }
        }
        // Only the search index and compare-block CSVs can lose files after an edit. Every CSV is written, so
        // one not written is gone; a search file is gone when the index no longer has it (an updated index
        // writes only the files that changed). Every other file the update did not write is as the last build
        // left it.
        let searchFiles = Set(renderer.search.indexed?.bundle.paths ?? [])
        let searchFolder = SearchBundle.folder + "/"
        let gone = files.all.keys.filter { path in
            (path.hasPrefix(searchFolder) ? !searchFiles.contains(path) : ComparePaths.isBlockCSV(path)) && !files.wasReplaced(path)
        }
        for path in gone {
            try writer.remove(path)
            files.remove(path)
        }
        timeline.mark("render and write")
        // In place, as the pages: the records of 10,000 pages are not copied for the few that changed.
        snapshot.cache.globalHash = inputs.globalHash
        snapshot.cache.files = files.all
        for (key, record) in inputs.records(graph: model.graph, similarity: similarity, of: affected.union(edited)) {
            snapshot.cache.entities[key] = record
        }
        timeline.mark("cache records")
        let cache = snapshot.cache
        self.snapshot = LiveSnapshot(
            content: content, pages: pages, model: model, theme: snapshot.theme, day: snapshot.day, inputs: inputs, cache: cache,
            similarity: similarity, search: renderer.search.indexed, comparisons: renderer.comparisons.all,
            cards: renderer.cards.all, home: renderer.home.made, fragments: snapshot.fragments, pageIndex: snapshot.pageIndex)
        let written = files.writtenCount
        return BuildSummary(
            pagesPerKind: content.pagesPerKind, pagesWritten: written, filesUnchanged: cache.files.count - written,
            assetsCopied: 0, linksResolved: model.linkCount, warnings: model.warnings,
            duration: ContinuousClock.now - start, upToDate: false, timeline: timeline)
    }
}

/// What a good build leaves in memory for `LiveSite`'s next update.
struct LiveSnapshot: Sendable {
    var content: LoadedContent
    var pages: ParsedPages
    var model: Site.Model
    var theme: Theme
    /// The build date the pages show.
    var day: String
    var inputs: BuildInputs
    /// What the output folder holds now (and the cache on disk once saved).
    var cache: BuildCache
    var similarity: Similarity
    /// The search index with its documents and files; nil when the build wrote no index (nothing changed).
    var search: IndexedCorpus?
    /// Each compared kind's rows as last written, by entity; a kind whose comparison was not written has none.
    var comparisons: [String: KeptComparison]
    /// Each kind's listing cards as last written, by entity; a kind whose listing was not written has none.
    var cards: [String: [EntityID: EntityCardView]]
    /// The home page's view as last written; nil when not known (the first update then writes the page).
    var home: HomeView?
    /// Listing cards and comparison-table rows as rendered, for the next update to reuse.
    let fragments: TemplateFragments
    /// Each page's index in `content.pages`, by its path relative to the content folder (an update, which
    /// moves no page, hands on the one it had).
    let pageIndex: [String: Int]

    init(
        content: LoadedContent, pages: ParsedPages, model: Site.Model, theme: Theme, day: String, inputs: BuildInputs,
        cache: BuildCache, similarity: Similarity, search: IndexedCorpus? = nil,
        comparisons: [String: KeptComparison] = [:], cards: [String: [EntityID: EntityCardView]] = [:], home: HomeView? = nil,
        fragments: TemplateFragments = TemplateFragments(),
        pageIndex: [String: Int]? = nil
    ) {
        self.content = content
        self.pages = pages
        self.model = model
        self.theme = theme
        self.day = day
        self.inputs = inputs
        self.cache = cache
        self.similarity = similarity
        self.search = search
        self.comparisons = comparisons
        self.cards = cards
        self.home = home
        self.fragments = fragments
        self.pageIndex = pageIndex ?? Dictionary(content.pages.indices.map { (content.pages[$0].relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a diagnostic of the kept build names `path` (say, an ignored file's warning), so that its
    /// removal changes the build.
    func mentions(_ path: String, under root: String) -> Bool {
        let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        return model.warnings.contains { $0.location.file.hasSuffix("/" + relative) || $0.location.file == relative }
    }
}

extension SourcePage {
    /// `kind/slug.md`, the page's path inside the content folder.
    var relativePath: String { "\(kind)/\(slug).md" }
}
