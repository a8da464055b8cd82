import Foundation
import LicensingModel

/// Human-readable renderings of rule parts, shared by explanations and `rules explain`.
public enum RuleDescription {
    /// `proxy_port equals 443`, `reason contains 'resolve' (ignoring case)`.
    public static func predicate(_ predicate: FieldPredicate) -> String {
        let tests = predicate.tests.map { test -> String in
            switch test {
            case .equals(let v): return "equals '\(v)'"
            case .notEquals(let v): return "not_equals '\(v)'"
            case .contains(let v): return "contains '\(v)'"
            case .regex(let v): return "matches /\(v)/"
            case .notRegex(let v): return "does not match /\(v)/"
            case .oneOf(let vs): return "in [\(vs.map { "'\($0)'" }.joined(separator: ", "))]"
            case .compare(let op, let v): return "\(op.rawValue) \(v.formatted())"
            case .exists(let b): return b ? "exists" : "is absent"
            }
        }
        return "\(predicate.field) " + tests.joined(separator: " and ") + (predicate.ignoreCase ? " (ignoring case)" : "")
    }

    /// One line for a selection: `event communication.failed where reason contains 'x'`.
    public static func selection(_ selection: Selection) -> String {
        switch selection {
        case .events(let s):
            let kinds = s.kinds.map(\.rawValue).joined(separator: " | ")
            guard !s.predicates.isEmpty else { return "event \(kinds)" }
            return "event \(kinds) where " + s.predicates.map(predicate).joined(separator: "; ")
        case .state(let s):
            let values = s.values.map(\.rawValue).joined(separator: " | ")
            return "state \(s.dimension.rawValue) is \(values) \(s.at == .end ? "at the end of the evidence" : "at any time")"
        case .entitlements(let s):
            return "usage row (lower tier) with " + s.lower.map(predicate).joined(separator: "; ")
                + " while a higher tier in the same output has " + s.higher.map(predicate).joined(separator: "; ")
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
