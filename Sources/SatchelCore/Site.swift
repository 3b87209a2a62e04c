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
        let content = try ContentLoader(directory: contentDirectory, displayPath: contentDisplayPath).load()
        let (entities, failed, parseDiagnostics) = await Self.parse(content)
        var introductions: [String: (path: String, body: MarkdownDocument)] = [:]
        for (kind, page) in content.introductions {
            introductions[kind] = (page.path, PageParser.parseIntroduction(page, allowsRawHTML: content.config.allowsRawHTML))
        }
        let (graph, graphDiagnostics) = ContentGraph.build(
            entities: entities, schemas: content.schemas, introductions: introductions,
            invalid: failed.union(content.unreadable))
        let diagnostics = content.diagnostics + parseDiagnostics + graphDiagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        let linkCount = graph.edgeCount + introductions.values.reduce(0) { $0 + $1.body.links.count }
        return Model(
            config: content.config, graph: graph, introductions: introductions.mapValues(\.body),
            warnings: diagnostics, linkCount: linkCount)
    }

    /// Loads the theme the model asks for (or the override).
    public func theme(for model: Model) throws(BuildFailure) -> Theme {
        try Theme.load(named: themeName ?? model.config.theme, themesDirectory: themesDirectory, displayPath: themesDisplayPath)
    }

    /// Everything but writing: the model and the theme, with all their errors.
    public func check() async throws(BuildFailure) -> Model {
        let model = try await model()
        _ = try theme(for: model)
        return model
    }

    /// Builds the site into `output`, replacing its previous contents only if the whole build succeeds.
    public func build(into output: OutputDirectory, buildDate: Date = Date()) async throws -> BuildSummary {
        let start = ContinuousClock.now
        let model = try await model()
        let theme = try theme(for: model)
        let renderer = SiteRenderer(
            graph: model.graph, config: model.config, theme: theme, introductions: model.introductions,
            buildDate: Self.dayFormatter.string(from: buildDate))
        let (pages, assets) = try await output.replace { staging in
            let writer = FileWriter(root: staging)
            let pages = try await renderer.render(write: writer.write)
            let assets = try writer.copyTree(from: theme.assetsDirectory, to: SitePaths.assets)
            return (pages, assets)
        }
        var pagesPerKind: [(String, Int)] = []
        for schema in model.graph.schemas { pagesPerKind.append((schema.plural, model.graph.count(of: schema.name))) }
        return BuildSummary(
            pagesPerKind: pagesPerKind, pagesWritten: pages, assetsCopied: assets, linksResolved: model.linkCount,
            warnings: model.warnings, duration: ContinuousClock.now - start)
    }

    /// Parses and validates pages in parallel batches, collecting every page's diagnostics and the pages
    /// that failed (so references to them are not reported a second time).
    static func parse(_ content: LoadedContent) async -> ([Entity], Set<EntityID>, [Diagnostic]) {
        let schemas = Dictionary(uniqueKeysWithValues: content.schemas.map { ($0.name, $0) })
        let pages = content.pages
        let rawHTML = content.config.allowsRawHTML
        let batchSize = max(64, pages.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let results = await withTaskGroup(of: [(EntityID, Result<Entity, BuildFailure>?)].self) { group in
            for start in stride(from: 0, to: pages.count, by: batchSize) {
                let batch = pages[start..<min(start + batchSize, pages.count)]
                group.addTask {
                    batch.map { page in
                        (EntityID(kind: page.kind, slug: page.slug),
                         schemas[page.kind].map { PageParser.parse(page, schema: $0, allowsRawHTML: rawHTML) })
                    }
                }
            }
            var all: [(EntityID, Result<Entity, BuildFailure>?)] = []
            for await batch in group { all += batch }
            return all
        }
        var entities: [Entity] = []
        var failed: Set<EntityID> = []
        var diagnostics: [Diagnostic] = []
        for (id, result) in results {
            switch result {
            case .success(let entity): entities.append(entity)
            case .failure(let failure):
                diagnostics += failure.diagnostics
                failed.insert(id)
            case nil: failed.insert(id)  // its kind's schema is invalid and already reported
            }
        }
        return (entities, failed, diagnostics)
    }

    private static var dayFormatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}

/// What a build did, for the one-line summary the CLI prints.
public struct BuildSummary: Sendable {
    public var pagesPerKind: [(String, Int)]
    public var pagesWritten: Int
    public var assetsCopied: Int
    public var linksResolved: Int
    public var warnings: [Diagnostic]
    public var duration: Duration

    public var description: String {
        let kinds = pagesPerKind.map { "\($0.1) \($0.0.lowercased())" }.joined(separator: ", ")
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return "Built \(pagesWritten) pages (\(kinds)), \(linksResolved) links resolved, \(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(String(format: "%.0f", milliseconds)) ms"
    }
}
