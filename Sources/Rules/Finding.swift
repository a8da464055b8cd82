import Foundation
import LicensingModel

/// A rule that matched: what the rule says (``RuleCard``, reachable as `finding.id`, `finding.verdict`, …), the
/// evidence behind it, and what to collect to be surer.
@dynamicMemberLookup
public struct Finding: Sendable, Codable, Hashable {
    /// The matching rule's card.
    public var rule: RuleCard
    /// The selections that contributed evidence.
    public var matchedSelections: [String]
    /// The evidence, time-ordered, at most ``Finding/evidenceLimit`` items.
    public var evidence: [FindingEvidence]
    /// How many further evidence items were left out.
    public var evidenceOmitted: Int
    /// The first and last evidence instants.
    public var firstEvidence: Date?
    public var lastEvidence: Date?
    /// Evidence kinds that would corroborate the verdict but are absent, and how to collect them.
    public var missingCorroboration: [EvidenceKind]
    public var collect: [String]

    /// The most evidence items a finding carries.
    public static let evidenceLimit = 20

    /// Creates a finding from the card's fields and the match's.
    public init(
        id: String, rev: Int, kind: RuleKind, title: String, severity: RuleSeverity, confidence: RuleConfidence,
        confidenceNote: String?, verdict: String, explain: String, remediation: String, references: [String],
        facts: [String], inferences: [String], affectedVersions: [String], fixedVersions: [String],
        matchedSelections: [String], evidence: [FindingEvidence], evidenceOmitted: Int, firstEvidence: Date?,
        lastEvidence: Date?, missingCorroboration: [EvidenceKind], collect: [String]
    ) {
        let card = RuleCard(
            id: id, rev: rev, kind: kind, title: title, severity: severity, confidence: confidence,
            confidenceNote: confidenceNote, verdict: verdict, explain: explain, remediation: remediation,
            references: references, facts: facts, inferences: inferences, affectedVersions: affectedVersions,
            fixedVersions: fixedVersions)
        self.init(
            rule: card, matchedSelections: matchedSelections, evidence: evidence, evidenceOmitted: evidenceOmitted,
            firstEvidence: firstEvidence, lastEvidence: lastEvidence, missingCorroboration: missingCorroboration,
            collect: collect)
    }

    /// Creates a finding for a rule's card.
    public init(
        rule: RuleCard, matchedSelections: [String], evidence: [FindingEvidence], evidenceOmitted: Int,
        firstEvidence: Date?, lastEvidence: Date?, missingCorroboration: [EvidenceKind], collect: [String]
    ) {
        self.rule = rule
        self.matchedSelections = matchedSelections
        self.evidence = evidence
        self.evidenceOmitted = evidenceOmitted
        self.firstEvidence = firstEvidence
        self.lastEvidence = lastEvidence
        self.missingCorroboration = missingCorroboration
        self.collect = collect
    }

    /// The card's fields (`finding.id`, `finding.severity`, …).
    public subscript<T>(dynamicMember keyPath: KeyPath<RuleCard, T>) -> T { rule[keyPath: keyPath] }
}

extension Finding {
    private enum CodingKeys: String, CodingKey {
        case matchedSelections, evidence, evidenceOmitted, firstEvidence, lastEvidence, missingCorroboration, collect
    }

    /// Decodes the flat form ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        rule = try RuleCard(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        matchedSelections = try c.decode([String].self, forKey: .matchedSelections)
        evidence = try c.decode([FindingEvidence].self, forKey: .evidence)
        evidenceOmitted = try c.decode(Int.self, forKey: .evidenceOmitted)
        firstEvidence = try c.decodeIfPresent(Date.self, forKey: .firstEvidence)
        lastEvidence = try c.decodeIfPresent(Date.self, forKey: .lastEvidence)
        missingCorroboration = try c.decode([EvidenceKind].self, forKey: .missingCorroboration)
        collect = try c.decode([String].self, forKey: .collect)
    }

    /// Encodes one flat object: the card's fields (`id`, `severity`, `verdict`, …) beside the match's.
    public func encode(to encoder: any Encoder) throws {
        try rule.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(matchedSelections, forKey: .matchedSelections)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(evidenceOmitted, forKey: .evidenceOmitted)
        try c.encodeIfPresent(firstEvidence, forKey: .firstEvidence)
        try c.encodeIfPresent(lastEvidence, forKey: .lastEvidence)
        try c.encode(missingCorroboration, forKey: .missingCorroboration)
        try c.encode(collect, forKey: .collect)
    }
}

/// One item of evidence behind a finding: an event or a state interval, where it was read, and how to see it again.
public struct FindingEvidence: Sendable, Codable, Hashable {
    /// The event kind (`communication.failed`) or a state (`authorization: AUTHORIZATION EXPIRED`).
    public var label: String
    /// Where it was read; nil for a state interval with no recorded evidence.
    public var source: SourcePointer?
    /// When it happened.
    public var time: Date?
    /// The source text, secrets redacted.
    public var excerpt: String?
    /// For a state item: the text its source holds at the pointer (the line the state was read from), redacted —
    /// what a reproduction hint (made by Reports when rendering) greps for; nil for an event (its excerpt is that
    /// text) and when unknown (the hint then prints the line by number).
    public var sourceText: String?
    /// The event's typed fields (nil for a state interval): what a report shows for evidence without source text
    /// (a capture's ladder, the presented chain's issuer and root) and what verdict templates name.
    public var fields: [String: FieldValue]?
    /// How many identical messages this item stands for, when more than one (``EvidenceSelection``).
    public var count: Int?
    /// The last of those identical messages' times (the first is `time`).
    public var lastTime: Date?

    /// Creates an item; the excerpt is redacted here so no caller can forget.
    public init(label: String, source: SourcePointer?, time: Date?, excerpt: String?, fields: [String: FieldValue] = [:]) {
        self.fields = fields.isEmpty ? nil : fields
        self.label = label
        self.source = source
        self.time = time
        var shown = excerpt
        if let source, case .frame = source.location {
            shown = EvidenceExcerpt.forFrame(label: label, fields: fields, excerpt: excerpt)
        }
        self.excerpt = shown.map { Redaction.redact($0) }
    }

    /// Whether the item is a state interval (`authorization: AUTHORIZATION EXPIRED`) rather than an event: its
    /// excerpt describes the interval and is not text of the file its source points at.
    public var describesState: Bool { fields == nil && Self.isStateLabel(label) }

    /// Whether `label` names a state (`dimension: VALUE`); event labels are kinds (`communication.failed`).
    public static func isStateLabel(_ label: String) -> Bool {
        StateDimension.allCases.contains { label.hasPrefix($0.rawValue + ": ") }
    }

    /// Records, for a state item, `sourceText` — the text the source holds at its pointer (the line the transition
    /// was read from) — redacted, so its reproduction hint finds that line; nil keeps the hint on the line number.
    public mutating func noteSourceText(_ sourceText: String?) {
        guard describesState, source != nil, let sourceText else { return }
        self.sourceText = Redaction.redact(sourceText)
    }
}

/// A rule that could not be evaluated because the evidence it needs is absent.
public struct NotEvaluated: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var severity: RuleSeverity
    /// The absent evidence kinds.
    public var missing: [EvidenceKind]
    /// What to ask the customer for, one line per missing kind.
    public var collect: [String]
}
