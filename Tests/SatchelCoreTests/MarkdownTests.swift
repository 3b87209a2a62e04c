import Testing
@testable import SatchelCore

@Suite struct MarkdownTests {
    @Test func headingsGetStableUniqueIDs() {
        let document = MarkdownDocument("# UV & heat limits\n\n## Pros\n\n## Pros\n\n### São *Paulo*\n")
        #expect(document.headings.map(\.id) == ["uv--heat-limits", "pros", "pros-1", "são-paulo"])
        #expect(document.headings.map(\.text) == ["UV & heat limits", "Pros", "Pros", "São Paulo"])
        let html = document.renderHTML()
        #expect(html.contains("<h1 id=\"uv--heat-limits\">\nUV &amp; heat limits\n</h1>"))
        #expect(html.contains("<h3 id=\"são-paulo\">\nSão <em>Paulo</em>\n</h3>"))
    }

    @Test func rendersGitHubExtensionsAndFootnotes() {
        let html = MarkdownDocument("""
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~old~~ www.example.com

            - [x] done

            Note[^1].

            [^1]: A footnote.
            """).renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func findsMarkupByItsUTF8Bytes() {
        let html = "<p>São <em>Paulo</em></p><p>"
        #expect(html.containsUTF8("<p>"))
        #expect(html.containsUTF8("</p><p>"))
        #expect(html.containsUTF8("São"))
        #expect(html.containsUTF8(""))
        #expect(!html.containsUTF8("<p>x"))
        #expect(!html.containsUTF8("Sao"))
        #expect(!"<p".containsUTF8("<p>"))
        #expect(!"".containsUTF8("<p>"))
        // Repeated first bytes, a match that starts inside an earlier partial one, and a match ending the text.
        #expect("<<<p>".containsUTF8("<p>"))
        #expect("aab".containsUTF8("ab"))
        // Substrings search only their own bytes.
        #expect(!html.dropFirst(3).containsUTF8("<p>São"))
        #expect(html.dropFirst(3).dropLast(3).containsUTF8("</p>"))
        #expect(!html.dropLast(3).containsUTF8("</p><p>"))
        // Bytes, not characters: an e with a combining accent holds the plain e, which Foundation's search would not match.
        #expect("Cafe\u{301}".containsUTF8("Cafe"))
    }

    @Test func namesTaskListCheckboxesAfterTheirState() {
        let html = MarkdownDocument("- [x] sample approved\n- [ ] order placed\n").renderHTML()
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> sample approved</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" /> order placed</li>"))
    }

    @Test func omitsRawHTMLAndUnsafeLinksByDefault() {
        let html = MarkdownDocument("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))\n").renderHTML()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }

    @Test func rawHTMLOptionPassesHTMLThroughWithTagFilter() {
        let html = MarkdownDocument("<kbd>K</kbd>\n\n<script>alert(1)</script>\n", allowsRawHTML: true).renderHTML()
        #expect(html.contains("<kbd>K</kbd>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func linksCarryFilePositionsAndCanBeRewritten() {
        let document = MarkdownDocument("Intro.\n\nSee [Nylon](../materials/nylon.md#pros) now.\n", firstLine: 6)
        let link = try! #require(document.links.first)
        #expect(link.destination == "../materials/nylon.md#pros")
        #expect(link.line == 8)
        #expect(link.column == 5)
        document.setDestination(of: link, to: "../../materials/nylon/index.html#pros")
        #expect(document.renderHTML().contains("<a href=\"../../materials/nylon/index.html#pros\">Nylon</a>"))
    }

    /// Links written into the HTML rendered at parse time must come out as cmark writes them when it renders
    /// the edited tree: the reference is the same body parsed again to render (`rendersHTML: false`).
    @Test(arguments: [false, true])
    func writtenDestinationsEqualCmarksOwn(allowsRawHTML: Bool) {
        // Every byte a destination in angle brackets can hold, as one destination each, and then at random.
        var destinations = (UInt8(1)...UInt8(127)).filter { $0 != 0x0A && $0 != 0x0D }.map { String(UnicodeScalar($0)) }
        destinations += ["", "é", "日本", "a b", "JavaScript:alert(1)", "vbscript:x", "FILE:///etc", "data:text/html,x",
                         "data:image/png;base64,AA", "DATA:IMAGE/WEBP,x", "data:image/svg+xml,x", "javascript", "\u{1F600}#frag"]
        var generator = TextOrderTests.SplitMix(state: 7)
        let alphabet = Array("aZ09 -_.+!*'(),%#@?=;:/$~&<>\"[]{}|^`\\éß日\u{7F}\t")
        for _ in 0..<300 {
            destinations.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        func written(_ destination: String) -> String {
            "<" + destination.map { "<>\\".contains($0) ? "\\\($0)" : String($0) }.joined() + ">"
        }
        for (number, destination) in destinations.enumerated() {
            let edited = destinations[(number * 7 + 3) % destinations.count]
            let body = "# Head\n\nSee [a](\(written(destination)) \"t\") and ![b](\(written(destination))), [c](x.md).\n"
            for edits in [false, true] {
                let spliced = MarkdownDocument(body, allowsRawHTML: allowsRawHTML)
                let reparsed = MarkdownDocument(body, allowsRawHTML: allowsRawHTML, rendersHTML: false)
                #expect(spliced.links.map(\.destination) == reparsed.links.map(\.destination))
                guard spliced.links.count == 3 else {
                    Issue.record("\(body.debugDescription) has \(spliced.links.count) links, not 3")
                    continue
                }
                if edits {
                    for document in [spliced, reparsed] {
                        document.setDestination(of: document.links[0], to: edited)
                        document.setDestination(of: document.links[2], to: "../x/index.html")
                    }
                }
                #expect(spliced.renderHTML() == reparsed.renderHTML(), "destination \(destination.debugDescription), edited to \(edited.debugDescription)")
            }
        }
    }

    /// A link inside an image's description is written as text, so it has no `href` to write into: such a
    /// body is parsed again to render, and still renders its edits.
    @Test func linkInsideAnImageDescriptionStillRenders() {
        let body = "![see [inner](a.md) here](pic.png) and [outer](b.md)\n"
        let document = MarkdownDocument(body)
        let reference = MarkdownDocument(body, rendersHTML: false)
        for each in [document, reference] { each.setDestination(of: each.links[2], to: "../b/index.html") }
        #expect(document.renderHTML() == reference.renderHTML())
        #expect(document.renderHTML().contains("<a href=\"../b/index.html\">outer</a>"))
    }

    @Test func asciiHeadingSlugsEqualTheScalarRule() {
        let characters = (UInt8(1)...UInt8(127)).map { String(UnicodeScalar($0)) }
        var generator = TextOrderTests.SplitMix(state: 11)
        let titles = characters + (0..<500).map { _ in
            String((0..<Int.random(in: 1...16, using: &generator)).map { _ in characters.randomElement(using: &generator)! }.joined())
        }
        for title in titles {
            #expect(HeadingAnchors.slug(title) == HeadingAnchors.scalarSlug(title), "\(title.debugDescription)")
        }
    }

    @Test func plainTextDropsMarkup() {
        let document = MarkdownDocument("# Title\n\nSome *emphasis* and `code`.\n")
        #expect(document.plainText.split(separator: " ").joined(separator: " ") == "Title Some emphasis and code.")
    }
}

/// cmark-gfm keeps parser state in globals (extension special characters); many documents parsed and rendered
/// at once must come out exactly as they do one at a time.
@Suite struct MarkdownConcurrencyTests {
    static let source = """
        # Grades ~~old~~ and new

        | Grade | Use |
        |---|---|
        | 210D | ~~light~~ daily |
        | 600D | rugged, see https://example.com/grades |

        - [x] sample approved
        - [ ] order placed

        See [Nylon](../materials/nylon.md#pros) and ~strike~ text[^1].

        [^1]: A footnote.
        """

    @Test func parallelParsesEqualSerialOnes() async {
        let documents = (0..<400).map { "\(Self.source)\n\nPage \($0) | not a table ~~\($0)~~\n" }
        let serial = documents.map { MarkdownDocument($0).renderHTML() }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, text) in documents.enumerated() {
                group.addTask { (index, MarkdownDocument(text).renderHTML()) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        let differing = documents.indices.filter { parallel[$0] != serial[$0] }
        #expect(differing == [], "documents rendered differently when parsed at once")
        #expect(serial[0].contains("<table>") && serial[0].contains("<del>old</del>"))
    }
}
