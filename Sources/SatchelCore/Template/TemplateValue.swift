/// View data that a template can look names up in: `{{title}}` asks the context on top of the stack for
/// `value(for: "title")`, then the one below it, until one answers something other than `.missing`.
///
/// Conform view types with a `switch` over the keys; lookups then cost a string comparison or two, with no
/// reflection and no dynamic casts:
///
///     extension LinkView: TemplateContext {
///         func value(for key: String) -> TemplateValue {
///             switch key {
///             case "title": .string(title)
///             case "summary": TemplateValue(summary)   // nil becomes .null
///             default: .missing
///             }
///         }
///     }
public protocol TemplateContext: TemplateValueConvertible {
    /// The value named `key`, `.missing` when this context has no such key (the lookup then continues in the
    /// enclosing contexts), or `.null` when it has the key but no value (the lookup stops there).
    func value(for key: String) -> TemplateValue

    /// Where a render with `TemplateFragments` keeps this context's output as a list element, to be reused
    /// by the next; nil (the default) renders it afresh each time. Only a context whose values never change
    /// may keep one.
    var renderings: TemplateRenderings? { get }
}

extension TemplateContext {
    public var templateValue: TemplateValue { .context(self) }
    public var renderings: TemplateRenderings? { nil }
}

/// A list that a section iterates, rendering its body once per element with the element on top of the stack.
/// Arrays of strings, numbers, `TemplateValue`s and `TemplateContext` types are lists as they are, without
/// copying: `.list(links)`.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// A type that templates can show, as a value of its own.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// What a name in a template resolves to.
///
/// Mustache semantics: `{{x}}` writes the value HTML-escaped and `{{{x}}}` writes it as it is; a section
/// `{{#x}}` is skipped for `false`, `.missing`, `.null` and empty lists, repeats for each element of a list,
/// and otherwise renders once with the value on top of the stack. Empty strings and zero are truthy.
public enum TemplateValue {
    /// The context has no such key: keep looking in the enclosing contexts. Renders as nothing.
    case missing
    /// The key exists but has no value (JSON `null`, a Swift `nil`): stop looking. Renders as nothing.
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case context(any TemplateContext)
    case list(any TemplateList)

    /// `.string(value)`, or `.null` for nil.
    public init(_ value: String?) {
        self = value.map { .string($0) } ?? .null
    }

    /// Whether a section `{{#x}}` renders (and an inverted section `{{^x}}` does not).
    public var isTruthy: Bool {
        switch self {
        case .missing, .null: false
        case .bool(let value): value
        case .list(let list): list.count > 0
        case .int, .double, .string, .context: true
        }
    }

    public var isMissing: Bool {
        if case .missing = self { true } else { false }
    }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .context(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
}

/// A dictionary is a context: a present key stops the lookup, even when its value is `.null`.
extension Dictionary: TemplateContext, TemplateValueConvertible where Key == String, Value == TemplateValue {
    public func value(for key: String) -> TemplateValue { self[key] ?? .missing }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

extension Double: TemplateValueConvertible {
    public var templateValue: TemplateValue { .double(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue { self?.templateValue ?? .null }
}
