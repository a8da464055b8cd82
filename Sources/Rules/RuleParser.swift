import Foundation
import LicensingModel
import Yams

/// Reads one rule file into a ``Rule``, checking the schema, the event vocabulary, regexes and the condition;
/// the first problem becomes a positioned ``RuleLoadError``.
enum RuleParser {
    static let topLevelKeys: Set<String> = [
        "id", "rev", "kind", "title", "severity", "confidence", "confidence_note", "affected_versions",
        "fixed_versions", "requires", "corroborated_by", "when", "verdict", "explain", "remediation", "references",
        "facts", "inferences", "tests", "lower_severity",
    ]

    /// Parses rule YAML text read from `file`.
    static func parse(yaml source: String, file: String) throws(RuleLoadError) -> Rule {
        let root: Node?
        // The basic resolver: YAMLNodeReader reads every scalar as text, and Yams's default resolver runs a regex
        // per scalar to guess a type nothing here uses (a third of a small `analyze` went to it).
        do { root = try Yams.compose(yaml: source, .basic) } catch { throw RuleLoadError.yaml(error, file: file, text: source) }
        let reader = YAMLNodeReader(file: file)
        guard let root else { throw reader.error(at: nil, "the file holds no rule") }
        let keys = try reader.mapping(root, "a rule", allowed: topLevelKeys)

        func required(_ key: String) throws(RuleLoadError) -> Node {
            guard let value = keys[key]?.value else { throw reader.error(at: root, "missing required key '\(key)'") }
            return value
        }
        func text(_ key: String) throws(RuleLoadError) -> String? {
            guard let node = keys[key]?.value else { return nil }
            return try reader.string(node, "'\(key)'")
        }
        func list(_ key: String) throws(RuleLoadError) -> [String] {
            guard let node = keys[key]?.value else { return [] }
            if node.sequence?.isEmpty == true { return [] }
            if key == "references", node.sequence == nil { throw reader.error(at: node, "'references' must be a list") }
            return try reader.strings(node, "'\(key)'").map(\.text)
        }

        let idNode = try required("id")
        let id = try reader.string(idNode, "'id'")
        let kind = try reader.choice(try required("kind"), "'kind'", as: RuleKind.self)
        try checkID(id, kind: kind, node: idNode, reader: reader)
        let rev = try reader.int(try required("rev"), "'rev'")
        guard rev >= 1 else { throw reader.error(at: keys["rev"]?.value, "'rev' must be 1 or more") }
        let title = try reader.string(try required("title"), "'title'")

        let whenNode = try required("when")
        let (selections, condition, conditionText) = try WhenParser.parse(whenNode, reader: reader)
        let facts = try list("facts")
        let inferences = try list("inferences")
        guard !(facts.isEmpty && inferences.isEmpty) else {
            throw reader.error(at: root, "a rule must state its basis: 'facts' (verbatim) and/or 'inferences'")
        }

        let card = RuleCard(
            id: id, rev: rev, kind: kind, title: title,
            severity: try reader.choice(try required("severity"), "'severity'", as: RuleSeverity.self),
            confidence: try reader.choice(try required("confidence"), "'confidence'", as: RuleConfidence.self),
            confidenceNote: try text("confidence_note"), verdict: try text("verdict") ?? title,
            explain: try reader.string(try required("explain"), "'explain'"),
            remediation: try reader.string(try required("remediation"), "'remediation'"),
            references: try list("references"), facts: facts, inferences: inferences,
            affectedVersions: try list("affected_versions"), fixedVersions: try list("fixed_versions"))
        var rule = Rule(
            card: card, requires: try parseRequires(keys["requires"]?.value, reader: reader),
            corroboratedBy: try evidenceKinds(keys["corroborated_by"]?.value, "'corroborated_by'", reader: reader),
            selections: selections, condition: condition, conditionText: conditionText,
            tests: try parseTests(try required("tests"), reader: reader),
            file: file, idPosition: RulePosition(line: idNode.mark?.line ?? 1, column: idNode.mark?.column ?? 1))
        if let node = keys["lower_severity"]?.value {
            rule.lowerSeverity = try parseLowerSeverity(node, rule: rule, reader: reader)
        }
        return rule
    }

    private static func checkID(_ id: String, kind: RuleKind, node: Node, reader: YAMLNodeReader) throws(RuleLoadError) {
        let pattern = kind == .bug ? "^CSC[a-z]{2}[0-9]{5}$" : "^[a-z0-9]+(-[a-z0-9]+)*$"
        guard id.range(of: pattern, options: .regularExpression) != nil else {
            let expected = kind == .bug ? "a Cisco bug ID such as CSCvc94366" : "a lower-case slug such as dns-failure"
            throw reader.error(at: node, "id '\(id)' must be \(expected)")
        }
    }

    private static func evidenceKinds(
        _ node: Node?, _ what: String, reader: YAMLNodeReader
    ) throws(RuleLoadError) -> [EvidenceKind] {
        guard let node else { return [] }
        if node.sequence?.isEmpty == true { return [] }
        var out: [EvidenceKind] = []
        for item in try reader.strings(node, what) {
            guard let kind = EvidenceKind(rawValue: item.text) else {
                let accepted = EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(at: item.node, "unknown evidence kind '\(item.text)' (expected one of: \(accepted))")
            }
            out.append(kind)
        }
        return out
    }

    /// `requires: [cli, capture]` (all of them) or `requires: {any_of: […]}` / `{all_of: […]}`.
    private static func parseRequires(_ node: Node?, reader: YAMLNodeReader) throws(RuleLoadError) -> EvidenceRequirement {
        guard let node else { return EvidenceRequirement(mode: .allOf, kinds: []) }
        guard node.mapping != nil else {
            return EvidenceRequirement(mode: .allOf, kinds: try evidenceKinds(node, "'requires'", reader: reader))
        }
        let keys = try reader.mapping(node, "'requires'", allowed: ["any_of", "all_of"])
        guard keys.count == 1, let (name, entry) = keys.first, let mode = EvidenceRequirement.Mode(rawValue: name) else {
            throw reader.error(at: node, "'requires' takes exactly one of any_of or all_of")
        }
        return EvidenceRequirement(mode: mode, kinds: try evidenceKinds(entry.value, "'requires.\(name)'", reader: reader))
    }

    /// `lower_severity: {severity: low, when_only: [selection…]}`: a severity below the rule's and known selections.
    private static func parseLowerSeverity(_ node: Node, rule: Rule, reader: YAMLNodeReader) throws(RuleLoadError)
        -> LowerSeverity
    {
        let keys = try reader.mapping(node, "'lower_severity'", allowed: ["severity", "when_only"])
        guard let severityNode = keys["severity"]?.value, let onlyNode = keys["when_only"]?.value else {
            throw reader.error(at: node, "'lower_severity' needs 'severity' and 'when_only'")
        }
        let severity = try reader.choice(severityNode, "'lower_severity.severity'", as: RuleSeverity.self)
        guard severity < rule.severity else {
            throw reader.error(at: severityNode, "'lower_severity.severity' must be below the rule's '\(rule.severity.rawValue)'")
        }
        var only: [String] = []
        for item in try reader.strings(onlyNode, "'lower_severity.when_only'") {
            guard rule.selection(named: item.text) != nil else {
                throw reader.error(at: item.node, "'lower_severity.when_only' names no selection '\(item.text)'")
            }
            only.append(item.text)
        }
        guard !only.isEmpty else { throw reader.error(at: onlyNode, "'lower_severity.when_only' lists no selection") }
        return LowerSeverity(severity: severity, whenOnly: only)
    }

    /// `tests: {match: [dir…], nomatch: [dir…]}`, each with at least one entry.
    private static func parseTests(_ node: Node, reader: YAMLNodeReader) throws(RuleLoadError) -> RuleTests {
        let keys = try reader.mapping(node, "'tests'", allowed: ["match", "nomatch"])
        var positions: [String: RulePosition] = [:]
        func entries(_ key: String) throws(RuleLoadError) -> [String] {
            guard let value = keys[key]?.value, value.sequence?.isEmpty != true else {
                throw reader.error(
                    at: node, "'tests' needs at least one '\(key)' fixture (rules need positive and negative tests)")
            }
            var out: [String] = []
            for item in try reader.strings(value, "'tests.\(key)'") {
                guard !item.text.contains(".."), !item.text.hasPrefix("/") else {
                    throw reader.error(at: item.node, "fixture '\(item.text)' must be a directory name under tests/<id>/")
                }
                positions[item.text] = RulePosition(line: item.node.mark?.line ?? 1, column: item.node.mark?.column ?? 1)
                out.append(item.text)
            }
            return out
        }
        let match = try entries("match")
        let noMatch = try entries("nomatch")
        return RuleTests(match: match, noMatch: noMatch, positions: positions)
    }
}
