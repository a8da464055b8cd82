import LicensingModel
import Foundation
import Yams

/// Reads a composed YAML tree with positioned errors: every complaint names the node it is about.
struct YAMLNodeReader {
    /// The file the tree came from, for errors.
    let file: String

    /// An error at `node`'s start (1:1 when the node has no mark).
    func error(at node: Node?, _ message: String) -> RuleLoadError {
        let mark = node?.mark
        return RuleLoadError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// An error at a line and column computed by the caller.
    func error(line: Int, column: Int, _ message: String) -> RuleLoadError {
        RuleLoadError(file: file, line: line, column: column, message: message)
    }

    /// The pairs of a mapping, keys as strings, in document order.
    func mapping(_ node: Node, _ what: String) throws(RuleLoadError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping") }
        var out: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(at: key, "\(what): keys must be plain names") }
            out.append((name, key, value))
        }
        return out
    }

    /// A mapping's pairs, refusing keys outside `allowed` (typos must not pass silently).
    func mapping(
        _ node: Node, _ what: String, allowed: Set<String>
    ) throws(RuleLoadError) -> [String: (keyNode: Node, value: Node)] {
        var out: [String: (Node, Node)] = [:]
        for pair in try mapping(node, what) {
            guard allowed.contains(pair.key) else {
                throw error(
                    at: pair.keyNode,
                    "unknown key '\(pair.key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            out[pair.key] = (pair.keyNode, pair.value)
        }
        return out
    }

    /// A non-empty scalar's text.
    func string(_ node: Node, _ what: String) throws(RuleLoadError) -> String {
        guard let scalar = node.scalar else { throw error(at: node, "\(what) must be a single value") }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error(at: node, "\(what) must not be empty") }
        // `title: ~` is YAML's null, not the text "~".
        if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(text) {
            throw error(at: node, "\(what) must not be null")
        }
        return text
    }

    /// An integer scalar.
    func int(_ node: Node, _ what: String) throws(RuleLoadError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error(at: node, "\(what) must be an integer")
        }
        return value
    }

    /// A number scalar.
    func number(_ node: Node, _ what: String) throws(RuleLoadError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error(at: node, "\(what) must be a number")
        }
        return value
    }

    /// A boolean scalar (`true` / `false`).
    func bool(_ node: Node, _ what: String) throws(RuleLoadError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(at: node, "\(what) must be true or false")
        }
    }

    /// A list of scalars; a single scalar reads as a one-element list.
    func strings(_ node: Node, _ what: String) throws(RuleLoadError) -> [(text: String, node: Node)] {
        if node.scalar != nil { return [(try string(node, what), node)] }
        guard let sequence = node.sequence else { throw error(at: node, "\(what) must be a value or a list") }
        var out: [(String, Node)] = []
        for item in sequence { out.append((try string(item, "an item of \(what)"), item)) }
        return out
    }

    /// An enumeration value, with the accepted values in the error.
    func choice<T: RawRepresentable>(_ node: Node, _ what: String, as type: T.Type) throws(RuleLoadError) -> T
    where T.RawValue == String, T: CaseIterable {
        let text = try string(node, what)
        guard let value = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(at: node, "\(what) '\(text)' is not one of: \(accepted)")
        }
        return value
    }
}
