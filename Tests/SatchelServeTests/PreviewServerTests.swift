import Foundation
import Testing

/// `satchel serve` end to end: a fixture site served on a free loopback port, read over raw sockets.
@Suite(.serialized, .timeLimit(.minutes(2))) struct PreviewServerTests {
    @Test func servesPagesWithTheReloadScriptAddedOnTheFly() async throws {
        try await ServedSite.serving { site in
            let home = try await site.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<script src=\"/__satchel/reload.js\" data-generation="))
            let page = try await site.get("/materials/nylon.html")
            #expect(page.body.contains("Nylon resists abrasion"))
            let script = try #require(page.body.range(of: "<script src=\"/__satchel/reload.js\""))
            #expect(script.upperBound < page.body.range(of: "</body>", options: .backwards)!.lowerBound)
            // The built files stay as `satchel build` writes them.
            #expect(try !site.read("public/materials/nylon.html").contains("__satchel"))

            let reload = try await site.get("/__satchel/reload.js")
            #expect(reload.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(reload.body.contains("new EventSource(\"/__satchel/events\")"))
            #expect(!reload.body.contains("innerHTML"))
            let css = try await site.get("/assets/plain.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("__satchel"))
        }
    }

    @Test func foldersMapToTheirIndexPages() async throws {
        try await ServedSite.serving { site in
            let listing = try await site.get("/materials/")
            #expect(listing.status == 200)
            #expect(listing.body == (try await site.get("/materials/index.html")).body)
            let bare = try await site.get("/materials")
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/materials/")
        }
    }

    @Test func missingPagesGetTheSites404Page() async throws {
        try await ServedSite.serving { site in
            let missing = try await site.get("/materials/silk.html")
            #expect(missing.status == 404)
            #expect(missing.body.contains("<h1>Not found</h1>"))
            #expect(missing.body.contains("/__satchel/reload.js"))
        }
    }

    @Test func editRebuildsThePageAndReloadsOpenPages() async throws {
        try await ServedSite.serving { site in
            let events = try await site.events()
            defer { events.close() }
            let hello = try await events.event("hello")
            #expect((try await site.get("/materials/nylon.html")).body.contains("data-generation=\"\(hello.data)\""))

            let nylon = try site.read("content/materials/nylon.md")
            try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "resists abrasion", with: "shrugs off abrasion"))
            _ = try await events.event("reload")
            let page = try await site.get("/materials/nylon.html")
            #expect(page.body.contains("Nylon shrugs off abrasion"))
            // A page served before the rebuild and connecting only now is told to reload by its hello.
            #expect(!page.body.contains("data-generation=\"\(hello.data)\""))
            #expect(site.transcript.all.contains { $0.hasPrefix("Changed: ") && $0.hasSuffix("content/materials/nylon.md") })
        }
    }

    @Test func contentErrorKeepsTheLastGoodSiteAndShowsTheErrors() async throws {
        try await ServedSite.serving { site in
            let events = try await site.events()
            defer { events.close() }
            _ = try await events.event("hello")
            let good = try await site.get("/materials/nylon.html")

            let nylon = try site.read("content/materials/nylon.md")
            try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "cost_tier: High", with: "cost_tier: Extreme"))
            let errors = try await events.event("errors")
            let lines = try JSONDecoder().decode([String].self, from: Data(errors.data.utf8))
            #expect(lines.contains { $0.hasPrefix("content/materials/nylon.md:4:") && $0.contains(": error: ") && $0.contains("Extreme") })
            #expect(site.transcript.all.contains { $0.hasPrefix("content/materials/nylon.md:4:") })
            #expect(events.count(of: "reload") == 0)
            let served = try await site.get("/materials/nylon.html")
            #expect(served.status == 200)
            #expect(served.body == good.body)

            // A page opened while the build is broken shows the errors at once.
            let late = try await site.events()
            defer { late.close() }
            #expect(try await late.event("errors").data == errors.data)

            // Fixing the error reloads the pages even though the output is the same as before it.
            try site.write("content/materials/nylon.md", nylon)
            _ = try await events.event("reload")
            _ = try await late.event("reload")
            let fresh = try await site.events()
            defer { fresh.close() }
            _ = try await fresh.event("hello")
            try await Task.sleep(for: .milliseconds(200))
            #expect(fresh.count(of: "errors") == 0)
        }
    }

    @Test func contentAndThemeErrorsAreShownTogether() async throws {
        try await ServedSite.serving { site in
            let events = try await site.events()
            defer { events.close() }
            _ = try await events.event("hello")
            let nylon = try site.read("content/materials/nylon.md")
            try site.write("content/materials/nylon.md", nylon.replacingOccurrences(of: "cost_tier: High", with: "cost_tier: Extreme"))
            try site.write("themes/plain/templates/404.mustache", "<p>\n{{#kinds}}\n")
            // The two saves may start one rebuild or two; the one after the second reports both errors.
            let lines = try await events.events.wait(for: "errors of the content and the theme") { events in
                events.filter { $0.name == "errors" }
                    .compactMap { try? JSONDecoder().decode([String].self, from: Data($0.data.utf8)) }
                    .first { $0.contains { $0.hasPrefix("themes/") } }
            }
            #expect(lines == [
                "content/materials/nylon.md:4:12: error: 'Extreme' is not an allowed value of field 'cost_tier' (allowed: 'Low', 'Medium', 'High')",
                "themes/plain/templates/404.mustache:2:1: error: template syntax error: section 'kinds' is never closed: expected '{{/kinds}}'",
            ])
            #expect(site.transcript.all.contains("satchel: 2 errors; still serving the last good site"))
        }
    }

    /// A secret file sits beside the output folder; no spelling of `..` and no symbolic link reaches it.
    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2E%2e/secret.txt", "/..%2fsecret.txt",
        "/..%2Fsecret.txt", "/%2E%2E%2Fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/materials/../../secret.txt",
        "/materials/%2e%2e/%2e%2e/secret.txt", "/./.././secret.txt", "//../secret.txt", "/%252e%252e/secret.txt",
        "../secret.txt", "http://127.0.0.1/../secret.txt", "/leak.txt", "/leak-folder/secret.txt",
    ])
    func pathsNeverLeaveTheOutputFolder(target: String) async throws {
        try await ServedSite.serving { site in
            try site.write("secret.txt", "TOP SECRET 42")
            try FileManager.default.createSymbolicLink(atPath: site.root.path + "/public/leak.txt", withDestinationPath: "../secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site.root.path + "/public/leak-folder", withDestinationPath: site.root.path)

            let response = try await site.get(target)
            #expect(response.status != 200)
            #expect(!response.body.contains("TOP SECRET"))
        }
    }
}
