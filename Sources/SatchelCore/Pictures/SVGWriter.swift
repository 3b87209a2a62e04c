/// Writes SVG markup for inline pictures. Every text and attribute value passes through `HTML.escape`, so a
/// title holding `<`, `&` or quotes stays text in both the HTML page and the SVG inside it. Coordinates are
/// written with at most one decimal, so the same layout always gives the same bytes.
struct SVGWriter {
    private(set) var markup = ""

    /// Opens the root element: a picture `width` × `height` user units, drawn at that size (pictures.css lets
    /// it shrink to the column), hidden from assistive technology because the page lists the same links as text.
    init(width: Double, height: Double, className: String) {
        markup.reserveCapacity(4096)
        markup += "<svg class=\"\(className)\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" aria-hidden=\"true\">"
    }

    /// Opens a root element whose width follows its container (for charts drawn in percentages of the width).
    init(fluidHeight height: Double, className: String) {
        markup.reserveCapacity(4096)
        markup += "<svg class=\"\(className)\" width=\"100%\" height=\"\(Self.number(height))\" aria-hidden=\"true\">"
    }

    /// The finished picture.
    mutating func finish() -> String {
        markup += "</svg>"
        return markup
    }

    /// A link around what `content` writes. It is taken out of the tab order: the page's lists hold the same
    /// links for keyboard and screen reader users. `title`, the tooltip, is the full text of a shortened label.
    mutating func link(href: String, title: String?, className: String? = nil, _ content: (inout SVGWriter) -> Void) {
        markup += "<a href=\"\(HTML.escape(href))\" tabindex=\"-1\"\(Self.classAttribute(className))>"
        if let title { markup += "<title>\(HTML.escape(title))</title>" }
        content(&self)
        markup += "</a>"
    }

    mutating func group(className: String, _ content: (inout SVGWriter) -> Void) {
        markup += "<g class=\"\(className)\">"
        content(&self)
        markup += "</g>"
    }

    /// A `<title>` for the enclosing element: a tooltip with the full text.
    mutating func title(_ text: String) {
        markup += "<title>\(HTML.escape(text))</title>"
    }

    mutating func rect(x: Length, y: Double, width: Length, height: Double, radius: Double = 0, className: String) {
        markup += "<rect class=\"\(className)\" x=\"\(x)\" y=\"\(Self.number(y))\" width=\"\(width)\" height=\"\(Self.number(height))\""
        if radius > 0 { markup += " rx=\"\(Self.number(radius))\"" }
        markup += "/>"
    }

    mutating func circle(x: Length, y: Double, radius: Double, className: String) {
        markup += "<circle class=\"\(className)\" cx=\"\(x)\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\"/>"
    }

    mutating func line(x1: Length, y1: Double, x2: Length, y2: Double, className: String) {
        markup += "<line class=\"\(className)\" x1=\"\(x1)\" y1=\"\(Self.number(y1))\" x2=\"\(x2)\" y2=\"\(Self.number(y2))\"/>"
    }

    /// A path from its `d` commands, built with `number(_:)` by the caller.
    mutating func path(_ commands: String, className: String, width: Double? = nil) {
        markup += "<path class=\"\(className)\" d=\"\(commands)\""
        if let width { markup += " stroke-width=\"\(Self.number(width))\"" }
        markup += "/>"
    }

    /// Text anchored at `x`, `y` (the baseline); `anchor` is `start`, `middle` or `end`.
    mutating func text(_ text: String, x: Length, y: Double, anchor: String = "start", className: String) {
        markup += "<text class=\"\(className)\" x=\"\(x)\" y=\"\(Self.number(y))\""
        if anchor != "start" { markup += " text-anchor=\"\(anchor)\"" }
        markup += ">\(HTML.escape(text))</text>"
    }

    private static func classAttribute(_ name: String?) -> String {
        name.map { " class=\"\($0)\"" } ?? ""
    }

    /// A coordinate with at most one decimal and no trailing `.0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        let sign = value < 0 && tenths != 0 ? "-" : ""
        return sign + String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10))
    }

    /// A horizontal position or width: user units, or a percentage of the picture's width.
    enum Length: CustomStringConvertible {
        case units(Double)
        case percent(Double)

        var description: String {
            switch self {
            case .units(let value): SVGWriter.number(value)
            case .percent(let value): SVGWriter.number(value) + "%"
            }
        }
    }
}
