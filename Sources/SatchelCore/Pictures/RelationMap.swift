/// The picture on an entity page: the entity on a vertical spine, with its direct neighbours (pages it
/// links to and pages linking to it) grouped by kind above and below it, two boxes a row on either side of
/// the spine. The layout is computed in user units for a picture 360 wide, the width of a phone, so labels
/// stay readable when the picture shrinks to the column; pictures.css lets it grow moderately on wide screens.
struct RelationMap: Sendable, Equatable {
    /// How a neighbour is linked with the entity.
    enum Direction: String, Sendable {
        /// The entity links to it.
        case outgoing = "out"
        /// It links to the entity.
        case incoming = "in"
        case both

        /// The class of its box's link.
        var className: StaticString {
            switch self {
            case .outgoing: "node out"
            case .incoming: "node in"
            case .both: "node both"
            }
        }
    }

    struct Node: Sendable, Equatable {
        var page: RelationMapNodes.Page
        /// The prefix that leads from the map's page back to the output root.
        var root: String
        var direction: Direction
        var x: Double
        var y: Double

        var title: String { page.title }
        /// The title as shown, shortened to fit its box.
        var label: String { page.label }
        var href: String { root + page.path }
    }

    /// The neighbours of one kind: a header on the spine and up to `perKindLimit` boxes.
    struct Group: Sendable, Equatable {
        var kind: String
        var header: String
        var headerY: Double
        var nodes: [Node]
        /// Neighbours of this kind not drawn, shown as "+N more".
        var hidden: Int
        var moreY: Double?
    }

    static let width = 360.0
    static let perKindLimit = 12
    static let nodeWidth = 164.0
    static let nodeHeight = 26.0
    static let fontSize = 13.0
    static let titleFontSize = 15.0
    private static let margin = 8.0
    private static let rowGap = 6.0
    private static let headerHeight = 26.0
    private static let groupGap = 14.0
    private static let centerHeight = 38.0

    var title: String
    var titleLabel: String
    var centerY: Double
    var groups: [Group]
    var height: Double

    /// The map of `entity`, or nil when it has no neighbours. Neighbours keep the graph's order (kinds as
    /// listed in `_site.yml`, then titles) and are drawn as `nodes` prepared them; links are relative to a
    /// page `depth` folders deep.
    init?(entity: Entity, graph: ContentGraph, nodes: RelationMapNodes, depth: Int) {
        // Neighbours by their place in the graph's entities (kind order, then title), found with one lookup
        // per edge: edges only join pages of the graph.
        var neighbours: [(position: Int, direction: Direction)] = []
        let outgoing = graph.outgoing[entity.id] ?? []
        let incoming = graph.incoming[entity.id] ?? []
        neighbours.reserveCapacity(outgoing.count + incoming.count)
        for index in outgoing.indices where outgoing[index].target != entity.id {
            if let position = graph.position(of: outgoing[index].target) { neighbours.append((position, .outgoing)) }
        }
        for index in incoming.indices where incoming[index].source != entity.id {
            if let position = graph.position(of: incoming[index].source) { neighbours.append((position, .incoming)) }
        }
        guard !neighbours.isEmpty else { return nil }
        neighbours.sort { $0.position < $1.position }
        // One entry per neighbour, linked both ways when it has edges both ways. The graph orders pages by
        // kind first, so the entries of a kind follow each other, kinds in the schemas' order.
        var merged: [(position: Int, direction: Direction)] = []
        merged.reserveCapacity(neighbours.count)
        var pending: [(kind: String, plural: String, members: Range<Int>)] = []
        var index = 0
        while index < neighbours.count {
            let position = neighbours[index].position
            var direction = neighbours[index].direction
            index += 1
            while index < neighbours.count, neighbours[index].position == position {
                if neighbours[index].direction != direction { direction = .both }
                index += 1
            }
            let kind = graph.entities[position].id.kind
            if let last = pending.last, last.kind == kind {
                pending[pending.count - 1].members = last.members.lowerBound..<(merged.count + 1)
            } else if let schema = graph.schemas.indices.first(where: { graph.schemas[$0].name == kind }) {
                pending.append((kind, graph.schemas[schema].plural, merged.count..<(merged.count + 1)))
            } else {
                continue
            }
            merged.append((position, direction))
        }
        let root = SitePaths.root(depth: depth)

        title = entity.title
        titleLabel = PictureLabel.fit(entity.title, width: Self.width - 4 * Self.margin - 16, fontSize: Self.titleFontSize)
        func shown(_ group: (kind: String, plural: String, members: Range<Int>)) -> Int { min(group.members.count, Self.perKindLimit) }
        // Groups go above the entity until about half the boxes are placed, the rest below it.
        let totalRows = pending.reduce(0) { $0 + Self.rows(shown: shown($1), total: $1.members.count) }
        var rowsAbove = 0
        var aboveCount = 0
        for group in pending.dropLast() {
            let rows = Self.rows(shown: shown(group), total: group.members.count)
            guard rowsAbove + rows <= totalRows / 2 else { break }
            rowsAbove += rows
            aboveCount += 1
        }

        var y = Self.margin
        var groups: [Group] = []
        groups.reserveCapacity(pending.count)
        var center = 0.0
        for (index, group) in pending.enumerated() {
            if index == aboveCount {
                center = y
                y += Self.centerHeight + Self.groupGap
            }
            let total = group.members.count
            let shownCount = shown(group)
            let header = "\(group.plural) (\(total))"
            var laidOut = Group(
                kind: group.kind,
                header: PictureLabel.fit(header, width: Self.width - 4 * Self.margin, fontSize: Self.fontSize - 1),
                headerY: y, nodes: [], hidden: total - shownCount, moreY: nil)
            y += Self.headerHeight + Self.rowGap
            laidOut.nodes.reserveCapacity(shownCount)
            for place in 0..<shownCount {
                let neighbour = merged[group.members.lowerBound + place]
                let column = Double(place % 2)
                laidOut.nodes.append(Node(
                    page: nodes.page(at: neighbour.position, in: graph), root: root, direction: neighbour.direction,
                    x: Self.margin + column * (Self.width - 2 * Self.margin - Self.nodeWidth),
                    y: y + Double(place / 2) * (Self.nodeHeight + Self.rowGap)))
            }
            let rows = Self.rows(shown: shownCount, total: total)
            if laidOut.hidden > 0 {
                laidOut.moreY = y + Double(rows - 1) * (Self.nodeHeight + Self.rowGap)
            }
            y += Double(rows) * (Self.nodeHeight + Self.rowGap) + Self.groupGap
            groups.append(laidOut)
        }
        if aboveCount == pending.count {
            center = y
            y += Self.centerHeight + Self.groupGap
        }
        centerY = center
        self.groups = groups
        height = y - Self.groupGap + Self.margin
    }

    /// Rows of two boxes, plus a row for "+N more" when some are not drawn.
    private static func rows(shown: Int, total: Int) -> Int {
        (shown + 1) / 2 + (total > shown ? 1 : 0)
    }

    private static var spineX: Double { width / 2 }

    /// The picture as inline SVG.
    var svg: String {
        var svg = SVGWriter(width: Self.width, height: height, className: "picture relation-map")
        let top = min(groups.first?.headerY ?? centerY, centerY)
        let bottom = max(groups.last.map { $0.moreY ?? $0.nodes.last?.y ?? $0.headerY } ?? centerY, centerY)
        // The spine and every box's tie to it as one path: the map is drawn on every entity page.
        svg.path(className: "edge") { path in
            path.move(to: Self.spineX, top + Self.headerHeight / 2)
            path.vertical(to: bottom + Self.nodeHeight / 2)
            for group in groups {
                for node in group.nodes {
                    path.move(to: node.x < Self.spineX ? node.x + Self.nodeWidth : node.x, node.y + Self.nodeHeight / 2)
                    path.horizontal(to: Self.spineX)
                }
            }
        }
        for group in groups {
            svg.group(className: "group kind-\(group.kind)") { svg in
                for node in group.nodes {
                    svg.link(root: node.root, escapedPath: node.page.escapedPath, tooltip: node.page.tooltip, className: node.direction.className) { svg in
                        svg.rect(x: .units(node.x), y: node.y, width: .units(Self.nodeWidth), height: Self.nodeHeight, radius: 5, className: "box")
                        svg.text(escaped: node.page.escapedLabel, x: .units(node.x + 7), y: node.y + 17.5, className: "label")
                    }
                }
                let headerWidth = min(Self.width - 2 * Self.margin, PictureLabel.estimatedEms(group.header) * (Self.fontSize - 1) + 20)
                svg.rect(x: .units(Self.spineX - headerWidth / 2), y: group.headerY, width: .units(headerWidth), height: Self.headerHeight, radius: 13, className: "header")
                svg.text(group.header, x: .units(Self.spineX), y: group.headerY + 17.5, anchor: "middle", className: "header-label")
                if let moreY = group.moreY {
                    svg.text("+\(group.hidden) more, listed below", x: .units(Self.spineX), y: moreY + 17.5, anchor: "middle", className: "more")
                }
            }
        }
        let centerWidth = Self.width - 4 * Self.margin
        svg.group(className: "center") { svg in
            svg.title(title)
            svg.rect(x: .units(2 * Self.margin), y: centerY, width: .units(centerWidth), height: Self.centerHeight, radius: 8, className: "box")
            svg.text(titleLabel, x: .units(Self.spineX), y: centerY + 24.5, anchor: "middle", className: "label")
        }
        return svg.finish()
    }
}
