/// One piece of a compiled template. Sections hold their body, so a template is a tree walked once per render.
enum TemplateNode: Sendable {
    case text(TemplateText)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TemplateSection)
    /// `{{> name}}`.
    case partial(TemplatePartial)
    /// A source line begins with the tag that follows: an indented partial writes its indentation here.
    case lineStart
}

/// Literal text.
struct TemplateText: Sendable {
    var text: String
    /// UTF-8 offsets in `text` where a source line begins, where an indented partial writes its indentation.
    var lineStarts: [Int]
}

/// The name in a tag, split once at compile time.
enum TemplateName: Sendable, Hashable {
    /// `.`: the value on top of the stack.
    case implicit
    /// `name`: the first context on the stack that has it.
    case key(String)
    /// `a.b.c`: `a` as for `.key`, then `b` and `c` in the values found, without walking the stack again.
    case path(String, [String])
}

struct TemplateSection: Sendable {
    var name: TemplateName
    var inverted: Bool
    var body: [TemplateNode]
    /// The section's number in its library, set when the library links its templates: what a
    /// list element's kept rendering is found by (`TemplateRenderings`).
    var id = 0
}

struct TemplatePartial: Sendable {
    var name: String
    /// The whitespace before a standalone partial tag, written at the start of each line of the partial;
    /// nil when the tag shares its line with other content.
    var indentation: String?
    var line: Int
    var column: Int
    /// The partial's index in its library, set when the library links its templates.
    var slot: Int?
}
