import Foundation
import LicensingModel

/// A test on one event field: `proxy_port: 443`, `reason: {contains: resolve, ignore_case: true}`.
/// Every test in `tests` must hold.
public struct FieldPredicate: Sendable, Hashable {
    /// The field name (from ``EventVocabulary``).
    public var field: String
    /// The tests, all required.
    public var tests: [FieldTest]
    /// Compare text case-insensitively (equals, contains, in, regex).
    public var ignoreCase: Bool
}

/// One comparison on a field's value.
public enum FieldTest: Sendable, Hashable {
    /// Same text (or same number, when both read as numbers).
    case equals(String)
    /// Not the same (also true when the field is absent).
    case notEquals(String)
    /// The text contains it.
    case contains(String)
    /// The text matches the (NSRegularExpression) pattern anywhere.
    case regex(String)
    /// The text does not match the pattern anywhere (also true when the field is absent; add `exists: true`).
    case notRegex(String)
    /// Equal to one of them.
    case oneOf([String])
    /// Numeric comparison.
    case compare(NumericComparison, Double)
    /// Present (true) or absent (false).
    case exists(Bool)

    /// The YAML operator name.
    public var operatorName: String {
        switch self {
        case .equals: return "equals"
        case .notEquals: return "not_equals"
        case .contains: return "contains"
        case .regex: return "regex"
        case .notRegex: return "not_regex"
        case .oneOf: return "in"
        case .compare(let op, _): return op.rawValue
        case .exists: return "exists"
        }
    }
}

/// `gt`, `gte`, `lt`, `lte`.
public enum NumericComparison: String, Sendable, Hashable, CaseIterable {
    case gt, gte, lt, lte

    /// Whether `lhs op rhs` holds.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .gt: return lhs > rhs
        case .gte: return lhs >= rhs
        case .lt: return lhs < rhs
        case .lte: return lhs <= rhs
        }
    }
}

extension FieldPredicate {
    /// Whether `fields` satisfy the predicate. Regexes come precompiled from `regexes` (pattern → expression).
    func holds(on fields: [String: FieldValue], regexes: inout RegexCache) -> Bool {
        let value = fields[field]
        for test in tests where !Self.holds(test, value, ignoreCase: ignoreCase, regexes: &regexes) { return false }
        return true
    }

    private static func holds(_ test: FieldTest, _ value: FieldValue?, ignoreCase: Bool, regexes: inout RegexCache) -> Bool {
        switch test {
        case .exists(let wanted): return (value != nil) == wanted
        case .notEquals(let literal):
            guard let value else { return true }
            return !same(value, literal, ignoreCase: ignoreCase)
        case .equals(let literal):
            guard let value else { return false }
            return same(value, literal, ignoreCase: ignoreCase)
        case .oneOf(let literals):
            guard let value else { return false }
            return literals.contains { same(value, $0, ignoreCase: ignoreCase) }
        case .contains(let needle):
            guard let value else { return false }
            return value.text.range(of: needle, options: ignoreCase ? [.caseInsensitive] : []) != nil
        case .regex(let pattern):
            guard let value else { return false }
            return matches(value.text, pattern, ignoreCase: ignoreCase, regexes: &regexes)
        case .notRegex(let pattern):
            guard let value else { return true }
            return !matches(value.text, pattern, ignoreCase: ignoreCase, regexes: &regexes)
        case .compare(let op, let bound):
            guard let number = value?.number else { return false }
            return op.holds(number, bound)
        }
    }

    private static func matches(_ text: String, _ pattern: String, ignoreCase: Bool, regexes: inout RegexCache) -> Bool {
        regexes.matches(text, pattern, ignoreCase: ignoreCase)
    }

    private static func same(_ value: FieldValue, _ literal: String, ignoreCase: Bool) -> Bool {
        if let number = value.number, let other = Double(literal) { return number == other }
        if ignoreCase { return value.text.caseInsensitiveCompare(literal) == .orderedSame }
        return value.text == literal
    }
}

/// Compiled regular expressions for one evaluation (patterns were validated at load time).
struct RegexCache {
    private var compiled: [String: NSRegularExpression] = [:]
    /// Remembered outcomes: a busy trace gives the same field value (a failure reason) thousands of times.
    private var outcomes: [String: [String: Bool]] = [:]
    private var remembered = 0
    static let capacity = 16_384

    /// Whether `pattern` matches somewhere in `text` (false when the pattern does not compile).
    mutating func matches(_ text: String, _ pattern: String, ignoreCase: Bool) -> Bool {
        let key = (ignoreCase ? "i:" : "s:") + pattern
        if let known = outcomes[key]?[text] { return known }
        guard let expression = expression(pattern, ignoreCase: ignoreCase) else { return false }
        let found = expression.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
        if remembered >= Self.capacity {
            outcomes.removeAll(keepingCapacity: true)
            remembered = 0
        }
        outcomes[key, default: [:]][text] = found
        remembered += 1
        return found
    }

    /// The compiled expression, or nil when the pattern does not compile.
    mutating func expression(_ pattern: String, ignoreCase: Bool) -> NSRegularExpression? {
        let key = (ignoreCase ? "i:" : "s:") + pattern
        if let hit = compiled[key] { return hit }
        guard let made = try? NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        else { return nil }
        compiled[key] = made
        return made
    }
}
