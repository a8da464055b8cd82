import Foundation
import LicensingModel
import Yams

/// Reads one catalog YAML file into entries, reporting the first problem with its line and column.
///
/// Schema (one file may hold several messages):
/// ```yaml
/// messages:
///   - id: syslog.comm-failed
///     kind: communication.failed
///     evidence: syslog                 # optional EvidenceKind raw value
///     anchors: ["COMM_FAILED"]         # any one marks a candidate line
///     pattern: 'COMM_FAILED\s*:\s*(?<reason>.*)'   # optional; named captures become fields
///     unless: '^\s*Failure reason'     # optional; the entry does not fire when this matches
///     fields: {cause: tls}             # optional constants (true/false and digits become bool/int)
///     integers: [proxy_port]           # optional captured fields stored as integers
///     group: exception                 # optional; first matching entry of a group wins on a line
///     context: preceding               # optional; untimed lines take the preceding timed line's time/thread
///     source: "FN72323 [V]"            # optional note
///     examples: [{line: '…', expect: {reason: '…'}}]
///     near_misses: ['…']
/// ```
enum CatalogFileParser {
    static let entryKeys: Set<String> = ["id", "kind", "evidence", "anchors", "pattern", "unless", "fields", "integers",
        "group",
        "context", "source", "examples", "near_misses"]

    static func parse(yaml: String, file: String) throws(MessageCatalogError) -> [MessageEntry] {
        let root: Node?
        // The basic resolver: every scalar is text here (`typed` reads numbers and booleans itself), and Yams's
        // default resolver runs a regex per scalar to guess its type.
        do { root = try Yams.compose(yaml: yaml, .basic) } catch {
            throw yamlError(error, file: file)
        }
        guard let root else { return [] }
        guard let map = root.mapping, let list = map["messages"] else {
            throw err(file, root, "expected a mapping with a `messages:` list")
        }
        guard let seq = list.sequence else { throw err(file, list, "`messages` must be a list") }
        for (key, _) in map where key.string != "messages" {
            throw err(file, key, "unknown key `\(key.string ?? "?")` (a catalog file holds only `messages:`)")
        }
        return try seq.map { node throws(MessageCatalogError) in try entry(node, file: file) }
    }

    private static func entry(_ node: Node, file: String) throws(MessageCatalogError) -> MessageEntry {
        guard let m = node.mapping else { throw err(file, node, "each message must be a mapping") }
        for key in m.keys {
            guard let k = key.string, entryKeys.contains(k) else {
                throw err(file, key, "unknown key `\(key.string ?? "?")` (allowed: \(entryKeys.sorted().joined(separator: ", ")))")
            }
        }
        let id = try string(m, "id", file: file, required: true) ?? ""
        let kind = try string(m, "kind", file: file, required: true) ?? ""
        let anchors = try strings(m, "anchors", file: file)
        guard !anchors.isEmpty else { throw err(file, node, "\(id): `anchors` needs at least one literal") }
        var pattern: CatalogPattern?
        if let p = try string(m, "pattern", file: file) {
            do { pattern = try CatalogPattern(p) } catch {
                throw err(file, m["pattern"] ?? node, "\(id): invalid pattern: \(error)")
            }
        }
        var unless: CatalogPattern?
        if let u = try string(m, "unless", file: file) {
            do { unless = try CatalogPattern(u) } catch {
                throw err(file, m["unless"] ?? node, "\(id): invalid unless pattern: \(error)")
            }
        }
        var evidence: EvidenceKind?
        if let e = try string(m, "evidence", file: file) {
            guard let k = EvidenceKind(rawValue: e) else {
                throw err(file, m["evidence"] ?? node, "\(id): unknown evidence `\(e)` (one of \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            evidence = k
        }
        var context = false
        if let c = try string(m, "context", file: file) {
            guard c == "preceding" else { throw err(file, m["context"] ?? node, "\(id): `context` must be `preceding`") }
            context = true
        }
        var fields: [String: FieldValue] = [:]
        if let f = m["fields"] {
            guard let fm = f.mapping else { throw err(file, f, "\(id): `fields` must be a mapping") }
            for (k, v) in fm {
                guard let key = k.string, let value = v.scalar?.string else {
                    throw err(file, k, "\(id): field values must be scalars")
                }
                fields[key] = typed(value)
            }
        }
        var examples: [MessageEntry.Example] = []
        if let ex = m["examples"] {
            guard let seq = ex.sequence else { throw err(file, ex, "\(id): `examples` must be a list") }
            for e in seq {
                guard let em = e.mapping, let line = em["line"]?.string else {
                    throw err(file, e, "\(id): each example needs `line:` (and optional `expect:`)")
                }
                var expect: [String: String] = [:]
                if let x = em["expect"] {
                    guard let xm = x.mapping else { throw err(file, x, "\(id): `expect` must be a mapping") }
                    for (k, v) in xm { if let key = k.string, let value = v.string { expect[key] = value } }
                }
                examples.append(.init(line: line, expect: expect))
            }
        }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "0:0"
        return MessageEntry(
            id: id, kind: EventKind(kind), anchors: anchors, pattern: pattern, unless: unless, fields: fields,
            integers: Set(try strings(m, "integers", file: file)), group: try string(m, "group", file: file),
            usesPrecedingContext: context, evidence: evidence, sourceNote: try string(m, "source", file: file),
            examples: examples, nearMisses: try strings(m, "near_misses", file: file), origin: "\(file):\(mark)")
    }

    private static func typed(_ s: String) -> FieldValue {
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if !s.isEmpty, s.count < 18, s.allSatisfy(\.isASCIIDigit), let n = Int(s) { return .int(n) }
        return .string(s)
    }

    private static func string(_ m: Node.Mapping, _ key: String, file: String, required: Bool = false)
        throws(MessageCatalogError) -> String?
    {
        guard let n = m[key] else {
            if required { throw MessageCatalogError(file: file, line: 0, column: 0, message: "missing `\(key)`") }
            return nil
        }
        guard let s = n.scalar?.string, !s.isEmpty else { throw err(file, n, "`\(key)` must be a non-empty string") }
        return s
    }

    private static func strings(_ m: Node.Mapping, _ key: String, file: String) throws(MessageCatalogError) -> [String] {
        guard let n = m[key] else { return [] }
        if let s = n.scalar?.string { return [s] }
        guard let seq = n.sequence else { throw err(file, n, "`\(key)` must be a list of strings") }
        var out: [String] = []
        for item in seq {
            guard let s = item.scalar?.string else { throw err(file, item, "`\(key)` must be a list of strings") }
            out.append(s)
        }
        return out
    }

    private static func err(_ file: String, _ node: Node, _ message: String) -> MessageCatalogError {
        MessageCatalogError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
    }

    private static func yamlError(_ error: any Error, file: String) -> MessageCatalogError {
        if let y = error as? YamlError {
            switch y {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return MessageCatalogError(file: file, line: mark.line, column: mark.column, message: problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                // The position of the mapping, not the whole file Yams puts in its description.
                let keys = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
                return MessageCatalogError(
                    file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)")
            default: break
            }
        }
        return MessageCatalogError(file: file, line: 0, column: 0, message: "\(error)")
    }
}
