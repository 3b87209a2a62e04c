/// The picture on the catalog map page: every page as a box in a column per kind (kinds in `_site.yml`
/// order, `columnsPerBand` columns side by side, further kinds in bands below), with every link between two
/// pages drawn as a faint curve. Past `entityLimit` pages the boxes would be unreadable and the page heavy,
/// so the map shows each kind as one box with its page count instead, with the links between kinds drawn as
/// curves as thick as the number of references they stand for.
struct CatalogMap: Sendable, Equatable {
    struct Node: Sendable, Equatable {
        var title: String
        var label: String
        var href: String
        var x: Double
        var y: Double
    }

    struct Column: Sendable, Equatable {
        var header: String
        var title: String
        var href: String
        var x: Double
        var y: Double
    }

    /// A link between two nodes (indices into `nodes`), drawn once whichever way and however often it goes.
    struct Link: Sendable, Equatable {
        var from: Int
        var to: Int
        /// How many references it stands for.
        var weight: Int
    }

    static let entityLimit = 400
    static let columnsPerBand = 4
    static let columnWidth = 168.0
    static let nodeHeight = 20.0
    static let fontSize = 12.0
    private static let columnGap = 44.0
    private static let rowGap = 4.0
    private static let headerHeight = 34.0
    private static let bandGap = 36.0
    private static let margin = 10.0

    /// True when the map shows kinds rather than pages.
    var isOverview: Bool
    var columns: [Column]
    var nodes: [Node]
    var links: [Link]
    var width: Double
    var height: Double

    /// The map of the whole graph, with links relative to a page `depth` folders deep; an overview of kinds
    /// when the graph has more than `entityLimit` pages.
    init(graph: ContentGraph, depth: Int, entityLimit: Int = Self.entityLimit) {
        let root = SitePaths.root(depth: depth)
        let kinds = graph.schemas.filter { graph.count(of: $0.name) > 0 }
        let isOverview = graph.entities.count > entityLimit
        self.isOverview = isOverview
        let rowsPerKind = kinds.map { isOverview ? 1 : graph.count(of: $0.name) }
        let bandCount = (kinds.count + Self.columnsPerBand - 1) / Self.columnsPerBand
        let columnsUsed = min(kinds.count, Self.columnsPerBand)
        // Room on the right for the last column's arcs and loops (links within a kind).
        width = 2 * Self.margin + Double(columnsUsed) * Self.columnWidth + Double(max(columnsUsed - 1, 0)) * Self.columnGap
            + 30

        var columns: [Column] = []
        var nodes: [Node] = []
        var nodeOfEntity: [EntityID: Int] = [:]
        var nodeOfKind: [String: Int] = [:]
        var top = Self.margin
        for band in 0..<bandCount {
            let members = kinds.indices.filter { $0 / Self.columnsPerBand == band }
            for (slot, kindIndex) in members.enumerated() {
                let schema = kinds[kindIndex]
                let x = Self.margin + Double(slot) * (Self.columnWidth + Self.columnGap)
                let count = graph.count(of: schema.name)
                columns.append(Column(
                    header: PictureLabel.fit("\(schema.plural) (\(count))", width: Self.columnWidth, fontSize: Self.fontSize + 1),
                    title: "\(schema.plural) (\(count))", href: root + SitePaths.kind(schema.name), x: x, y: top))
                let firstRow = top + Self.headerHeight
                if isOverview {
                    nodeOfKind[schema.name] = nodes.count
                    let title = "\(count) \(count == 1 ? schema.singular : schema.plural)"
                    nodes.append(Node(
                        title: title, label: PictureLabel.fit(title, width: Self.columnWidth - 12, fontSize: Self.fontSize),
                        href: root + SitePaths.kind(schema.name), x: x, y: firstRow))
                } else {
                    for (row, entity) in graph.entities(of: schema.name).enumerated() {
                        nodeOfEntity[entity.id] = nodes.count
                        nodes.append(Node(
                            title: entity.title,
                            label: PictureLabel.fit(entity.title, width: Self.columnWidth - 12, fontSize: Self.fontSize),
                            href: root + SitePaths.entity(entity.id), x: x,
                            y: firstRow + Double(row) * (Self.nodeHeight + Self.rowGap)))
                    }
                }
            }
            let rows = members.map { rowsPerKind[$0] }.max() ?? 0
            top += Self.headerHeight + Double(rows) * (Self.nodeHeight + Self.rowGap) + Self.bandGap
        }
        height = top - Self.bandGap + Self.margin

        // A pair linked both ways or by several fields is one link; the overview adds up the kinds' counts.
        var weights: [Int: [Int: Int]] = [:]
        if isOverview {
            let counts = graph.kindLinkCounts
            for (from, source) in graph.schemas.enumerated() {
                for (to, target) in graph.schemas.enumerated() where counts[from][to] > 0 {
                    guard let a = nodeOfKind[source.name], let b = nodeOfKind[target.name] else { continue }
                    weights[min(a, b), default: [:]][max(a, b), default: 0] += counts[from][to]
                }
            }
        } else {
            for entity in graph.entities {
                for edge in graph.outgoing[entity.id] ?? [] {
                    guard let from = nodeOfEntity[edge.source], let to = nodeOfEntity[edge.target], from != to else { continue }
                    weights[min(from, to), default: [:]][max(from, to), default: 0] += 1
                }
            }
        }
        links = weights.keys.sorted().flatMap { from in
            weights[from]!.keys.sorted().map { Link(from: from, to: $0, weight: weights[from]![$0]!) }
        }
        self.columns = columns
        self.nodes = nodes
    }

    /// The path of a link: a curve from the side of one box facing the other, or a loop on the right for two
    /// boxes in the same column (and for a kind's references to itself).
    private func path(of link: Link) -> String {
        let a = nodes[link.from], b = nodes[link.to]
        let middleA = a.y + Self.nodeHeight / 2, middleB = b.y + Self.nodeHeight / 2
        func n(_ value: Double) -> String { SVGWriter.number(value) }
        if a.x == b.x {
            let right = a.x + Self.columnWidth
            if link.from == link.to {
                return "M\(n(right)) \(n(middleA - 5))C\(n(right + 26)) \(n(middleA - 22)) \(n(right + 26)) \(n(middleA + 22)) \(n(right)) \(n(middleA + 5))"
            }
            let bulge = min(Self.columnGap - 6, 10 + abs(middleB - middleA) / 6)
            return "M\(n(right)) \(n(middleA))C\(n(right + bulge)) \(n(middleA)) \(n(right + bulge)) \(n(middleB)) \(n(right)) \(n(middleB))"
        }
        let (left, right, leftMiddle, rightMiddle) = a.x < b.x ? (a, b, middleA, middleB) : (b, a, middleB, middleA)
        let start = left.x + Self.columnWidth, end = right.x
        let pull = max((end - start) / 2, 24)
        return "M\(n(start)) \(n(leftMiddle))C\(n(start + pull)) \(n(leftMiddle)) \(n(end - pull)) \(n(rightMiddle)) \(n(end)) \(n(rightMiddle))"
    }

    /// The picture as inline SVG.
    var svg: String {
        var svg = SVGWriter(width: width, height: height, className: isOverview ? "picture catalog-map overview" : "picture catalog-map")
        let heaviest = Double(links.map(\.weight).max() ?? 1)
        svg.group(className: "links") { svg in
            for link in links {
                // Kind-level links grow with the square root of their weight, from 1 to 9 units.
                let stroke = isOverview ? 1 + 8 * (Double(link.weight) / heaviest).squareRoot() : nil
                svg.path(path(of: link), className: "link", width: stroke)
            }
        }
        for column in columns {
            svg.link(href: column.href, title: column.header == column.title ? nil : column.title, className: "column-header") { svg in
                svg.text(column.header, x: .units(column.x), y: column.y + 20, className: "header-label")
            }
        }
        for node in nodes {
            svg.link(href: node.href, title: node.label == node.title ? nil : node.title, className: "node") { svg in
                svg.rect(x: .units(node.x), y: node.y, width: .units(Self.columnWidth), height: Self.nodeHeight, radius: 4, className: "box")
                svg.text(node.label, x: .units(node.x + 6), y: node.y + 14.5, className: "label")
            }
        }
        return svg.finish()
    }
}
