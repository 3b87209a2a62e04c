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
