/// A Mustache template parsed once, ready to render any number of times through a `TemplateLibrary`.
public struct CompiledTemplate: Sendable {
    /// The file (or name) that errors and partial references point at.
    public let file: String
    var nodes: [TemplateNode]

    /// Compiles `source`; a syntax error is thrown with its line and column in `file`.
    public init(_ source: String, file: String) throws(TemplateError) {
        var parser = TemplateParser(source: source, file: file)
        self.file = file
        self.nodes = try parser.parse()
    }

    /// Every `{{> name}}` tag, in source order.
    public var partialReferences: [PartialReference] {
        var references: [PartialReference] = []
        Self.visitPartials(in: nodes) { partial in
            references.append(PartialReference(file: file, name: partial.name, line: partial.line, column: partial.column))
        }
        return references
    }

    /// Sets each partial's index in its library from `slots`; partials that name no template keep none.
    /// Resolves each partial to its slot and numbers the sections from `sections` on, which it advances.
    mutating func link(_ slots: [String: Int], sections: inout Int) {
        nodes = Self.link(nodes, slots, sections: &sections)
    }

    private static func link(_ nodes: [TemplateNode], _ slots: [String: Int], sections: inout Int) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .partial(var partial):
                partial.slot = slots[partial.name]
                return .partial(partial)
            case .section(var section):
                section.id = sections
                sections += 1
                section.body = link(section.body, slots, sections: &sections)
                return .section(section)
            case .text, .variable, .lineStart:
                return node
            }
        }
    }

    private static func visitPartials(in nodes: [TemplateNode], _ body: (TemplatePartial) -> Void) {
        for node in nodes {
            switch node {
            case .partial(let partial): body(partial)
            case .section(let section): visitPartials(in: section.body, body)
            case .text, .variable, .lineStart: break
            }
        }
    }
}

/// A `{{> name}}` tag and where it is.
public struct PartialReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file of the template that holds the tag.
    public var file: String
    /// The partial's name, as in the tag.
    public var name: String
    public var line: Int
    public var column: Int

    public init(file: String, name: String, line: Int, column: Int) {
        self.file = file
        self.name = name
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column): {{> \(name)}}" }

    public static func < (lhs: PartialReference, rhs: PartialReference) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.name) < (rhs.file, rhs.line, rhs.column, rhs.name)
    }
}
