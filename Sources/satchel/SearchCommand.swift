import ArgumentParser
import Foundation
import SatchelCore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the content from the terminal, ranked as the built site's search box ranks it.",
        discussion: """
            Prints one result a line, best first: its page in the output folder, title and kind. Words match \
            whole, the last one also as a prefix (polye), and words of five letters or more with one typo.
            """)

    @OptionGroup var project: ProjectOptions
    @Option(name: .long, help: "Only results of this kind (its folder name, e.g. materials).")
    var kind: String?
    @Option(name: .long, help: "Print at most this many results.")
    var limit = 10
    @Flag(name: .long, help: "Print only each result's page path.")
    var paths = false
    @Argument(help: "The query; several words need no quotes.")
    var words: [String]

    func run() async throws {
        do {
            let model = try await project.site.model()
            if let kind, model.graph.schema(kind) == nil {
                throw ValidationError("unknown kind '\(kind)'; kinds are \(model.graph.schemas.map(\.name).joined(separator: ", "))")
            }
            let index = SearchIndex.build(SearchDocument.documents(in: model.graph))
            let query = SearchQuery(words.joined(separator: " "))
            let results = query.run(on: index).map { index.documents[$0.document] }.filter { kind == nil || $0.id.kind == kind }
            for document in results.prefix(limit) {
                print(paths ? SitePaths.entity(document.id) : "\(SitePaths.entity(document.id))  \(document.title) (\(document.kindName))")
            }
            if results.isEmpty, !paths {
                let hint = query.suggestion(in: index).map { "; did you mean '\($0)'?" } ?? ""
                Report.standardError("no results\(hint)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw Report.failure(error)
        }
    }
}
