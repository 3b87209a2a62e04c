/// Renders linked templates into one preallocated string: a context stack of values, names looked up from the top
/// down, and partials reached by their index in the library.
struct TemplateRenderer {
    /// Deeper nesting of partials than this means a partial that includes itself without end; what lies
    /// deeper is left out rather than exhausting the stack.
    static let maximumPartialDepth = 100

    private let templates: [CompiledTemplate]
    /// Built as a `String` rather than bytes: appending strings needs no UTF-8 validation, and converting
    /// a finished byte buffer does.
    private(set) var output = ""
    private var stack: [TemplateValue] = []
    private var partialDepth = 0
    private let fragments: TemplateFragments?
    /// While a fragment is rendered to be recorded: the stack height below which a lookup leaves it.
    private var fragmentFloor: Int?
    /// The names the fragment being recorded looked up outside itself, with what they gave.
    private var outside: [(name: String, value: TemplateFragments.Fingerprint)] = []
    /// False once the fragment being recorded looked up a context or list outside itself.
    private var isRecordable = true

    init(templates: [CompiledTemplate], root: TemplateValue, capacity: Int, fragments: TemplateFragments? = nil) {
        self.templates = templates
        self.fragments = fragments
        output.reserveCapacity(capacity)
        stack.reserveCapacity(16)
        stack.append(root)
    }

    mutating func render(_ nodes: [TemplateNode], indentation: String) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text):
                if indentation.isEmpty || text.lineStarts.isEmpty {
                    output.append(text.text)
                } else {
                    appendIndented(text, indentation: indentation)
                }
            case .lineStart:
                if !indentation.isEmpty { output.append(indentation) }
            case .variable(let name, let escaped):
                write(lookUp(name), escaped: escaped)
            case .section(let section):
                let value = lookUp(section.name)
                if section.inverted {
                    if !value.isTruthy { render(section.body, indentation: indentation) }
                } else if case .list(let list) = value {
                    // What the elements' kept renderings looked up outside them, looked up once for the list.
                    var outsideValues: [(name: String, value: TemplateFragments.Fingerprint?)] = []
                    for position in 0..<list.count {
                        let element = list.element(at: position)
                        if let fragments, fragmentFloor == nil, case .context(let context) = element, let renderings = context.renderings {
                            render(
                                element, keptIn: renderings, section: section, indentation: indentation, fragments: fragments,
                                outsideValues: &outsideValues)
                            continue
                        }
                        stack.append(element)
                        render(section.body, indentation: indentation)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    render(section.body, indentation: indentation)
                    stack.removeLast()
                }
            case .partial(let partial):
                guard let slot = partial.slot, partialDepth < Self.maximumPartialDepth else { continue }
                partialDepth += 1
                // A standalone partial adds its indentation to the enclosing one; an inline one starts afresh,
                // as its lines are not lines of the enclosing template.
                render(templates[slot].nodes, indentation: partial.indentation.map { indentation + $0 } ?? "")
                partialDepth -= 1
            }
        }
    }

    /// A list element that keeps its renderings: the kept output when the names it looked up outside itself
    /// still give what they gave; otherwise rendered, and recorded with those names.
    private mutating func render(
        _ element: TemplateValue, keptIn renderings: TemplateRenderings, section: TemplateSection, indentation: String,
        fragments: TemplateFragments, outsideValues: inout [(name: String, value: TemplateFragments.Fingerprint?)]
    ) {
        if let kept = renderings.rendering(for: fragments, section: section.id, indentation: indentation),
           kept.outside.allSatisfy({ outsideValue($0.name, cache: &outsideValues) == $0.value }) {
            output.append(kept.output)
            return
        }
        let start = output.utf8.count
        fragmentFloor = stack.count
        outside = []
        isRecordable = true
        stack.append(element)
        render(section.body, indentation: indentation)
        stack.removeLast()
        fragmentFloor = nil
        guard isRecordable else { return }
        let rendered = String(output[output.utf8.index(output.utf8.startIndex, offsetBy: start)...])
        renderings.record(.init(fragments: fragments, section: section.id, indentation: indentation, output: rendered, outside: outside))
    }

    /// What `name` gives below the list being rendered, looked up once per list.
    private func outsideValue(
        _ name: String, cache: inout [(name: String, value: TemplateFragments.Fingerprint?)]
    ) -> TemplateFragments.Fingerprint? {
        if let known = cache.first(where: { $0.name == name }) { return known.value }
        let value = TemplateFragments.Fingerprint(lookUpInStack(name, from: stack.count - 1, through: 0))
        cache.append((name, value))
        return value
    }

    private mutating func appendIndented(_ text: TemplateText, indentation: String) {
        let utf8 = text.text.utf8
        var start = utf8.startIndex
        for offset in text.lineStarts {
            let lineStart = utf8.index(utf8.startIndex, offsetBy: offset)
            output.append(contentsOf: text.text[start..<lineStart])
            output.append(indentation)
            start = lineStart
        }
        output.append(contentsOf: text.text[start...])
    }

    // MARK: Names

    private mutating func lookUp(_ name: TemplateName) -> TemplateValue {
        switch name {
        case .implicit:
            return stack[stack.count - 1]
        case .key(let key):
            return lookUpInStack(key)
        case .path(let first, let rest):
            var value = lookUpInStack(first)
            for key in rest {
                guard case .context(let context) = value else { return .missing }
                value = context.value(for: key)
            }
            return value
        }
    }

    /// The first answer to `key` from the top of the stack down; values that are not contexts have no keys.
    /// While a fragment is recorded, an answer from outside it is noted.
    private mutating func lookUpInStack(_ key: String) -> TemplateValue {
        guard let floor = fragmentFloor else { return lookUpInStack(key, from: stack.count - 1, through: 0) }
        let inside = lookUpInStack(key, from: stack.count - 1, through: floor)
        guard inside.isMissing else { return inside }
        let value = lookUpInStack(key, from: floor - 1, through: 0)
        if let fingerprint = TemplateFragments.Fingerprint(value) { outside.append((key, fingerprint)) } else { isRecordable = false }
        return value
    }

    /// The first answer to `key` from stack position `start` down to `end`.
    private func lookUpInStack(_ key: String, from start: Int, through end: Int) -> TemplateValue {
        var index = start
        while index >= end {
            if case .context(let context) = stack[index] {
                let value = context.value(for: key)
                if !value.isMissing { return value }
            }
            index -= 1
        }
        return .missing
    }

    // MARK: Output

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            if escaped { appendEscaped(string) } else { output.append(string) }
        case .int(let number):
            output.append(String(number))
        case .double(let number):
            output.append(number.description)
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .missing, .null, .context, .list:
            break
        }
    }

    /// Appends `string` with `& < > " '` escaped (the set swift-mustache uses), as `HTML` escapes everywhere.
    private mutating func appendEscaped(_ string: String) {
        HTML.append(escaping: string, to: &output)
    }
}
