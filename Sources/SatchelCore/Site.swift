import Foundation

/// A Satchel project on disk and the build pipeline that turns it into a site:
/// load → parse and validate → graph → render → write.
public struct Site: Sendable {
    public var contentDirectory: URL
    public var contentDisplayPath: String
    public var themesDirectory: URL
    public var themesDisplayPath: String
    /// Overrides the theme named in `_site.yml`.
    public var themeName: String?

    public init(contentDirectory: URL, contentDisplayPath: String, themesDirectory: URL, themesDisplayPath: String, themeName: String? = nil) {
        self.contentDirectory = contentDirectory
        self.contentDisplayPath = contentDisplayPath
        self.themesDirectory = themesDirectory
        self.themesDisplayPath = themesDisplayPath
        self.themeName = themeName
    }

    /// The validated content: its configuration, graph and any warnings.
    public struct Model: Sendable {
        public var config: SiteConfig
        public var graph: ContentGraph
        public var introductions: [String: MarkdownDocument]
        public var warnings: [Diagnostic]
        public var linkCount: Int
    }

    /// Loads, parses, validates and resolves everything; throws every error found, sorted.
    public func model() async throws(BuildFailure) -> Model {
        var timeline = BuildTimeline()
        let (model, diagnostics) = await validate(
            try ContentLoader(directory: contentDirectory, displayPath: contentDisplayPath).load(), timeline: &timeline)
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        return model
    }

    /// Everything but writing: the model and the theme, with the errors of both reported together.
    public func check() async throws(BuildFailure) -> Model {
        var timeline = BuildTimeline()
        return try await modelAndTheme(
            of: try ContentLoader(directory: contentDirectory, displayPath: contentDisplayPath).load(), timeline: &timeline).model
    }

    /// Parses, validates and resolves loaded content, returning every diagnostic instead of stopping at the
    /// first stage with errors: pages whose front matter has errors still take part with their valid
    /// fields, so the graph reports their broken references and links in the same run.
    func validate(_ content: LoadedContent, timeline: inout BuildTimeline) async -> (Model, [Diagnostic]) {
        let pages = Self.parse(content)
        timeline.mark("parse")
        return resolve(content, pages: pages, timeline: &timeline)
    }

    /// Resolves parsed pages (`pages`, one outcome per page of `content`) into the model.
    func resolve(_ content: LoadedContent, pages: ParsedPages, timeline: inout BuildTimeline) -> (Model, [Diagnostic]) {
        let (entities, failed, parseDiagnostics) = pages.collected
        var introductions: [String: (path: String, body: MarkdownDocument)] = [:]
        for (kind, page) in content.introductions {
            introductions[kind] = (page.path, PageParser.parseIntroduction(page, allowsRawHTML: content.config.allowsRawHTML))
        }
        let (graph, graphDiagnostics) = ContentGraph.build(
            entities: consume entities, schemas: content.schemas, introductions: introductions,
            invalid: failed.union(content.unreadable))
        let compareDiagnostics = CompareBlock.check(
            graph: graph, introductions: introductions, kinds: content.config.kinds, invalid: failed.union(content.unreadable))
        let diagnostics = content.diagnostics + parseDiagnostics + graphDiagnostics + compareDiagnostics
        timeline.mark("graph")
        let linkCount = graph.edgeCount + introductions.values.reduce(0) { $0 + $1.body.links.count }
        let model = Model(
            config: content.config, graph: graph, introductions: introductions.mapValues(\.body),
            warnings: diagnostics, linkCount: linkCount)
        return (model, diagnostics)
    }

    /// The model and the theme it asks for (or the override), loaded even when the content has errors so
    /// that one run reports the errors of both, sorted together.
    func modelAndTheme(of content: LoadedContent, timeline: inout BuildTimeline) async throws(BuildFailure) -> (model: Model, theme: Theme) {
        let result = try await parsedModelAndTheme(of: content, timeline: &timeline)
        return (result.model, result.theme)
    }

    /// `modelAndTheme(of:timeline:)` that also returns each page's parse outcome, kept by `LiveSite`.
    func parsedModelAndTheme(of content: LoadedContent, timeline: inout BuildTimeline) async throws(BuildFailure) -> (model: Model, theme: Theme, pages: ParsedPages) {
        let pages = Self.parse(content)
        timeline.mark("parse")
        let (model, contentDiagnostics) = resolve(content, pages: pages, timeline: &timeline)
        let theme: Theme
        do {
            theme = try Theme.load(named: themeName ?? content.config.theme, themesDirectory: themesDirectory, displayPath: themesDisplayPath)
        } catch {
            throw BuildFailure(contentDiagnostics + error.diagnostics)
        }
        if contentDiagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(contentDiagnostics) }
        return (model, theme, pages)
    }

    /// Builds the site into `output`, replacing its previous contents only if the whole build succeeds.
    ///
    /// With the build cache, a build whose inputs did not change writes nothing, and a build after edits
    /// renders only the pages the edited entities can affect and writes only the files whose bytes changed;
    /// the result is byte-identical to a clean build either way.
    public func build(into output: OutputDirectory, buildDate: Date = Date(), useCache: Bool = true) async throws -> BuildSummary {
        try await build(into: output, buildDate: buildDate, useCache: useCache, keepingModel: false).summary
    }

    /// `build(into:buildDate:useCache:)` that, with `keepingModel`, also returns what `LiveSite` keeps in
    /// memory for the next edit; then even a build with nothing to write parses and resolves the content.
    func build(
        into output: OutputDirectory, buildDate: Date, useCache: Bool, keepingModel: Bool
    ) async throws -> (summary: BuildSummary, snapshot: LiveSnapshot?) {
        let start = ContinuousClock.now
        var timeline = BuildTimeline()
        var content = try ContentLoader(directory: contentDirectory, displayPath: contentDisplayPath).load()
        let day = Self.day(of: buildDate)
        let inputs = BuildInputs(
            content: content, themeFolders: Theme.folders(named: themeName ?? content.config.theme, themesDirectory: themesDirectory), buildDate: day)
        let previous = useCache ? BuildCache.load(for: output.url) : nil
        timeline.mark("load")
        // Layout errors (a misnamed file, an unknown kind folder) leave the hashed inputs as they were, so an
        // unchanged hash is no proof that the content is still valid.
        let upToDate = previous.map { inputs.matches($0) && !content.diagnostics.contains(where: { $0.severity == .error }) } ?? false
        if upToDate, !keepingModel, let previous {
            return (BuildSummary(
                pagesPerKind: content.pagesPerKind, pagesWritten: 0, filesUnchanged: previous.files.count, assetsCopied: 0,
                linksResolved: 0, warnings: content.diagnostics, duration: ContinuousClock.now - start, upToDate: true,
                timeline: timeline), nil)
        }
        let (model, theme, pages) = try await parsedModelAndTheme(of: content, timeline: &timeline)
        let pagesPerKind = content.pagesPerKind
        // Once parsed, the sources are read again only by `serve`'s next edit: a build lets them go, which
        // lowers its peak memory by the size of the catalog's text.
        if !keepingModel { content.pages = [] }
        timeline.mark("theme")
        let similarity = Similarity(graph: model.graph)
        if upToDate, let previous {
            let snapshot = LiveSnapshot(
                content: content, pages: pages, model: model, theme: theme, day: day, inputs: inputs, cache: previous, similarity: similarity)
            return (BuildSummary(
                pagesPerKind: pagesPerKind, pagesWritten: 0, filesUnchanged: previous.files.count, assetsCopied: 0,
                linksResolved: 0, warnings: model.warnings, duration: ContinuousClock.now - start, upToDate: true,
                timeline: timeline), snapshot)
        }
        let fragments = TemplateFragments()
        let renderer = SiteRenderer(
            graph: model.graph, config: model.config, theme: theme, introductions: model.introductions, buildDate: day,
            similarity: similarity, search: SearchCorpusBox(keeping: keepingModel), comparisons: ComparisonRowsBox(keeping: keepingModel),
            cards: ListingCardsBox(keeping: keepingModel), home: HomeViewBox(keeping: keepingModel), fragments: keepingModel ? fragments : nil)
        let reach = previous.flatMap { inputs.reach(since: $0, graph: model.graph, similarity: similarity) }
        let affected = reach?.entities
        var output = output
        output.buildID = UUID().uuidString
        let files = WrittenFiles()
        let seed = affected == nil ? nil : previous.map { Set($0.files.keys) }
        // A change that renders every page (a template's, a stylesheet's) leaves the current output as the cache
        // describes it: its files of unchanged bytes are linked rather than written again. An output that did not
        // hold the files the cache lists (the seed failed) is not trusted that way.
        let linksUnchanged = seed == nil
        let assets = try await output.replace(seed: seed) { staging, seeded in
            let writer = FileWriter(root: staging, replacesLinks: seeded)
            let unchanged = seeded || linksUnchanged ? previous?.files ?? [:] : [:]
            let current = output.url
            try await renderer.render(only: seeded ? affected : nil, shared: seeded ? reach?.shared ?? .all : .all) { path, contents in
                let hash = ContentHash(contents)
                if unchanged[path] == hash {
                    // Seeded, the file is in place already; otherwise it is linked, or written if that fails.
                    if seeded || writer.link(path, from: current) {
                        files.record(path, hash, written: false)
                        return
                    }
                }
                try writer.write(path, contents)
                files.record(path, hash, written: true)
            }
            guard seeded, let previous, let affected else {
                let assets = try writer.copyTrees(from: theme.assetsDirectories, to: SitePaths.assets)
                for (path, hash) in assets { files.record(path, hash, written: true) }
                return assets.count
            }
            try Self.settle(files, previous: previous, affected: affected, keepsShared: reach?.shared.isNone == true, graph: model.graph, writer: writer)
            return 0
        }
        timeline.mark("render and write")
        let written = files.writtenCount
        let cache = BuildCache(
            buildID: output.buildID, satchelVersion: SatchelVersion.string, globalHash: inputs.globalHash,
            entities: inputs.records(graph: model.graph, similarity: similarity), files: files.all)
        do { try cache.save(for: output.url) } catch { BuildCache.remove(for: output.url) }
        timeline.mark("cache")
        let summary = BuildSummary(
            pagesPerKind: pagesPerKind, pagesWritten: written, filesUnchanged: files.all.count - written,
            assetsCopied: assets, linksResolved: model.linkCount, warnings: model.warnings,
            duration: ContinuousClock.now - start, upToDate: false, timeline: timeline, searchIndexCPU: renderer.search.cpuTime)
        guard !keepingModel else {
            return (summary, LiveSnapshot(
                content: content, pages: pages, model: model, theme: theme, day: day, inputs: inputs, cache: cache, similarity: similarity,
                search: renderer.search.indexed, comparisons: renderer.comparisons.all, cards: renderer.cards.all,
                home: renderer.home.made, fragments: fragments))
        }
        // Freeing a 10,000-page model, its pages and the build's tables takes a tenth of a second or more (over a
        // second at 100,000 pages), which a command that exits next need not wait for. They are moved into a task
        // of their own, so that its references are the last: a copy would leave this function's, released here
        // after the task's, to free them on the way out.
        let kept = (
            consume pages, consume model, consume renderer, consume cache, consume inputs, consume files,
            consume similarity, consume previous)
        Task.detached(priority: .utility) { withExtendedLifetime(kept) {} }
        return (summary, nil)
    }

    /// After rendering only the `affected` entities: the pages of the others stay as they were (recorded
    /// with their previous hashes), and files the build no longer produces are removed. With `keepsShared`
    /// the pages not tied to one entity were not rendered and stay too, but for the search index's files,
    /// which are made anew.
    static func settle(
        _ files: WrittenFiles, previous: BuildCache, affected: Set<EntityID>, keepsShared: Bool, graph: ContentGraph, writer: FileWriter
    ) throws {
        let keptPages = Set(graph.entities.lazy.filter { !affected.contains($0.id) }.map { SitePaths.entity($0.id) })
        for (path, hash) in previous.files where files.hash(of: path) == nil {
            if path.hasPrefix(SitePaths.assets + "/") || keptPages.contains(path)
                || (keepsShared && !path.hasPrefix(SearchBundle.folder + "/")) {
                files.record(path, hash, written: false)
            } else {
                try writer.remove(path)
            }
        }
    }

    /// Parses and validates pages in parallel batches.
    static func parse(_ content: LoadedContent) -> ParsedPages {
        let schemas = Dictionary(uniqueKeysWithValues: content.schemas.map { ($0.name, $0) })
        let pages = content.pages
        let rawHTML = content.config.allowsRawHTML
        // cmark-gfm's parses take turns finishing (`MarkdownDocument`): twice as many threads as cores keep
        // the cores busy while some wait their turn.
        let results = [(EntityID, PageParser.Outcome?)](
            concurrentlyCount: pages.count, threads: 2 * ProcessInfo.processInfo.activeProcessorCount, batchSize: 16
        ) { position in
            let page = pages[position]
            return (EntityID(kind: page.kind, slug: page.slug), parse(page, schemas: schemas, allowsRawHTML: rawHTML))
        }
        return ParsedPages(results, order: pages.map { EntityID(kind: $0.kind, slug: $0.slug) })
    }

    /// One page's outcome; nil when its kind has an invalid schema, which is reported already.
    static func parse(_ page: SourcePage, schemas: [String: KindSchema], allowsRawHTML: Bool) -> PageParser.Outcome? {
        schemas[page.kind].map { PageParser.parse(page, schema: $0, allowsRawHTML: allowsRawHTML) }
    }

    /// The build date shown on pages, `YYYY-MM-DD` in UTC.
    static func day(of date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

extension LoadedContent {
    /// Each kind's plural name and number of pages, in navigation order.
    var pagesPerKind: [(String, Int)] {
        schemas.map { schema in (schema.plural, pages.lazy.filter { $0.kind == schema.name }.count) }
    }
}

/// What a build did, for the one-line summary the CLI prints.
public struct BuildSummary: Sendable {
    public var pagesPerKind: [(String, Int)]
    /// Files written (new or changed bytes), assets included.
    public var pagesWritten: Int
    /// Files of the output left as they were.
    public var filesUnchanged: Int
    public var assetsCopied: Int
    public var linksResolved: Int
    public var warnings: [Diagnostic]
    public var duration: Duration
    /// Nothing changed since the last build: nothing was parsed, rendered or written.
    public var upToDate: Bool
    /// How long each stage took.
    public var timeline: BuildTimeline
    /// The CPU time of the search page and index, built by themselves before every other page: measured only
    /// with `SATCHEL_SEARCH_INDEX=alone` (for `Benchmarks/search_bench.py`).
    public var searchIndexCPU: Duration? = nil

    public var description: String {
        let kinds = pagesPerKind.map { "\($0.1) \($0.0.lowercased())" }.joined(separator: ", ")
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let time = String(format: "%.0f ms", milliseconds)
        let warningText = "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        if upToDate { return "Up to date (\(kinds)): nothing written, \(warningText) in \(time)" }
        return "Built \(kinds): wrote \(pagesWritten) files, \(filesUnchanged) unchanged, \(linksResolved) links resolved, \(warningText) in \(time)"
    }
}
