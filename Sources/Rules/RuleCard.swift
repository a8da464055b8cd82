import Foundation

/// What a rule says, independent of how it matches: carried by the rule and by every finding it produces.
public struct RuleCard: Sendable, Hashable, Codable {
    /// `CSCvc94366` for a bug, a stable slug (`dns-failure`) for a diagnostic.
    public var id: String
    /// Revision, bumped whenever the matching logic changes.
    public var rev: Int
    /// Bug signature or diagnostic.
    public var kind: RuleKind
    /// One line: what is wrong.
    public var title: String
    /// How bad it is when it matches.
    public var severity: RuleSeverity
    /// How sure a match is.
    public var confidence: RuleConfidence
    /// Why the confidence is what it is (free text), when given.
    public var confidenceNote: String?
    /// The verdict sentence a finding prints; the title when not given.
    public var verdict: String
    /// Why this matters and how the signature was derived.
    public var explain: String
    /// What to do.
    public var remediation: String
    /// Bug IDs, field notices, documents.
    public var references: [String]
    /// Statements taken from a source (verbatim quotes, documented facts).
    public var facts: [String]
    /// Statements the rule author inferred.
    public var inferences: [String]
    /// Versions known to be affected; empty when not known (never guessed).
    public var affectedVersions: [String]
    /// Versions known to carry the fix; empty when not known.
    public var fixedVersions: [String]
}
