import Foundation
import Testing
@testable import SatchelServe

/// The script tag added to served pages, the events pages receive, and the types files are served with.
@Suite struct LiveReloadTests {
    private func inject(_ html: String) -> String {
        String(decoding: LiveReloadScript.inject(into: Data(html.utf8), generation: "g1"), as: UTF8.self)
    }

    @Test func scriptGoesBeforeTheLastClosingBodyTag() {
        let tag = "<script src=\"/__satchel/reload.js\" data-generation=\"g1\"></script>"
        #expect(inject("<p>x</p></BODY></html>") == "<p>x</p>\(tag)</BODY></html>")
        #expect(inject("<pre>&lt;/body&gt;</pre><p></body>") == "<pre>&lt;/body&gt;</pre><p>\(tag)</body>")
        #expect(inject("<p>fragment") == "<p>fragment\(tag)")
    }

    @Test func eventsAreOneBlockEach() throws {
        #expect(ReloadEvent.reload.serverSentEvent == "event: reload\ndata: \n\n")
        #expect(ReloadEvent.hello(generation: "g1").serverSentEvent == "event: hello\ndata: g1\n\n")
        let errors = ReloadEvent.errors(["a.md:1:2: error: <b>\n</b>", "b.md:3:4: error: \"x\""]).serverSentEvent
        #expect(errors.hasPrefix("event: errors\ndata: [") && errors.hasSuffix("]\n\n"))
        #expect(errors.dropLast(2).split(separator: "\n").count == 2)
        let data = Data(errors.dropFirst("event: errors\ndata: ".count).utf8)
        #expect(try JSONDecoder().decode([String].self, from: data) == ["a.md:1:2: error: <b>\n</b>", "b.md:3:4: error: \"x\""])
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/search.js", "text/javascript; charset=utf-8"), ("compare/materials.csv", "text/csv; charset=utf-8"),
        ("logo.svg", "image/svg+xml"), ("photo.PNG", "image/png"), ("data.json", "application/json"),
        ("archive", "application/octet-stream"),
    ])
    func filesAreServedWithTheirType(file: String, type: String) {
        #expect(MediaType.of(fileName: file) == type)
    }
}
