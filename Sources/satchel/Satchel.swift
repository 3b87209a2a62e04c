import ArgumentParser
import Foundation
import SatchelCore

@main
struct Satchel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satchel",
        abstract: "Build a typed Markdown catalog into an offline, cross-linked static site.",
        discussion: """
            Content lives in one folder per kind (see README.md, "Content model"). Errors are printed as \
            file:line:column: error: message, all of them in one run, and the command exits with status 1.
            """,
        version: SatchelVersion.string,
        subcommands: [Build.self, Check.self, Graph.self, New.self, SearchCommand.self, Serve.self])
}

struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The folder holding themes.")
    var themes = "themes"

    @Option(name: .long, help: "Theme to use instead of the one named in _site.yml.")
    var theme: String?

    var site: Site {
        Site(
            contentDirectory: URL(fileURLWithPath: content), contentDisplayPath: content,
            themesDirectory: URL(fileURLWithPath: themes), themesDisplayPath: themes, themeName: theme)
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print warnings and per-stage details.")
    var verbose = false
}

enum Report {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics compiler style and turns a failure into exit status 1.
    static func failure(_ error: any Error) -> ExitCode {
        if let failure = error as? BuildFailure {
            for diagnostic in failure.diagnostics { standardError(diagnostic.description) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            standardError("satchel: \(errors) error\(errors == 1 ? "" : "s")")
        } else {
            standardError("satchel: error: \(error)")
        }
        return ExitCode(1)
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (default public/).",
        discussion: """
            The output is written beside the output folder and swapped in only when the whole build succeeded; \
            the previous output is then removed by a background rm process, so the command does not wait for \
            the disk. A build cache in .satchel-cache/ (beside the output folder) makes a build with no changes write \
            nothing, and a build after an edit render only the pages the edit can affect.
            """)

    @OptionGroup var project: ProjectOptions
    @Option(name: .long, help: "The output folder; it is replaced as a whole.")
    var output = "public"
    @Flag(name: .long, help: "Ignore the build cache (.satchel-cache/) and render every page.")
    var clean = false
    @OptionGroup var printing: OutputOptions

    func run() async throws {
        do {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let site = project.site
            var directory = try OutputDirectory(
                url: URL(fileURLWithPath: output), displayPath: output, contentDirectory: site.contentDirectory, projectRoot: cwd)
            directory.disposal = .inBackground
            let summary = try await site.build(into: directory, useCache: !clean)
            if !printing.quiet {
                for warning in summary.warnings { Report.standardError(warning.description) }
                print(summary.description)
                if printing.verbose {
                    print("  \(summary.assetsCopied) theme assets copied into \(output)/\(SitePaths.assets)")
                    print("  stages: \(summary.timeline.description)")
                    print("  cores: \(summary.timeline.coresDescription(cores: ProcessInfo.processInfo.activeProcessorCount))")
                    if let cpu = summary.searchIndexCPU {
                        print("  search index built alone: \(BuildTimeline.milliseconds(cpu)) ms CPU")
                    }
                }
            }
        } catch {
            throw Report.failure(error)
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load, validate and resolve everything without writing; or check a built site's links.",
        discussion: """
            With --links DIR, checks an output folder instead: every href and src is relative, names an existing \
            file, and every #anchor matches an id; remote resources are refused.
            """)

    @OptionGroup var project: ProjectOptions
    @Option(name: .long, help: "Check the links of a built site folder (e.g. public) instead of the content.")
    var links: String?
    @OptionGroup var printing: OutputOptions

    func run() async throws {
        do {
            if let links {
                let report = try LinkChecker(root: URL(fileURLWithPath: links), displayPath: links).check()
                if !report.problems.isEmpty { throw BuildFailure(report.problems) }
                if !printing.quiet {
                    print("Checked \(report.linksChecked) links in \(report.filesChecked) pages: all resolve (\(report.externalLinks.count) external links not followed)")
                }
                return
            }
            let model = try await project.site.check()
            if !printing.quiet {
                for warning in model.warnings { Report.standardError(warning.description) }
                print("Checked \(model.graph.entities.count) pages, \(model.linkCount) links resolved, \(model.warnings.count) warnings: no errors")
            }
        } catch {
            throw Report.failure(error)
        }
    }
}

struct Graph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the content graph as JSON or Graphviz DOT.")

    @OptionGroup var project: ProjectOptions
    @Option(name: .long, help: "json or dot.")
    var format: GraphExport.Format = .json

    func run() async throws {
        do {
            let model = try await project.site.model()
            print(GraphExport.render(model.graph, as: format), terminator: "")
        } catch {
            throw Report.failure(error)
        }
    }
}

extension GraphExport.Format: ExpressibleByArgument {}

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new page for KIND at content/KIND/SLUG.md with the kind's fields listed.",
        discussion: "Required fields hold the placeholder TODO, which `satchel check` reports until it is replaced.")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The kind folder, e.g. materials.")
    var kind: String
    @Argument(help: "The new page's slug: lowercase letters, digits and '-'.")
    var slug: String

    func run() async throws {
        do {
            let path = try PageScaffold.create(kind: kind, slug: slug, content: URL(fileURLWithPath: project.content), displayPath: project.content)
            print("Wrote \(path)")
        } catch {
            throw Report.failure(error)
        }
    }
}
