import Foundation

/// `satchel graph`: the content graph as JSON or Graphviz DOT, for users who analyse it elsewhere.
public enum GraphExport {
    public enum Format: String, Sendable, CaseIterable {
        case json
        case dot
    }

    public static func render(_ graph: ContentGraph, as format: Format) -> String {
        switch format {
        case .json: json(graph)
        case .dot: dot(graph)
        }
    }

    static func json(_ graph: ContentGraph) -> String {
        var nodes: [[String: Any]] = []
        for entity in graph.entities {
            var values: [String: String] = [:]
            for (key, value) in entity.values { values[key] = value.plainText }
            nodes.append(["id": entity.id.description, "kind": entity.id.kind, "slug": entity.id.slug, "title": entity.title,
                          "url": SitePaths.entity(entity.id), "fields": values])
        }
        var edges: [[String: Any]] = []
        for entity in graph.entities {
            for edge in graph.outgoing[entity.id] ?? [] {
                var item: [String: Any] = ["source": edge.source.description, "target": edge.target.description]
                switch edge.relation {
                case .field(let kind, let key):
                    item["type"] = "field"
                    item["field"] = "\(kind).\(key)"
                case .mention:
                    item["type"] = "mention"
                }
                edges.append(item)
            }
        }
        let kinds = graph.schemas.map { ["name": $0.name, "singular": $0.singular, "plural": $0.plural] }
        let object: [String: Any] = ["kinds": kinds, "nodes": nodes, "edges": edges]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func dot(_ graph: ContentGraph) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = ["digraph satchel {", "  rankdir=LR;", "  node [shape=box];"]
        for schema in graph.schemas {
            lines.append("  subgraph \(quoted("cluster_" + schema.name)) {")
            lines.append("    label=\(quoted(schema.plural));")
            for entity in graph.entities(of: schema.name) {
                lines.append("    \(quoted(entity.id.description)) [label=\(quoted(entity.title))];")
            }
            lines.append("  }")
        }
        for entity in graph.entities {
            for edge in graph.outgoing[entity.id] ?? [] {
                let label: String
                switch edge.relation {
                case .field(_, let key): label = key
                case .mention: label = "mentions"
                }
                let style = edge.relation == .mention ? ", style=dashed" : ""
                lines.append("  \(quoted(edge.source.description)) -> \(quoted(edge.target.description)) [label=\(quoted(label))\(style)];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
