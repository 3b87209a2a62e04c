import ArgumentParser
import Foundation
import SatchelCore
import SatchelServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine, and rebuild and reload open pages after every edit.",
        discussion: """
            Watches the content and themes folders; each burst of saves starts one update, after which open \
            pages reload. The site is kept in memory: an edit of existing pages reads and parses only those \
            pages and renders only what they can change; any other change builds the whole site. When a build fails, the last good site stays up, and the errors are \
            printed here and shown over the page; fixing them reloads the page. The reload script is added to \
            HTML pages as they are served: the output folder holds exactly what `satchel build` writes.
            """)

    @OptionGroup var project: ProjectOptions
    @Option(name: .long, help: "The output folder; a whole build replaces it, an update replaces the files that changed.")
    var output = "public"
    @Option(name: .long, help: "The address to listen on; the default keeps the preview on this machine.")
    var host = "127.0.0.1"
    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8080
    @Flag(name: .shortAndLong, help: "Also print how long each stage of every build took.")
    var verbose = false

    func run() async throws {
        do {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let site = project.site
            let directory = try OutputDirectory(
                url: URL(fileURLWithPath: output), displayPath: output, contentDirectory: site.contentDirectory, projectRoot: cwd)
            // Unbuffered, so each line shows up at once when the output goes to a pipe.
            var server = PreviewServer(site: site, output: directory, host: host, port: port) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            server.printsStages = verbose
            try await server.run()
        } catch {
            throw Report.failure(error)
        }
    }
}
