/// Compiles Mustache source into `TemplateNode`s: text, variables, sections, inverted sections, partials,
/// comments and set-delimiter tags, with the spec's standalone-line rules (a line holding only a section,
/// comment, partial or delimiter tag and whitespace leaves nothing in the output).
struct TemplateParser {
    private let source: [UInt8]
    private let file: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// Where the literal text not yet turned into a node begins.
    private var textStart = 0
    /// Where the last tag (with its line, when it was standalone) ended.
    private var lastTagEnd = 0
    private var nodes: [TemplateNode] = []
    private var openSections: [OpenSection] = []
    private var lineCursor = (offset: 0, line: 1)

    private struct OpenSection {
        var name: TemplateName
        var rawName: String
        var inverted: Bool
        var tag: String
        var close: String
        var offset: Int
        var enclosingNodes: [TemplateNode]
    }

    /// A tag as written: its sigil, trimmed content and extent.
    private struct Tag {
        var sigil: UInt8?
        var content: String
        var start: Int
        var end: Int
    }

    init(source: String, file: String) {
        self.source = Array(source.utf8)
        self.file = file
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var position = 0
        while let tagStart = find(open, from: position) {
            let tag = try readTag(at: tagStart)
            var next = tag.end
            let standalone = canStandAlone(tag.sigil) ? standaloneLine(of: tag) : nil
            if let standalone {
                appendText(upTo: standalone.lineStart)
                next = standalone.lineEnd
            } else {
                appendText(upTo: tag.start)
                if tag.start == 0 || source[tag.start - 1] == Byte.newline { nodes.append(.lineStart) }
            }
            textStart = next
            lastTagEnd = next
            position = next
            let indentation = standalone.map { String(decoding: source[$0.lineStart..<tag.start], as: UTF8.self) }
            try handle(tag, indentation: indentation)
        }
        appendText(upTo: source.count)
        if let section = openSections.last {
            let (line, column) = location(of: section.offset)
            throw TemplateError(file: file, line: line, column: column, reason: .unclosedSection(name: section.rawName, close: section.close))
        }
        return nodes
    }

    // MARK: Tags

    private mutating func readTag(at start: Int) throws(TemplateError) -> Tag {
        let afterOpen = start + open.count
        let sigil = afterOpen < source.count ? source[afterOpen] : nil
        var closer = close
        var contentStart = afterOpen
        switch sigil {
        case Byte.openBrace?:
            closer = [Byte.closeBrace] + close
            contentStart += 1
        case Byte.equals?:
            closer = [Byte.equals] + close
            contentStart += 1
        case Byte.hash?, Byte.caret?, Byte.slash?, Byte.greater?, Byte.bang?, Byte.ampersand?, Byte.less?, Byte.dollar?, Byte.percent?:
            contentStart += 1
        default:
            break
        }
        let isComment = sigil == Byte.bang
        guard let closeAt = find(closer, from: contentStart),
              isComment || !source[contentStart..<closeAt].contains(Byte.newline)
        else {
            let openText = String(decoding: source[start..<min(contentStart, source.count)], as: UTF8.self)
            throw error(at: start, .unclosedTag(open: openText, close: String(decoding: closer, as: UTF8.self)))
        }
        let content = String(decoding: source[contentStart..<closeAt], as: UTF8.self).trimmingTemplateWhitespace()
        let hasSigil = contentStart > afterOpen
        return Tag(sigil: hasSigil ? sigil : nil, content: content, start: start, end: closeAt + closer.count)
    }

    private mutating func handle(_ tag: Tag, indentation: String?) throws(TemplateError) {
        switch tag.sigil {
        case Byte.bang?:
            break
        case Byte.equals?:
            let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw error(at: tag.start, .invalidDelimiters(text(of: tag)))
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        case Byte.hash?, Byte.caret?:
            let name = try parseName(tag)
            let inverted = tag.sigil == Byte.caret
            openSections.append(OpenSection(
                name: name, rawName: tag.content, inverted: inverted, tag: text(of: tag),
                close: String(decoding: open, as: UTF8.self) + "/" + tag.content + String(decoding: close, as: UTF8.self),
                offset: tag.start, enclosingNodes: nodes))
            nodes = []
        case Byte.slash?:
            guard let section = openSections.popLast() else {
                throw error(at: tag.start, .unopenedClose(name: text(of: tag)))
            }
            guard section.rawName == tag.content else {
                let (line, column) = location(of: section.offset)
                throw error(at: tag.start, .mismatchedClose(open: section.tag, close: text(of: tag), openLine: line, openColumn: column))
            }
            let body = nodes
            nodes = section.enclosingNodes
            nodes.append(.section(TemplateSection(name: section.name, inverted: section.inverted, body: body)))
        case Byte.greater?:
            guard !tag.content.isEmpty else { throw error(at: tag.start, .emptyTag) }
            guard !tag.content.contains(where: \.isWhitespace) else {
                throw error(at: tag.start, .invalidName(tag.content))
            }
            let (line, column) = location(of: tag.start)
            nodes.append(.partial(TemplatePartial(name: tag.content, indentation: indentation, line: line, column: column)))
        case Byte.less?, Byte.dollar?, Byte.percent?:
            throw error(at: tag.start, .unsupportedTag(text(of: tag)))
        case Byte.openBrace?, Byte.ampersand?:
            nodes.append(.variable(try parseName(tag), escaped: false))
        default:
            nodes.append(.variable(try parseName(tag), escaped: true))
        }
    }

    private mutating func parseName(_ tag: Tag) throws(TemplateError) -> TemplateName {
        let content = tag.content
        if content.isEmpty { throw error(at: tag.start, .emptyTag) }
        if content == "." { return .implicit }
        let parts = content.split(separator: ".", omittingEmptySubsequences: false)
        guard !content.contains(where: \.isWhitespace), !parts.contains(where: \.isEmpty) else {
            throw error(at: tag.start, .invalidName(content))
        }
        if parts.count == 1 { return .key(content) }
        return .path(String(parts[0]), parts.dropFirst().map(String.init))
    }

    private static let standaloneSigils: Set<UInt8> = [Byte.hash, Byte.caret, Byte.slash, Byte.greater, Byte.bang, Byte.equals]

    private func canStandAlone(_ sigil: UInt8?) -> Bool {
        sigil.map(Self.standaloneSigils.contains) ?? false
    }

    /// The extent of the tag's line when the tag is alone on it with nothing but spaces and tabs: from the
    /// line's start to after its line break (or the end of the source).
    private func standaloneLine(of tag: Tag) -> (lineStart: Int, lineEnd: Int)? {
        var lineStart = tag.start
        while lineStart > lastTagEnd, source[lineStart - 1] != Byte.newline {
            lineStart -= 1
        }
        // Another tag ended earlier on this line.
        if lineStart == lastTagEnd, lineStart > 0, source[lineStart - 1] != Byte.newline { return nil }
        guard source[lineStart..<tag.start].allSatisfy(Byte.isBlank) else { return nil }
        var lineEnd = tag.end
        while lineEnd < source.count, Byte.isBlank(source[lineEnd]) {
            lineEnd += 1
        }
        if lineEnd == source.count { return (lineStart, lineEnd) }
        if source[lineEnd] == Byte.newline { return (lineStart, lineEnd + 1) }
        if source[lineEnd] == Byte.carriageReturn, lineEnd + 1 < source.count, source[lineEnd + 1] == Byte.newline {
            return (lineStart, lineEnd + 2)
        }
        return nil
    }

    // MARK: Text

    /// Adds the pending literal text up to `end`, merged into the previous text node when they touch.
    private mutating func appendText(upTo end: Int) {
        guard end > textStart else { return }
        var lineStarts: [Int] = []
        for offset in textStart..<end where offset == 0 || source[offset - 1] == Byte.newline {
            lineStarts.append(offset - textStart)
        }
        let text = String(decoding: source[textStart..<end], as: UTF8.self)
        if case .text(var previous) = nodes.last {
            lineStarts = lineStarts.map { $0 + previous.text.utf8.count }
            previous.text += text
            previous.lineStarts += lineStarts
            nodes[nodes.count - 1] = .text(previous)
        } else {
            nodes.append(.text(TemplateText(text: text, lineStarts: lineStarts)))
        }
    }

    // MARK: Positions

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, source.count >= needle.count else { return nil }
        var index = start
        let last = source.count - needle.count
        while index <= last {
            if source[index] == first {
                var matched = 1
                while matched < needle.count, source[index + matched] == needle[matched] {
                    matched += 1
                }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private func text(of tag: Tag) -> String {
        String(decoding: source[tag.start..<tag.end], as: UTF8.self)
    }

    /// 1-based line and column (in characters) of a byte offset.
    private mutating func location(of offset: Int) -> (line: Int, column: Int) {
        if offset < lineCursor.offset { lineCursor = (0, 1) }
        var line = lineCursor.line
        for index in lineCursor.offset..<offset where source[index] == Byte.newline {
            line += 1
        }
        lineCursor = (offset, line)
        var lineStart = offset
        while lineStart > 0, source[lineStart - 1] != Byte.newline {
            lineStart -= 1
        }
        let column = String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    private mutating func error(at offset: Int, _ reason: TemplateError.Reason) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(file: file, line: line, column: column, reason: reason)
    }
}

/// The bytes the parser looks for.
private enum Byte {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let equals = UInt8(ascii: "=")
    static let hash = UInt8(ascii: "#")
    static let caret = UInt8(ascii: "^")
    static let slash = UInt8(ascii: "/")
    static let greater = UInt8(ascii: ">")
    static let less = UInt8(ascii: "<")
    static let bang = UInt8(ascii: "!")
    static let ampersand = UInt8(ascii: "&")
    static let dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%")

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}

extension String {
    /// Without the spaces, tabs and line breaks around it.
    fileprivate func trimmingTemplateWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
