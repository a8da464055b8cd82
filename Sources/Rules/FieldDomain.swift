import Foundation
import LicensingModel
import Yams

/// What a `where` predicate may say about one field, from the vocabulary's ``FieldSpec``s of every kind the
/// selection names: the closed set of values (`registration.status`, `mode`, `anomaly`, `failed_stage` …) and
/// whether numeric comparisons make sense. A value outside the set could never match, so loading rejects it.
struct FieldDomain {
    /// The field.
    var field: String
    /// The specifications of the field on each selected kind.
    var specs: [FieldSpec]

    /// The values the field can take, or nil when any kind leaves it open.
    var closedValues: [String]? {
        guard !specs.isEmpty else { return nil }
        var out: [String] = []
        for spec in specs {
            guard let values = spec.values else { return nil }
            for v in values where !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// Rejects a value outside the closed set, at the value's position.
    func check(_ value: String, at node: Node, ignoreCase: Bool, reader: YAMLNodeReader) throws(RuleLoadError) {
        guard let allowed = closedValues else { return }
        let known = ignoreCase
            ? allowed.contains { $0.caseInsensitiveCompare(value) == .orderedSame } : allowed.contains(value)
        guard !known else { return }
        throw reader.error(
            at: node, "'\(value)' is not a value of '\(field)' (expected one of: \(allowed.joined(separator: ", ")))")
    }

    /// Rejects a numeric comparison on a field no selected kind declares numeric or open text.
    func checkNumeric(_ op: String, at node: Node, reader: YAMLNodeReader) throws(RuleLoadError) {
        let comparable = specs.contains { $0.type.isNumeric || ($0.type == .string && $0.values == nil) }
        guard !specs.isEmpty, !comparable else { return }
        let type = specs.first.map { $0.values == nil ? $0.type.rawValue : "closed set" } ?? "text"
        throw reader.error(at: node, "'\(op)' compares numbers, but '\(field)' is \(type == "closed set" ? "a closed set of names" : "a \(type) field")")
    }
}
