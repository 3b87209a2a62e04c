/// Writes SVG markup for inline pictures. Every text and attribute value is escaped as by `HTML.escape`, so a
/// title holding `<`, `&` or quotes stays text in both the HTML page and the SVG inside it. Coordinates are
/// written with at most one decimal, so the same layout always gives the same bytes.
struct SVGWriter {
    /// Bytes rather than a `String`: a picture is hundreds of short pieces, and appending each to an array
    /// costs about a third of appending it to a string, checking the finished bytes as UTF-8 included.
    private var markup: [UInt8] = []

    /// Opens the root element: a picture `width` × `height` user units, drawn at that size (pictures.css lets
    /// it shrink to the column), hidden from assistive technology because the page lists the same links as text.
    init(width: Double, height: Double, className: String) {
        markup.reserveCapacity(4096)
        put("<svg class=\"")
        put(text: className)
        put("\" viewBox=\"0 0 ")
        write(width)
        put(" ")
        write(height)
        put("\" width=\"")
        write(width)
        put("\" height=\"")
        write(height)
        put("\" aria-hidden=\"true\">")
    }

    /// Opens a root element whose width follows its container (for charts drawn in percentages of the width).
    init(fluidHeight height: Double, className: String) {
        markup.reserveCapacity(4096)
        put("<svg class=\"")
        put(text: className)
        put("\" width=\"100%\" height=\"")
        write(height)
        put("\" aria-hidden=\"true\">")
    }

    /// The finished picture.
    mutating func finish() -> String {
        put("</svg>")
        return String(decoding: markup, as: UTF8.self)
    }

    // Every element is written piece by piece into `markup`, rather than through string interpolations that
    // each build a string of their own: a relation map is drawn on every entity page.

    /// A link around what `content` writes. It is taken out of the tab order: the page's lists hold the same
    /// links for keyboard and screen reader users. `title`, the tooltip, is the full text of a shortened label.
    mutating func link(href: String, title: String?, className: String? = nil, _ content: (inout SVGWriter) -> Void) {
        put("<a href=\"")
        HTML.append(escaping: href, to: &markup)
        put("\" tabindex=\"-1\"")
        if let className {
            put(" class=\"")
            put(text: className)
            put("\"")
        }
        put(">")
        if let title { self.title(title) }
        content(&self)
        put("</a>")
    }

    /// A link as `link(href:title:className:_:)` writes it, from parts escaped already: the href `root`
    /// (only `../` steps) followed by `escapedPath`, and `tooltip`, the `<title>` element or nothing.
    mutating func link(
        root: String, escapedPath: ArraySlice<UInt8>, tooltip: ArraySlice<UInt8>, className: StaticString,
        _ content: (inout SVGWriter) -> Void
    ) {
        put("<a href=\"")
        put(text: root)
        markup.append(contentsOf: escapedPath)
        put("\" tabindex=\"-1\" class=\"")
        put(className)
        put("\">")
        markup.append(contentsOf: tooltip)
        content(&self)
        put("</a>")
    }

    mutating func group(className: String, _ content: (inout SVGWriter) -> Void) {
        put("<g class=\"")
        put(text: className)
        put("\">")
        content(&self)
        put("</g>")
    }

    /// A `<title>` for the enclosing element: a tooltip with the full text.
    mutating func title(_ text: String) {
        put("<title>")
        HTML.append(escaping: text, to: &markup)
        put("</title>")
    }

    mutating func rect(x: Length, y: Double, width: Length, height: Double, radius: Double = 0, className: String) {
        put("<rect class=\"")
        put(text: className)
        put("\" x=\"")
        write(x)
        put("\" y=\"")
        write(y)
        put("\" width=\"")
        write(width)
        put("\" height=\"")
        write(height)
        put("\"")
        if radius > 0 {
            put(" rx=\"")
            write(radius)
            put("\"")
        }
        put("/>")
    }

    mutating func circle(x: Length, y: Double, radius: Double, className: String) {
        put("<circle class=\"")
        put(text: className)
        put("\" cx=\"")
        write(x)
        put("\" cy=\"")
        write(y)
        put("\" r=\"")
        write(radius)
        put("\"/>")
    }

    mutating func line(x1: Length, y1: Double, x2: Length, y2: Double, className: String) {
        put("<line class=\"")
        put(text: className)
        put("\" x1=\"")
        write(x1)
        put("\" y1=\"")
        write(y1)
        put("\" x2=\"")
        write(x2)
        put("\" y2=\"")
        write(y2)
        put("\"/>")
    }

    /// A path from its `d` commands, built with `number(_:)` by the caller.
    mutating func path(_ commands: String, className: String, width: Double? = nil) {
        put("<path class=\"")
        put(text: className)
        put("\" d=\"")
        put(text: commands)
        put("\"")
        if let width {
            put(" stroke-width=\"")
            write(width)
            put("\"")
        }
        put("/>")
    }

    /// A path whose `d` commands `draw` writes straight into the markup.
    mutating func path(className: String, _ draw: (inout PathCommands) -> Void) {
        put("<path class=\"")
        put(text: className)
        put("\" d=\"")
        // The markup moves into the commands and back, so neither copies it.
        var commands = PathCommands(markup: markup)
        markup = []
        draw(&commands)
        markup = commands.markup
        put("\"/>")
    }

    /// The `d` commands of a path, with coordinates written as `number(_:)` writes them.
    struct PathCommands {
        fileprivate var markup: [UInt8]

        mutating func move(to x: Double, _ y: Double) {
            markup.append(UInt8(ascii: "M"))
            SVGWriter.append(x, to: &markup)
            markup.append(UInt8(ascii: " "))
            SVGWriter.append(y, to: &markup)
        }

        mutating func vertical(to y: Double) {
            markup.append(UInt8(ascii: "V"))
            SVGWriter.append(y, to: &markup)
        }

        mutating func horizontal(to x: Double) {
            markup.append(UInt8(ascii: "H"))
            SVGWriter.append(x, to: &markup)
        }
    }

    /// Text anchored at `x`, `y` (the baseline); `anchor` is `start`, `middle` or `end`.
    mutating func text(_ text: String, x: Length, y: Double, anchor: String = "start", className: String) {
        openText(x: x, y: y, anchor: anchor, className: className)
        HTML.append(escaping: text, to: &markup)
        put("</text>")
    }

    /// Text as `text(_:x:y:anchor:className:)` writes it, escaped already, anchored at its start.
    mutating func text(escaped: ArraySlice<UInt8>, x: Length, y: Double, className: String) {
        openText(x: x, y: y, anchor: "start", className: className)
        markup.append(contentsOf: escaped)
        put("</text>")
    }

    private mutating func openText(x: Length, y: Double, anchor: String, className: String) {
        put("<text class=\"")
        put(text: className)
        put("\" x=\"")
        write(x)
        put("\" y=\"")
        write(y)
        put("\"")
        if anchor != "start" {
            put(" text-anchor=\"")
            put(text: anchor)
            put("\"")
        }
        put(">")
    }

    private mutating func put(_ literal: StaticString) {
        markup.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func put(text: String) {
        markup.append(contentsOf: text.utf8)
    }

    private mutating func write(_ value: Double) {
        Self.append(value, to: &markup)
    }

    private mutating func write(_ length: Length) {
        switch length {
        case .units(let value):
            write(value)
        case .percent(let value):
            write(value)
            put("%")
        }
    }

    /// A coordinate with at most one decimal and no trailing `.0`.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ASCII bytes of `number(value)` to `bytes`: the one rule for the picture's bytes and for strings.
    private static func append(_ value: Double, to bytes: inout [UInt8]) {
        let tenths = Int((abs(value) * 10).rounded())
        if value < 0 && tenths != 0 { bytes.append(UInt8(ascii: "-")) }
        let whole = tenths / 10
        var divisor = 1
        while divisor <= whole / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(whole / divisor % 10))
            divisor /= 10
        }
        if tenths % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(tenths % 10))
        }
    }

    /// A horizontal position or width: user units, or a percentage of the picture's width.
    enum Length {
        case units(Double)
        case percent(Double)
    }
}
