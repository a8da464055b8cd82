import Foundation
import LicensingModel
import Yams

/// Reads `when:` — named selections plus `condition` — checking names against ``EventVocabulary``.
enum WhenParser {
    private static let selectionKeys: Set<String> = ["event", "where", "state", "value", "at", "entitlements",
        "description"]
    private static let predicateOperators: Set<String> = ["equals", "not_equals", "contains", "regex", "not_regex", "in", "gt",
        "gte", "lt", "lte", "exists", "ignore_case"]

    static func parse(
        _ node: Node, reader: YAMLNodeReader
    ) throws(RuleLoadError) -> ([NamedSelection], ConditionExpression, String) {
        var selections: [NamedSelection] = []
        var conditionNode: Node?
        for pair in try reader.mapping(node, "'when'") {
            if pair.key == "condition" {
                conditionNode = pair.value
                continue
            }
            guard pair.key.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil,
                !ConditionParser.keywords.contains(pair.key)
            else {
                throw reader.error(at: pair.keyNode, "selection name '\(pair.key)' must be an identifier and not a keyword")
            }
            selections.append(try parseSelection(pair.key, pair.keyNode, pair.value, reader: reader))
        }
        guard !selections.isEmpty else { throw reader.error(at: node, "'when' declares no selection") }
        guard let conditionNode else { throw reader.error(at: node, "'when' needs a 'condition'") }
        let text = try reader.string(conditionNode, "'condition'")
        let raw = conditionNode.scalar?.string ?? text
        let expression: ConditionExpression
        do {
            expression = try ConditionParser.parse(raw, selectionNames: selections.map(\.name))
        } catch {
            let (line, column) = position(of: error.offset, in: conditionNode, raw: raw)
            throw reader.error(line: line, column: column, "condition: \(error.message)")
        }
        let used = expression.selectionNames
        if let unused = selections.first(where: { !used.contains($0.name) }) {
            throw reader.error(
                line: unused.position.line, column: unused.position.column,
                "selection '\(unused.name)' is not used by the condition")
        }
        return (selections, expression, text)
    }

    /// Maps an offset in a condition scalar back to the file: exact for one-line plain and quoted scalars.
    private static func position(of offset: Int, in node: Node, raw: String) -> (Int, Int) {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        let before = raw.unicodeScalars.prefix(offset)
        let newlines = before.filter { $0 == "\n" }.count
        let lastLineLength = before.reversed().prefix { $0 != "\n" }.count
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?: return (line + newlines, newlines == 0 ? column + 1 + offset : 1 + lastLineLength)
        case .literal?, .folded?: return (line + 1 + newlines, column + 2 + lastLineLength)
        default: return (line + newlines, newlines == 0 ? column + offset : column + lastLineLength)
        }
    }

    private static func parseSelection(
        _ name: String, _ keyNode: Node, _ node: Node, reader: YAMLNodeReader
    ) throws(RuleLoadError) -> NamedSelection {
        let what = "selection '\(name)'"
        let keys = try reader.mapping(node, what, allowed: selectionKeys)
        let position = RulePosition(line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1)
        let description = try keys["description"].map { entry throws(RuleLoadError) in
            try reader.string(entry.value, "'description'")
        }
        let heads = ["event", "state", "entitlements"].filter { keys[$0] != nil }
        guard heads.count == 1 else {
            throw reader.error(at: node, "\(what) needs exactly one of 'event', 'state' or 'entitlements'")
        }
        let selection: Selection
        if let kinds = keys["event"] {
            guard keys["value"] == nil, keys["at"] == nil else {
                throw reader.error(at: keys["value"]?.keyNode ?? keys["at"]?.keyNode, "'value' and 'at' belong to state selections")
            }
            selection = .events(try parseEvents(kinds.value, keys["where"]?.value, reader: reader))
        } else if let state = keys["state"] {
            guard keys["where"] == nil else { throw reader.error(at: keys["where"]?.keyNode, "'where' belongs to event selections") }
            selection = .state(try parseState(state, keys, reader: reader))
        } else if let entitlements = keys["entitlements"] {
            guard keys["where"] == nil, keys["value"] == nil, keys["at"] == nil else {
                throw reader.error(at: node, "entitlement selections take only 'lower' and 'higher' predicates")
            }
            selection = .entitlements(try parseEntitlements(entitlements.value, reader: reader))
        } else {
            throw reader.error(at: node, "\(what) needs exactly one of 'event', 'state' or 'entitlements'")
        }
        return NamedSelection(name: name, selection: selection, description: description, position: position)
    }

    private static func parseEvents(_ kindsNode: Node, _ whereNode: Node?, reader: YAMLNodeReader) throws(RuleLoadError)
        -> EventSelection
    {
        var kinds: [EventKind] = []
        for item in try reader.strings(kindsNode, "'event'") {
            let kind = EventKind(item.text)
            guard kind.isKnown else { throw reader.error(at: item.node, "unknown event kind '\(item.text)'") }
            kinds.append(kind)
        }
        let predicates = try whereNode.map { node throws(RuleLoadError) in
            try parsePredicates(node, kinds: kinds, reader: reader)
        }
        return EventSelection(kinds: kinds, predicates: predicates ?? [])
    }

    private static func parseState(
        _ state: (keyNode: Node, value: Node), _ keys: [String: (keyNode: Node, value: Node)], reader: YAMLNodeReader
    ) throws(RuleLoadError) -> StateSelection {
        let dimension = try reader.choice(state.value, "'state'", as: StateDimension.self)
        guard let valueNode = keys["value"]?.value else {
            throw reader.error(at: state.keyNode, "a state selection needs 'value'")
        }
        let allowed = StateSelection.allowedValues(for: dimension)
        var values: [StateValue] = []
        for item in try reader.strings(valueNode, "'value'") {
            guard let value = StateValue(dimension, rawValue: item.text) else {
                throw reader.error(
                    at: item.node,
                    "'\(item.text)' is not a valid \(dimension.rawValue) state (expected one of: \(allowed.joined(separator: ", ")))")
            }
            values.append(value)
        }
        let at = try keys["at"].map { entry throws(RuleLoadError) in
            try reader.choice(entry.value, "'at'", as: StateSelection.Moment.self)
        }
        return StateSelection(dimension: dimension, values: values, at: at ?? .any)
    }

    private static func parseEntitlements(_ node: Node, reader: YAMLNodeReader) throws(RuleLoadError) -> EntitlementSelection {
        let keys = try reader.mapping(node, "'entitlements'", allowed: ["lower", "higher"])
        guard let lower = keys["lower"]?.value, let higher = keys["higher"]?.value else {
            throw reader.error(at: node, "'entitlements' needs both 'lower' and 'higher'")
        }
        return EntitlementSelection(
            lower: try parsePredicates(lower, kinds: [.entitlementUsage], reader: reader),
            higher: try parsePredicates(higher, kinds: [.entitlementUsage], reader: reader))
    }

    /// `field: literal` (equals), `field: [a, b]` (in), or `field: {operator: operand, …}`.
    private static func parsePredicates(
        _ node: Node, kinds: [EventKind], reader: YAMLNodeReader
    ) throws(RuleLoadError) -> [FieldPredicate] {
        var out: [FieldPredicate] = []
        for pair in try reader.mapping(node, "'where'") {
            if let unsupported = kinds.first(where: { !EventVocabulary.allows(pair.key, on: $0) }) {
                throw reader.error(at: pair.keyNode, "unknown field '\(pair.key)' for event kind '\(unsupported)'")
            }
            let specs = kinds.compactMap { EventVocabulary.field(pair.key, on: $0) }
            out.append(try parsePredicate(pair.key, pair.value, domain: FieldDomain(field: pair.key, specs: specs), reader: reader))
        }
        return out
    }

    private static func parsePredicate(
        _ field: String, _ node: Node, domain: FieldDomain, reader: YAMLNodeReader
    ) throws(RuleLoadError) -> FieldPredicate {
        if node.scalar != nil {
            let value = try reader.string(node, "'\(field)'")
            try domain.check(value, at: node, ignoreCase: false, reader: reader)
            return FieldPredicate(field: field, tests: [.equals(value)], ignoreCase: false)
        }
        if node.sequence != nil {
            let items = try reader.strings(node, "'\(field)'")
            for item in items { try domain.check(item.text, at: item.node, ignoreCase: false, reader: reader) }
            return FieldPredicate(field: field, tests: [.oneOf(items.map(\.text))], ignoreCase: false)
        }
        var tests: [FieldTest] = []
        let operators = try reader.mapping(node, "the predicate on '\(field)'", allowed: predicateOperators)
        let ignoreCase = try operators["ignore_case"].map { entry throws(RuleLoadError) in
            try reader.bool(entry.value, "'ignore_case'")
        } ?? false
        func closed(_ op: String, _ operand: Node) throws(RuleLoadError) -> String {
            let value = try reader.string(operand, "'\(op)'")
            try domain.check(value, at: operand, ignoreCase: ignoreCase, reader: reader)
            return value
        }
        for (op, entry) in operators.sorted(by: { $0.key < $1.key }) {
            let operand = entry.value
            switch op {
            case "ignore_case": break
            case "equals": tests.append(.equals(try closed(op, operand)))
            case "not_equals": tests.append(.notEquals(try closed(op, operand)))
            case "contains": tests.append(.contains(try reader.string(operand, "'contains'")))
            case "in":
                let items = try reader.strings(operand, "'in'")
                for item in items { try domain.check(item.text, at: item.node, ignoreCase: ignoreCase, reader: reader) }
                tests.append(.oneOf(items.map(\.text)))
            case "exists": tests.append(.exists(try reader.bool(operand, "'exists'")))
            case "regex", "not_regex":
                let pattern = try reader.string(operand, "'\(op)'")
                do { _ = try NSRegularExpression(pattern: pattern) } catch {
                    throw reader.error(at: operand, "invalid regex '\(pattern)'")
                }
                tests.append(op == "regex" ? .regex(pattern) : .notRegex(pattern))
            default:
                guard let comparison = NumericComparison(rawValue: op) else {
                    throw reader.error(at: entry.keyNode, "unknown operator '\(op)'")
                }
                try domain.checkNumeric(op, at: entry.keyNode, reader: reader)
                tests.append(.compare(comparison, try reader.number(operand, "'\(op)'")))
            }
        }
        guard !tests.isEmpty else { throw reader.error(at: node, "the predicate on '\(field)' has no test") }
        return FieldPredicate(field: field, tests: tests, ignoreCase: ignoreCase)
    }
}
