import Foundation
import LicensingModel

/// A parsed `condition`: selections joined by `and` / `or` / `not`, `N of (…)`, `a followed by b within 10m`,
/// and `count(a) >= 3 within 1h`.
public indirect enum ConditionExpression: Sendable, Hashable {
    /// A selection by name: true when it has at least one hit.
    case selection(String)
    /// True when the operand is false (contributes no evidence).
    case not(ConditionExpression)
    /// All operands true.
    case and([ConditionExpression])
    /// At least one operand true.
    case or([ConditionExpression])
    /// At least `n` operands true (`2 of (a, b, c)`, `all of (…)`, `any of (…)`, `1 of them`).
    case atLeast(Int, [ConditionExpression])
    /// A hit of the first operand, then (same instant or later) a hit of the second, optionally within a window.
    case followedBy(ConditionExpression, ConditionExpression, within: TimeInterval?)
    /// The number of hits compared with a bound; with a window, the most hits inside any window of that length.
    case count(ConditionExpression, CountComparison, Int, within: TimeInterval?)

    /// The selection names the expression refers to.
    public var selectionNames: Set<String> {
        switch self {
        case .selection(let name): return [name]
        case .not(let e): return e.selectionNames
        case .and(let es), .or(let es), .atLeast(_, let es):
            return es.reduce(into: Set<String>()) { $0.formUnion($1.selectionNames) }
        case .followedBy(let a, let b, _): return a.selectionNames.union(b.selectionNames)
        case .count(let e, _, _, _): return e.selectionNames
        }
    }
}

/// The comparison in `count(a) >= 3`.
public enum CountComparison: String, Sendable, Hashable, CaseIterable {
    case greaterOrEqual = ">="
    case greater = ">"
    case equal = "=="
    case lessOrEqual = "<="
    case less = "<"

    /// Whether `count op bound` holds.
    public func holds(_ count: Int, _ bound: Int) -> Bool {
        switch self {
        case .greaterOrEqual: return count >= bound
        case .greater: return count > bound
        case .equal: return count == bound
        case .lessOrEqual: return count <= bound
        case .less: return count < bound
        }
    }
}

/// Reads durations such as `30s`, `10m`, `1h`, `2d`.
public enum RuleDuration {
    /// Seconds in `text`, or nil when it is not a duration.
    public static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount > 0 else { return nil }
        switch unit {
        case "s": return TimeInterval(amount)
        case "m": return TimeInterval(amount) * 60
        case "h": return TimeInterval(amount) * 3600
        case "d": return TimeInterval(amount) * 86_400
        default: return nil
        }
    }

}
