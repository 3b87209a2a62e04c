/// A chart of one field across a kind, for the fields a schema marks `chart: true`: one row per page with a
/// value, its title (linked) and value as text above a mark on a shared scale.
///
/// - Enums: a dot at the value's level, levels spaced evenly in declared order; rows in that order.
/// - Ranges: a bar from the lower to the upper bound (a dot for a single value); rows by upper bound, largest first.
/// - Integers and numbers: a bar from zero, largest first; when every value is positive and their spread is
///   under half the smallest (years, for instance), dots on a scale from the smallest to the largest instead,
///   since bars from zero would all look the same length.
///
/// The chart is drawn in percentages of its width, so it fits any column without scaling its text; labels
/// are shortened to fit a phone-wide column (300 px) beside their value.
struct FieldChart: Sendable, Equatable {
    enum Mark: Sendable, Equatable {
        /// From and to, in percent of the width.
        case bar(Double, Double)
        /// At, in percent of the width.
        case dot(Double)
    }

    struct Row: Sendable, Equatable {
        var title: String
        var label: String
        var href: String
        var value: String
        var mark: Mark
    }

    /// The most rows drawn; the comparison table lists every page.
    static let rowLimit = 40
    /// The narrowest column the labels are fitted to.
    static let minimumWidth = 300.0
    static let labelFontSize = 13.0
    static let valueFontSize = 12.0
    static let rowHeight = 40.0
    private static let axisHeight = 24.0

    var field: FieldSpec
    var kindPlural: String
    var rows: [Row]
    /// Pages with a value; more than `rows.count` when the chart is capped.
    var total: Int
    /// Labels at the start and end of the scale.
    var scaleStart: String
    var scaleEnd: String
    /// Positions (percent) of faint guide lines: the levels of an enum, zero for numbers.
    var guides: [Double]

    /// Whether a schema may mark a field of this type `chart: true`.
    static func isChartable(_ type: FieldType) -> Bool {
        switch type {
        case .integer, .number, .range, .enumeration: true
        default: false
        }
    }

    /// The chart of `field` across `entities`, or nil when fewer than two of them have a value (there is
    /// nothing to compare) or the field's type is not chartable. Links are relative to a page `depth` deep.
    init?(field: FieldSpec, schema: KindSchema, entities: some Sequence<Entity>, depth: Int) {
        let root = SitePaths.root(depth: depth)
        let unit = field.type.unit.map { $0.isEmpty ? "" : " \($0)" } ?? ""
        // Each page's value as low...high on the field's own scale (an enum's rank, a range's bounds).
        var values: [(entity: Entity, low: Double, high: Double)] = []
        for entity in entities {
            switch entity.values[field.key] {
            case .integer(let value): values.append((entity, Double(value), Double(value)))
            case .number(let value): values.append((entity, value, value))
            case .range(let lower, let upper): values.append((entity, lower, upper))
            case .enumeration(_, let rank): values.append((entity, Double(rank), Double(rank)))
            default: continue
            }
        }
        guard values.count >= 2 else { return nil }
        self.field = field
        kindPlural = schema.plural
        total = values.count

        let ordered: [(entity: Entity, low: Double, high: Double)]
        let position: (Double) -> Double
        var dots = false
        switch field.type {
        case .enumeration(let levels):
            // Stable: pages of the same level keep their title order.
            ordered = values.enumerated().sorted { ($0.element.low, $0.offset) < ($1.element.low, $1.offset) }.map(\.element)
            let count = Double(levels.count)
            position = { ($0 + 0.5) / count * 100 }
            dots = true
            guides = levels.indices.map { position(Double($0)) }
            scaleStart = PictureLabel.fit(levels.first ?? "", width: Self.minimumWidth / 2 - 8, fontSize: Self.valueFontSize)
            scaleEnd = levels.count > 1 ? PictureLabel.fit(levels.last ?? "", width: Self.minimumWidth / 2 - 8, fontSize: Self.valueFontSize) : ""
        case .integer, .number, .range:
            // Largest first; equal values keep their title order.
            ordered = values.enumerated().sorted {
                ($1.element.high, $1.element.low, $0.offset) < ($0.element.high, $0.element.low, $1.offset)
            }.map(\.element)
            let smallest = values.map(\.low).min()!, largest = values.map(\.high).max()!
            var low = min(0, smallest), high = max(0, largest)
            if case .range = field.type {} else if smallest > 0, largest - smallest < smallest / 2 {
                dots = true
                low = smallest
                high = largest
            }
            if high == low { high = low + 1 }
            let span = high - low
            position = { ($0 - low) / span * 100 }
            guides = low < 0 ? [position(0)] : []
            scaleStart = FieldValue.format(low) + unit
            scaleEnd = FieldValue.format(high) + unit
        default:
            return nil
        }

        rows = ordered.prefix(Self.rowLimit).map { item in
            let value = item.entity.values[field.key]!.plainText + (field.type.unit == nil ? "" : unit)
            let labelWidth = Self.minimumWidth - PictureLabel.estimatedEms(value) * Self.valueFontSize - 12
            let mark: Mark
            if dots || (!Self.isBar(field.type) && item.low == item.high) {
                mark = .dot(position(item.low))
            } else if Self.isBar(field.type) {
                mark = .bar(min(position(0), position(item.high)), max(position(0), position(item.high)))
            } else {
                mark = .bar(position(item.low), position(item.high))
            }
            return Row(
                title: item.entity.title,
                label: PictureLabel.fit(item.entity.title, width: labelWidth, fontSize: Self.labelFontSize),
                href: root + SitePaths.entity(item.entity.id), value: value, mark: mark)
        }
    }

    /// Integers and numbers are bars from zero; ranges span their bounds.
    private static func isBar(_ type: FieldType) -> Bool {
        switch type {
        case .integer, .number: true
        default: false
        }
    }

    var height: Double { Double(rows.count) * Self.rowHeight + Self.axisHeight }

    /// The chart as inline SVG.
    var svg: String {
        var svg = SVGWriter(fluidHeight: height, className: "picture field-chart")
        let bottom = Double(rows.count) * Self.rowHeight
        for guide in guides {
            svg.line(x1: .percent(guide), y1: 20, x2: .percent(guide), y2: bottom, className: "guide")
        }
        for (index, row) in rows.enumerated() {
            let top = Double(index) * Self.rowHeight
            svg.link(href: row.href, title: "\(row.title): \(row.value)", className: "row") { svg in
                svg.text(row.label, x: .units(0), y: top + 14, className: "label")
                svg.text(row.value, x: .percent(100), y: top + 14, anchor: "end", className: "value")
                svg.rect(x: .units(0), y: top + 22, width: .percent(100), height: 10, radius: 5, className: "track")
                switch row.mark {
                case .bar(let from, let to):
                    svg.rect(x: .percent(from), y: top + 22, width: .percent(max(to - from, 1)), height: 10, radius: 5, className: "bar")
                case .dot(let at):
                    svg.circle(x: .percent(at), y: top + 27, radius: 6, className: "dot")
                }
            }
        }
        svg.text(scaleStart, x: .units(0), y: bottom + 16, className: "scale")
        svg.text(scaleEnd, x: .percent(100), y: bottom + 16, anchor: "end", className: "scale")
        return svg.finish()
    }
}
