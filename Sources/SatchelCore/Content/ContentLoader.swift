import Foundation

/// Reads the content folder: `_site.yml`, one folder per kind with its `_kind.yml`, optional `_index.md`
/// and its pages. Every problem with the folder's layout is collected and returned with what could be
/// read, so later stages report their own problems in the same run; only an unusable `_site.yml` stops
/// loading.
public struct ContentLoader: Sendable {
    /// Slugs that would collide with pages Satchel generates inside a kind's folder.
    public static let reservedSlugs: Set<String> = ["index", "compare", "search", "assets"]

    public let directory: URL
    /// How the content folder is named in diagnostics (the path the user gave).
    public let displayPath: String

    public init(directory: URL, displayPath: String) {
        self.directory = directory
        self.displayPath = displayPath
    }

    public func load() throws(BuildFailure) -> LoadedContent {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([.error(at: SourceLocation(file: displayPath), "content folder not found")])
        }
        var diagnostics: [Diagnostic] = []
        let sitePath = display("_site.yml")
        let config: SiteConfig
        do {
            let text = try SourceText.read(directory.appendingPathComponent("_site.yml"), displayPath: sitePath)
            switch SchemaParser.parseSite(text, file: sitePath) {
            case .success(let parsed): config = parsed
            case .failure(let failure): throw failure
            }
        } catch let diagnostic as Diagnostic {
            if !fileManager.fileExists(atPath: directory.appendingPathComponent("_site.yml").path) {
                throw BuildFailure([.error(at: SourceLocation(file: sitePath), "missing site configuration: create \(sitePath) with 'title' and 'kinds'")])
            }
            throw BuildFailure([diagnostic])
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([.error(at: SourceLocation(file: sitePath), "\(error)")])
        }

        let entries = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") && !entry.hasPrefix("_") {
            var entryIsDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: directory.appendingPathComponent(entry).path, isDirectory: &entryIsDirectory)
            if entryIsDirectory.boolValue, !config.kinds.contains(entry) {
                diagnostics.append(.error(
                    at: SourceLocation(file: display(entry)), "unknown kind folder '\(entry)': it is not listed in 'kinds' of \(sitePath)",
                    suggestion: Suggestion.closest(to: entry, in: config.kinds)))
            } else if !entryIsDirectory.boolValue {
                diagnostics.append(.warning(at: SourceLocation(file: display(entry)), "ignored file: pages belong in a kind folder"))
            }
        }

        var schemas: [KindSchema] = []
        /// Pages to read, in order; they are read together once every folder is listed.
        var toRead: [(kind: String, slug: String, file: String, path: String, folder: URL, folderPath: String)] = []
        for kind in config.kinds {
            let kindURL = directory.appendingPathComponent(kind)
            guard fileManager.fileExists(atPath: kindURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(.error(at: config.location, "kind '\(kind)' is listed in 'kinds' but \(display(kind))/ does not exist"))
                continue
            }
            if !Self.isValidSlug(kind) || Self.reservedSlugs.contains(kind) || kind == "404" || kind == SitePaths.mapFolder {
                diagnostics.append(.error(at: config.location, "invalid kind name '\(kind)': use lowercase letters, digits and '-', and not a reserved name"))
                continue
            }
            let schemaPath = display("\(kind)/_kind.yml")
            do {
                let text = try SourceText.read(kindURL.appendingPathComponent("_kind.yml"), displayPath: schemaPath)
                switch SchemaParser.parseKind(text, name: kind, file: schemaPath) {
                case .success(let schema): schemas.append(schema)
                case .failure(let failure): diagnostics += failure.diagnostics
                }
            } catch {
                diagnostics.append(fileManager.fileExists(atPath: kindURL.appendingPathComponent("_kind.yml").path)
                    ? error
                    : .error(at: SourceLocation(file: schemaPath), "missing schema: every kind folder needs a _kind.yml"))
            }
            let kindPath = kindURL.path
            let files = ((try? fileManager.contentsOfDirectory(atPath: kindPath)) ?? []).sorted()
            for file in files where !file.hasPrefix(".") && file != "_kind.yml" {
                let path = display("\(kind)/\(file)")
                guard file.hasSuffix(".md") else {
                    diagnostics.append(.warning(at: SourceLocation(file: path), "ignored file: only .md pages, _kind.yml and _index.md are read"))
                    continue
                }
                let slug = String(file.dropLast(3))
                if file != "_index.md" {
                    if slug != slug.lowercased(), files.contains(slug.lowercased() + ".md") {
                        diagnostics.append(.error(
                            at: SourceLocation(file: path),
                            "file name '\(file)' differs only in case from '\(slug.lowercased()).md'; slugs must be unique ignoring case"))
                        continue
                    }
                    if let problem = Self.slugProblem(slug) {
                        diagnostics.append(.error(at: SourceLocation(file: path), problem, suggestion: Self.suggestedSlug(for: slug).map { "\($0).md" }))
                        continue
                    }
                }
                toRead.append((kind, slug, file, path, kindURL, kindPath))
            }
        }
        // Reading and checking 10,000 files' UTF-8 is a tenth of a second on one core: both cores share it.
        let listed = toRead
        let texts = [Result<String, Diagnostic>](concurrentlyCount: listed.count) { position in
            let page = listed[position]
            return Result { () throws(Diagnostic) -> String in
                try SourceText.read(page.file, in: page.folder, folderPath: page.folderPath, displayPath: page.path)
            }
        }
        var pages: [SourcePage] = []
        var introductions: [String: SourcePage] = [:]
        var unreadable: [EntityID] = []
        pages.reserveCapacity(listed.count)
        for (page, text) in zip(listed, texts) {
            switch text {
            case .success(let text):
                let source = SourcePage(kind: page.kind, slug: page.slug, path: page.path, text: text)
                if page.file == "_index.md" { introductions[page.kind] = source } else { pages.append(source) }
            case .failure(let error):
                diagnostics.append(error)
                if page.file != "_index.md" { unreadable.append(EntityID(kind: page.kind, slug: page.slug)) }
            }
        }
        diagnostics += SchemaSet.check(schemas, config: config)
        return LoadedContent(
            config: config, schemas: schemas, pages: pages, introductions: introductions, unreadable: unreadable,
            diagnostics: diagnostics)
    }

    private func display(_ relative: String) -> String {
        displayPath.isEmpty || displayPath == "." ? relative : "\(displayPath)/\(relative)"
    }

    /// Slugs are lowercase ASCII letters, digits and `-`, starting with a letter or digit.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard let first = slug.utf8.first, isSlugCharacter(first), first != UInt8(ascii: "-") else { return false }
        return slug.utf8.allSatisfy(isSlugCharacter)
    }

    private static func isSlugCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    static func slugProblem(_ slug: String) -> String? {
        if reservedSlugs.contains(slug) {
            return "file name '\(slug).md' is reserved: Satchel generates '\(slug)' pages itself"
        }
        if !isValidSlug(slug) {
            return "invalid file name '\(slug).md': slugs use lowercase ASCII letters, digits and '-'"
        }
        return nil
    }

    /// The documented rule for other scripts and capitals: fold to Latin without marks, lowercase, and
    /// turn every run of other characters into one `-`.
    static func suggestedSlug(for name: String) -> String? {
        let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        guard isValidSlug(slug), !reservedSlugs.contains(slug) else { return nil }
        return slug
    }
}
