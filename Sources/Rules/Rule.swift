import Foundation
import LicensingModel

/// One signature from `rules/`: what it says (``RuleCard``, reachable as `rule.id`, `rule.title`, …), what it looks
/// for (`selections` + `condition`), and the fixtures that prove it matches what it should and nothing else.
@dynamicMemberLookup
public struct Rule: Sendable, Hashable {
    /// What the rule says: identity, severity, confidence, advice, basis.
    public var card: RuleCard
    /// The evidence the rule needs before it can say anything.
    public var requires: EvidenceRequirement
    /// Evidence that would corroborate a match; a finding lists the absent ones as "collect next".
    public var corroboratedBy: [EvidenceKind]
    /// Named selections, in file order.
    public var selections: [NamedSelection]
    /// How the selections combine.
    public var condition: ConditionExpression
    /// The condition as written.
    public var conditionText: String
    /// Fixture directory names under `tests/<id>/` that must match / must not match.
    public var tests: RuleTests
    /// The file the rule was read from.
    public var file: String
    /// Where the `id` value sits in `file`.
    public var idPosition: RulePosition
    /// A lower severity the finding takes when only some selections matched (`lower_severity`), or nil.
    public var lowerSeverity: LowerSeverity? = nil

    /// The card's fields (`rule.id`, `rule.severity`, …).
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<RuleCard, T>) -> T {
        get { card[keyPath: keyPath] }
        set { card[keyPath: keyPath] = newValue }
    }

    /// The selection called `name`.
    public func selection(named name: String) -> NamedSelection? { selections.first { $0.name == name } }
}

/// `lower_severity: {severity: low, when_only: [a, b]}`: when every selection that matched is one of `whenOnly`, the
/// finding takes `severity` instead of the rule's (a weaker reading of the same signature).
public struct LowerSeverity: Sendable, Hashable {
    /// The severity the finding takes; lower than the rule's.
    public var severity: RuleSeverity
    /// The selections that, matching alone, lower it.
    public var whenOnly: [String]

    /// The severity of a finding whose matched selections are `matched`.
    func severity(for matched: [String], otherwise: RuleSeverity) -> RuleSeverity {
        !matched.isEmpty && matched.allSatisfy(whenOnly.contains) ? severity : otherwise
    }
}

/// A 1-based line and column in a rule file.
public struct RulePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Whether a rule names a product defect or a diagnosis of the environment.
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    case bug
    case diagnostic
}

/// How bad a finding is, lowest first.
public enum RuleSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    /// Position in the scale (info 0 … critical 4).
    public var level: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: RuleSeverity, b: RuleSeverity) -> Bool { a.level < b.level }
}

/// How sure a match is: `high` when the evidence states the problem itself, `medium` when it is a strong
/// pattern, `low` when the signature rests on inference (public bug headlines only).
public enum RuleConfidence: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
}

/// The evidence kinds a rule needs: all of them, or at least one of them.
public struct EvidenceRequirement: Sendable, Hashable {
    /// `all_of` or `any_of`.
    public enum Mode: String, Sendable, Hashable { case allOf = "all_of", anyOf = "any_of" }
    public var mode: Mode
    public var kinds: [EvidenceKind]

    /// Creates a requirement; an empty list is always met.
    public init(mode: Mode, kinds: [EvidenceKind]) {
        self.mode = mode
        self.kinds = kinds
    }

    /// The kinds that are missing from `present`, or empty when the requirement is met.
    public func missing(from present: Set<EvidenceKind>) -> [EvidenceKind] {
        guard !kinds.isEmpty else { return [] }
        let absent = kinds.filter { !present.contains($0) }
        switch mode {
        case .allOf: return absent
        case .anyOf: return absent.count == kinds.count ? absent : []
        }
    }

    /// `cli and capture` / `cli or capture`.
    public var summary: String {
        kinds.map(\.rawValue).joined(separator: mode == .allOf ? " and " : " or ")
    }
}

/// The fixtures a rule ships with.
public struct RuleTests: Sendable, Hashable {
    /// Fixture directories that must produce a finding.
    public var match: [String]
    /// Fixture directories that must not.
    public var noMatch: [String]
    /// Where each entry sits in the file, for lint errors.
    public var positions: [String: RulePosition]

    /// Creates the test list.
    public init(match: [String], noMatch: [String], positions: [String: RulePosition] = [:]) {
        self.match = match
        self.noMatch = noMatch
        self.positions = positions
    }
}
