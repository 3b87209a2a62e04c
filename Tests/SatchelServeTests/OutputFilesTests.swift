import Foundation
import Testing
@testable import SatchelServe

/// How request paths map to files: folders to index pages, and nothing outside the output folder.
@Suite struct OutputFilesTests {
    /// `site/` is the output folder; `secret.txt` lies beside it.
    private let base: URL
    private let files: OutputFiles

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-files-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site")
        for (path, text) in [("site/index.html", "home"), ("site/materials/index.html", "list"), ("site/materials/nylon.html", "nylon"),
                             ("site/assets/style.css", "css"), ("site/.satchel-output", "id"), ("secret.txt", "secret")] {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.path + "/outside.txt", withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/outside", withDestinationPath: base.path)
        try FileManager.default.createSymbolicLink(atPath: site.path + "/inside.html", withDestinationPath: "materials/nylon.html")
        files = OutputFiles(root: site)
    }

    private func file(_ relative: String) -> OutputFiles.Resolution {
        .file(base.resolvingSymlinksInPath().path + "/site/" + relative)
    }

    @Test func foldersServeTheirIndexPage() {
        #expect(files.resolve("/") == file("index.html"))
        #expect(files.resolve("") == file("index.html"))
        #expect(files.resolve("/materials/") == file("materials/index.html"))
        #expect(files.resolve("/materials/nylon.html") == file("materials/nylon.html"))
        #expect(files.resolve("/materials/../assets/style.css") == file("assets/style.css"))
        #expect(files.resolve("/materials/nylon%2Ehtml") == file("materials/nylon.html"))
        #expect(files.resolve("/empty/") == .notFound)
        #expect(files.resolve("/silk.html") == .notFound)
    }

    @Test func folderWithoutSlashRedirects() {
        #expect(files.resolve("/materials") == .redirect("/materials/"))
        #expect(files.resolve("//materials") == .redirect("/materials/"))
    }

    @Test(arguments: [
        "/..", "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2E%2e/secret.txt", "/..%2fsecret.txt",
        "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2E%2E%2Fsecret.txt", "/materials/../../secret.txt",
        "/materials/%2e%2e%2F%2e%2e%2Fsecret.txt", "/./../secret.txt", "../secret.txt", "/outside.txt", "/outside/secret.txt",
    ])
    func pathsOutsideTheRootAreForbidden(path: String) {
        #expect(files.resolve(path) == .forbidden)
    }

    @Test func aPercentSignThatIsDecodedOnceStaysAName() {
        #expect(files.resolve("/%252e%252e/secret.txt") == .notFound)
    }

    @Test func symbolicLinksWithinTheRootAreServed() {
        #expect(files.resolve("/inside.html") == file("materials/nylon.html"))
    }

    @Test func hiddenFilesAreNotServed() {
        #expect(files.resolve("/.satchel-output") == .notFound)
        #expect(files.resolve("/%2esatchel-output") == .notFound)
    }

    @Test func malformedPathsAreBadRequests() {
        #expect(files.resolve("/%zz") == .badRequest)
        #expect(files.resolve("/%ff%fe") == .badRequest)
        #expect(files.resolve("/index.html%00.css") == .badRequest)
    }
}
