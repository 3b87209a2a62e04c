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

    init(templates: [CompiledTemplate], root: TemplateValue, capacity: Int) {
        self.templates = templates
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
                    for position in 0..<list.count {
                        stack.append(list.element(at: position))
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

    private func lookUp(_ name: TemplateName) -> TemplateValue {
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
    private func lookUpInStack(_ key: String) -> TemplateValue {
        var index = stack.count - 1
        while index >= 0 {
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
