/// Writes SVG markup for inline pictures. Every text and attribute value is escaped as by `HTML.escape`, so a
/// title holding `<`, `&` or quotes stays text in both the HTML page and the SVG inside it. Coordinates are
/// written with at most one decimal, so the same layout always gives the same bytes.
struct SVGWriter {
    private(set) var markup = ""

    /// Opens the root element: a picture `width` × `height` user units, drawn at that size (pictures.css lets
    /// it shrink to the column), hidden from assistive technology because the page lists the same links as text.
    init(width: Double, height: Double, className: String) {
        markup.reserveCapacity(4096)
        markup += "<svg class=\""
        markup += className
        markup += "\" viewBox=\"0 0 "
        write(width)
        markup += " "
        write(height)
        markup += "\" width=\""
        write(width)
        markup += "\" height=\""
        write(height)
        markup += "\" aria-hidden=\"true\">"
    }

    /// Opens a root element whose width follows its container (for charts drawn in percentages of the width).
    init(fluidHeight height: Double, className: String) {
        markup.reserveCapacity(4096)
        markup += "<svg class=\""
        markup += className
        markup += "\" width=\"100%\" height=\""
        write(height)
        markup += "\" aria-hidden=\"true\">"
    }

    /// The finished picture.
    mutating func finish() -> String {
        markup += "</svg>"
        return markup
    }

    // Every element is written piece by piece into `markup`, rather than through string interpolations that
    // each build a string of their own: a relation map is drawn on every entity page.

    /// A link around what `content` writes. It is taken out of the tab order: the page's lists hold the same
    /// links for keyboard and screen reader users. `title`, the tooltip, is the full text of a shortened label.
    mutating func link(href: String, title: String?, className: String? = nil, _ content: (inout SVGWriter) -> Void) {
        markup += "<a href=\""
        HTML.append(escaping: href, to: &markup)
        markup += "\" tabindex=\"-1\""
        if let className {
            markup += " class=\""
            markup += className
            markup += "\""
        }
        markup += ">"
        if let title { self.title(title) }
        content(&self)
        markup += "</a>"
    }

    mutating func group(className: String, _ content: (inout SVGWriter) -> Void) {
        markup += "<g class=\""
        markup += className
        markup += "\">"
        content(&self)
        markup += "</g>"
    }

    /// A `<title>` for the enclosing element: a tooltip with the full text.
    mutating func title(_ text: String) {
        markup += "<title>"
        HTML.append(escaping: text, to: &markup)
        markup += "</title>"
    }

    mutating func rect(x: Length, y: Double, width: Length, height: Double, radius: Double = 0, className: String) {
        markup += "<rect class=\""
        markup += className
        markup += "\" x=\""
        write(x)
        markup += "\" y=\""
        write(y)
        markup += "\" width=\""
        write(width)
        markup += "\" height=\""
        write(height)
        markup += "\""
        if radius > 0 {
            markup += " rx=\""
            write(radius)
            markup += "\""
        }
        markup += "/>"
    }

    mutating func circle(x: Length, y: Double, radius: Double, className: String) {
        markup += "<circle class=\""
        markup += className
        markup += "\" cx=\""
        write(x)
        markup += "\" cy=\""
        write(y)
        markup += "\" r=\""
        write(radius)
        markup += "\"/>"
    }

    mutating func line(x1: Length, y1: Double, x2: Length, y2: Double, className: String) {
        markup += "<line class=\""
        markup += className
        markup += "\" x1=\""
        write(x1)
        markup += "\" y1=\""
        write(y1)
        markup += "\" x2=\""
        write(x2)
        markup += "\" y2=\""
        write(y2)
        markup += "\"/>"
    }

    /// A path from its `d` commands, built with `number(_:)` or `appendNumber(_:to:)` by the caller.
    mutating func path(_ commands: String, className: String, width: Double? = nil) {
        markup += "<path class=\""
        markup += className
        markup += "\" d=\""
        markup += commands
        markup += "\""
        if let width {
            markup += " stroke-width=\""
            write(width)
            markup += "\""
        }
        markup += "/>"
    }

    /// Text anchored at `x`, `y` (the baseline); `anchor` is `start`, `middle` or `end`.
    mutating func text(_ text: String, x: Length, y: Double, anchor: String = "start", className: String) {
        markup += "<text class=\""
        markup += className
        markup += "\" x=\""
        write(x)
        markup += "\" y=\""
        write(y)
        markup += "\""
        if anchor != "start" {
            markup += " text-anchor=\""
            markup += anchor
            markup += "\""
        }
        markup += ">"
        HTML.append(escaping: text, to: &markup)
        markup += "</text>"
    }

    private mutating func write(_ value: Double) {
        Self.appendNumber(value, to: &markup)
    }

    private mutating func write(_ length: Length) {
        switch length {
        case .units(let value):
            write(value)
        case .percent(let value):
            write(value)
            markup += "%"
        }
    }

    /// A coordinate with at most one decimal and no trailing `.0`.
    static func number(_ value: Double) -> String {
        var text = ""
        appendNumber(value, to: &text)
        return text
    }

    /// Appends `number(value)` to `text`.
    static func appendNumber(_ value: Double, to text: inout String) {
        let tenths = Int((abs(value) * 10).rounded())
        if value < 0 && tenths != 0 { text += "-" }
        text += String(tenths / 10)
        if tenths % 10 != 0 {
            text += "."
            text += String(tenths % 10)
        }
    }

    /// A horizontal position or width: user units, or a percentage of the picture's width.
    enum Length {
        case units(Double)
        case percent(Double)
    }
}
