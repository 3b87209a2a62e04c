import Yams

/// Reads a YAML mapping of settings (a schema, a field, `_site.yml`), collecting a diagnostic for every
/// unknown key, missing key or value of the wrong shape instead of stopping at the first.
struct MappingReader {
    let source: YAMLSource
    let node: Node
    let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []

    init(source: YAMLSource, node: Node, context: String, allowedKeys: [String]) {
        self.source = source
        self.node = node
        self.context = context
        guard let mapping = node.mapping else {
            diagnostics.append(.error(at: source.location(of: node), "\(context) must be a mapping of keys to values"))
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if allowedKeys.contains(key) {
                pairs.append((key, keyNode, value))
            } else {
                diagnostics.append(.error(
                    at: source.location(of: keyNode), "unknown key '\(key)' in \(context)",
                    suggestion: Suggestion.closest(to: key, in: allowedKeys)))
            }
        }
    }

    var isMapping: Bool { node.mapping != nil }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func keyNode(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.keyNode
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required && isMapping {
                diagnostics.append(.error(at: source.location(of: self.node), "missing key '\(key)' in \(context)"))
            }
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: source.location(of: node), "'\(key)' in \(context) must be a single value"))
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error(at: source.location(of: value(key)!), "'\(key)' in \(context) must be true or false"))
            return nil
        }
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let node = value(key) else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(at: source.location(of: node), "'\(key)' in \(context) must be a list"))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            if let scalar = item.scalar {
                result.append(scalar.string)
            } else {
                diagnostics.append(.error(at: source.location(of: item), "items of '\(key)' in \(context) must be single values"))
            }
        }
        return result
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
