import Foundation
import CCmarkGFM
import Synchronization

/// A Markdown body parsed by cmark-gfm: its headings, links, Satchel blocks and plain text, and the edits
/// the build makes to it (link destinations pointed at rendered pages, blocks shown as HTML), rendered by
/// cmark's own HTML renderer.
///
/// The syntax tree is not kept: a cmark tree costs several times its source in memory, which at 10,000
/// pages was most of the build's peak. The body is rendered to HTML while the tree is there, with each link's
/// destination written as a marker; the markers' places are kept, so `renderHTML()` writes the destinations
/// as they are then, the way cmark writes them (`HrefAttribute`), without parsing again. A body with Satchel
/// blocks, whose HTML comes later and goes into the tree, keeps its Markdown and is parsed again to render.
///
/// `@unchecked Sendable`: the edits are mutable state, and each document is touched by one task at a time
/// (parsed in one, rewritten and rendered later in another), never concurrently.
public final class MarkdownDocument: @unchecked Sendable {
    /// A heading of the body with the anchor id it is rendered with.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// A link or image destination found in the body, with its position in the file.
    public struct Link: Sendable {
        public var destination: String
        public var line: Int
        public var column: Int
        public var isImage: Bool
        /// Position of the link among the body's links, in document order.
        fileprivate let index: Int
    }

    /// A fenced code block whose info string names a Satchel block (```compare), with the line of its
    /// opening fence in the file; the build validates it and renders it as HTML in its place.
    public struct FencedBlock: Sendable {
        public var info: String
        public var literal: String
        public var line: Int
        /// Position of the block among the body's Satchel blocks, in document order.
        fileprivate let index: Int
    }

    /// Info strings of the fenced blocks collected into `fencedBlocks` instead of being shown as code.
    public static let blockInfos: Set<String> = ["compare"]

    public let headings: [Heading]
    public let links: [Link]
    public let fencedBlocks: [FencedBlock]
    /// The text of the body without markup, for search and summaries.
    public let plainText: String

    private let allowsRawHTML: Bool
    private let source: Source
    /// New destinations by link index.
    private var destinations: [Int: String] = [:]
    /// HTML shown instead of a Satchel block, by block index.
    private var replacements: [Int: String] = [:]

    /// What `renderHTML()` renders from.
    private enum Source {
        /// cmark's HTML of the body with each link's destination as parsed, and where in it (UTF-8 offsets)
        /// each link's `href` or `src` value is, in order.
        case rendered(html: String, hrefs: [(range: Range<Int>, link: Int)])
        /// The Markdown, parsed again for each render.
        case markdown(String)
    }

    /// Parses a body.
    /// - Parameters:
    ///   - markdown: the body text.
    ///   - firstLine: the line of the file on which the body starts, so positions point into the file.
    ///   - allowsRawHTML: pass raw HTML through (with the tagfilter extension) instead of omitting it.
    public convenience init(_ markdown: String, firstLine: Int = 1, allowsRawHTML: Bool = false) {
        self.init(markdown, firstLine: firstLine, allowsRawHTML: allowsRawHTML, rendersHTML: true)
    }

    /// Parses a body; with `rendersHTML` false, for its links, headings and text only, leaving the HTML to
    /// a later parse should `renderHTML()` be called.
    init(_ markdown: String, firstLine: Int = 1, allowsRawHTML: Bool = false, rendersHTML: Bool) {
        self.allowsRawHTML = allowsRawHTML
        let tree = Tree(markdown, allowsRawHTML: allowsRawHTML)
        var headings: [Heading] = []
        var links: [Link] = []
        var fencedBlocks: [FencedBlock] = []
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var text = ""
        var anchors = HeadingAnchors()
        tree.walk { node, type, isEnter in
            guard isEnter else {
                if type != CMARK_NODE_TEXT, Self.isBlock(type) { text += " " }
                return
            }
            switch type {
            case CMARK_NODE_HEADING:
                let title = Self.inlineText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: title, id: anchors.makeID(for: title)))
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                links.append(Link(
                    destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                    line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                    column: max(Int(cmark_node_get_start_column(node)), 1),
                    isImage: type == CMARK_NODE_IMAGE, index: links.count))
                linkNodes.append(node)
            case CMARK_NODE_CODE_BLOCK where Self.blockInfos.contains(Self.fenceWord(of: node)):
                fencedBlocks.append(FencedBlock(
                    info: Self.fenceWord(of: node), literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                    line: Int(cmark_node_get_start_line(node)) + firstLine - 1, index: fencedBlocks.count))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                if type == CMARK_NODE_CODE_BLOCK { text += " " }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        self.headings = headings
        self.links = links
        self.fencedBlocks = fencedBlocks
        // Grown by appends, the text holds up to twice its bytes; every page's is kept until the search index
        // is made, so it is kept at its size.
        self.plainText = String(decoding: text.utf8, as: UTF8.self)
        if rendersHTML, fencedBlocks.isEmpty,
           let rendered = Self.renderMarked(tree, links: links, linkNodes: linkNodes, headings: headings, headingNodes: headingNodes, allowsRawHTML: allowsRawHTML) {
            source = .rendered(html: rendered.html, hrefs: rendered.hrefs)
        } else {
            source = .markdown(markdown)
        }
    }

    /// Written as each link's destination in the first render, then found and replaced: random for each run,
    /// so no body can hold it, and made of characters cmark writes into an `href` unchanged.
    private static let marker = "@satchel" + String(UInt64.random(in: .min ... .max), radix: 36) + "-"

    /// Renders `tree` with each link's destination replaced by a marker and its headings anchored, then puts
    /// each link's attribute where its marker is. Nil unless every link's marker was found exactly once
    /// (the link inside an image's alt text, which cmark writes as text, has none).
    private static func renderMarked(
        _ tree: Tree, links: [Link], linkNodes: [OpaquePointer], headings: [Heading], headingNodes: [OpaquePointer], allowsRawHTML: Bool
    ) -> (html: String, hrefs: [(range: Range<Int>, link: Int)])? {
        for (index, node) in linkNodes.enumerated() {
            cmark_node_set_url(node, "\(marker)\(index)@")
        }
        for (heading, node) in zip(headings, headingNodes) {
            tree.anchor(node, level: heading.level, id: heading.id)
        }
        var marked = labelTaskCheckboxes(tree.renderHTML())
        guard !links.isEmpty else { return (marked, []) }
        var html = ""
        html.reserveCapacity(marked.utf8.count + links.count * 32)
        var hrefs: [(range: Range<Int>, link: Int)] = []
        hrefs.reserveCapacity(links.count)
        var seen = [Bool](repeating: false, count: links.count)
        let opening = Array(("\"" + marker).utf8)
        let complete = marked.withUTF8 { bytes in
            var position = 0
            while let offset = opening.withUnsafeBufferPointer({ UTF8Search.firstOffset(of: $0, in: UnsafeBufferPointer(rebasing: bytes[position...])) }) {
                let start = position + offset
                // The marker's number, then `@"`.
                var end = start + opening.count
                var index = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), index < links.count {
                    index = index * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > start + opening.count, index < links.count, !seen[index],
                      end + 1 < bytes.count, bytes[end] == UInt8(ascii: "@"), bytes[end + 1] == UInt8(ascii: "\"")
                else { return false }
                seen[index] = true
                html += String(decoding: UnsafeBufferPointer(rebasing: bytes[position...start]), as: UTF8.self)
                let valueStart = html.utf8.count
                html += HrefAttribute.value(for: shownDestination(links[index].destination, allowsRawHTML: allowsRawHTML), unsafe: allowsRawHTML)
                hrefs.append((valueStart..<html.utf8.count, index))
                position = end + 1
            }
            html += String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self)
            return hrefs.count == links.count
        }
        return complete ? (html, hrefs) : nil
    }

    /// The destination a link is rendered with as parsed: with raw HTML allowed cmark runs unsafe and keeps
    /// script URLs, which safe mode drops, so they are dropped here.
    private static func shownDestination(_ destination: String, allowsRawHTML: Bool) -> String {
        allowsRawHTML && UnsafeURL.isUnsafe(destination) ? "" : destination
    }

    /// Replaces a link's destination (used to point `../materials/nylon.md` at the rendered page).
    public func setDestination(of link: Link, to destination: String) {
        destinations[link.index] = destination
    }

    /// Shows a fenced block as `html` instead of as code; calling it again replaces the HTML. cmark emits a
    /// custom block's text verbatim, so `html` must already be escaped.
    public func replace(_ block: FencedBlock, withHTML html: String) {
        replacements[block.index] = html
    }

    /// Renders the body with cmark-gfm's HTML renderer, with the edits made so far.
    public func renderHTML() -> String {
        switch source {
        case .rendered(let html, let hrefs):
            guard !destinations.isEmpty else { return html }
            var result = ""
            result.reserveCapacity(html.utf8.count + hrefs.count * 16)
            let utf8 = html.utf8
            var copied = 0
            for href in hrefs {
                guard let destination = destinations[href.link] else { continue }
                result += html[utf8.index(utf8.startIndex, offsetBy: copied)..<utf8.index(utf8.startIndex, offsetBy: href.range.lowerBound)]
                result += HrefAttribute.value(for: destination, unsafe: allowsRawHTML)
                copied = href.range.upperBound
            }
            result += html[utf8.index(utf8.startIndex, offsetBy: copied)...]
            return result
        case .markdown(let markdown):
            return renderHTML(parsing: markdown)
        }
    }

    /// Renders `markdown` parsed afresh, with the edits made so far.
    private func renderHTML(parsing markdown: String) -> String {
        let tree = Tree(markdown, allowsRawHTML: allowsRawHTML)
        var headingNodes: [OpaquePointer] = []
        var blockNodes: [OpaquePointer] = []
        var linkIndex = 0
        tree.walk { node, type, isEnter in
            guard isEnter else { return }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                cmark_node_set_url(node, destinations[linkIndex] ?? Self.shownDestination(links[linkIndex].destination, allowsRawHTML: allowsRawHTML))
                linkIndex += 1
            case CMARK_NODE_CODE_BLOCK where Self.blockInfos.contains(Self.fenceWord(of: node)):
                blockNodes.append(node)
            default:
                break
            }
        }
        // Edits that move nodes wait until the walk is over, so the iterator never sees a changed tree.
        for (index, node) in blockNodes.enumerated() {
            if let html = replacements[index] { tree.replace(node, withHTML: html) }
        }
        for (heading, node) in zip(headings, headingNodes) {
            tree.anchor(node, level: heading.level, id: heading.id)
        }
        return Self.labelTaskCheckboxes(tree.renderHTML())
    }

    /// cmark-gfm writes task list items' checkboxes without a label, which screen readers announce as an
    /// unnamed form field (axe: critical); name them after their state.
    static func labelTaskCheckboxes(_ html: String) -> String {
        guard html.containsUTF8("<input type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />", with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />", with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" />")
    }

    /// The first word of a code block's info string: `compare` for a block opened with ```compare.
    private static func fenceWord(of node: OpaquePointer) -> String {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        return String(info.split(whereSeparator: \.isWhitespace).first ?? "")
    }

    private static func inlineText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            let child = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(child)
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) && cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
               let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK {
                text += " "
            }
        }
        return text
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        (Int(type.rawValue) & Int(CMARK_NODE_TYPE_MASK)) == Int(CMARK_NODE_TYPE_BLOCK)
    }
}

/// One parse of a body by cmark-gfm, alive for as long as the value is used.
private final class Tree {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let options: Int32
    /// Heading nodes replaced by anchored blocks; their inline text still points into their buffers,
    /// so they are freed only with the tree.
    private var detached: [OpaquePointer] = []

    /// cmark-gfm parsers share global state: extension registration is a check-then-set, done once here
    /// before any parse; and finishing a parse, which parses the inlines, adds the extensions' special
    /// characters (`~`, `|`) to a global table and removes them when it is done (github/cmark-gfm#176), so
    /// parses finishing at once would miss them. Finishing takes turns; feeding, which parses the blocks,
    /// runs in parallel. A `Mutex` rather than `NSLock`: fewer sleeps and wake-ups per page.
    private static let parsing = Mutex(())
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    init(_ markdown: String, allowsRawHTML: Bool) {
        Self.registered
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, so checking it again (a pass over
        // every byte of every page) could replace nothing. cmark replaces NUL bytes either way.
        var options = CMARK_OPT_FOOTNOTES
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        let parser = cmark_parser_new(options)!
        self.parser = parser
        var extensions = ["table", "strikethrough", "autolink", "tasklist"]
        if allowsRawHTML { extensions.append("tagfilter") }
        for name in extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var markdown = markdown
        markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        // The parser and its tree belong to this value alone, the lock only orders the finishing: they cross
        // it as addresses, which Swift can send, where it cannot prove a pointer is not shared.
        let address = UInt(bitPattern: parser)
        let tree = Self.parsing.withLock { _ in UInt(bitPattern: cmark_parser_finish(OpaquePointer(bitPattern: address))) }
        root = OpaquePointer(bitPattern: tree)!
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// Visits every node in document order: `visit(node, type, isEnter)`; leaf nodes are entered only.
    func walk(_ visit: (OpaquePointer, cmark_node_type, Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            visit(node, cmark_node_get_type(node), event == CMARK_EVENT_ENTER)
            event = cmark_iter_next(iterator)
        }
    }

    /// Puts a custom block holding `html` in place of `node`.
    func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    func renderHTML() -> String {
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// cmark's renderer writes headings without ids; a custom block carrying the opening and closing tags
    /// takes the heading's place and adopts its inline children, so cmark still escapes the text.
    func anchor(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(heading, block)
        cmark_node_unlink(heading)
        detached.append(heading)
    }
}
