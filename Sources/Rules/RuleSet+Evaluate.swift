import Foundation
import LicensingModel

extension RuleSet {
    /// Runs every rule over `evidence`.
    /// - Parameter evidence: one bundle's events, state intervals and evidence kinds.
    /// - Returns: findings (most severe first), rules not evaluated for lack of evidence, and an explanation per rule.
    public func evaluate(_ evidence: RuleEvidence) -> RuleEvaluation {
        let index = EvidenceIndex(evidence)
        var findings: [Finding] = []
        var notEvaluated: [NotEvaluated] = []
        var explanations: [String: RuleExplanation] = [:]
        for rule in rules {
            let result = RuleEvaluator.evaluate(rule, index: index)
            explanations[rule.id] = result.explanation
            if let finding = result.finding { findings.append(finding) }
            if let skipped = result.notEvaluated { notEvaluated.append(skipped) }
        }
        findings.sort { ($0.severity, $1.id) > ($1.severity, $0.id) }
        return RuleEvaluation(findings: findings, notEvaluated: notEvaluated, explanations: explanations)
    }
}

/// Evaluates one rule.
enum RuleEvaluator {
    struct Result {
        var finding: Finding?
        var notEvaluated: NotEvaluated?
        var explanation: RuleExplanation
    }

    static func evaluate(_ rule: Rule, index: EvidenceIndex) -> Result {
        var explanation = RuleExplanation(
            id: rule.id, rev: rule.rev, title: rule.title, outcome: .notMatched, condition: rule.conditionText,
            selections: [])
        let missing = rule.requires.missing(from: index.evidence.present)
        guard missing.isEmpty else {
            explanation.outcome = .notEvaluated(missing: missing)
            let skipped = NotEvaluated(
                id: rule.id, title: rule.title, severity: rule.severity, missing: missing,
                collect: missing.map(\.collectHint))
            return Result(finding: nil, notEvaluated: skipped, explanation: explanation)
        }
        var matcher = SelectionMatcher(index: index)
        var hits: [String: [SelectionHit]] = [:]
        for named in rule.selections {
            let result = matcher.evaluate(named.selection)
            hits[named.name] = result.hits
            explanation.selections.append(.init(
                name: named.name, looksFor: named.description ?? RuleDescription.selection(named.selection),
                matched: !result.hits.isEmpty, hitCount: result.hits.count, detail: result.detail))
        }
        let outcome = ConditionEvaluator(hits: hits).evaluate(rule.condition)
        guard outcome.holds else { return Result(finding: nil, notEvaluated: nil, explanation: explanation) }
        explanation.outcome = .matched
        let matched = rule.selections.map(\.name).filter { !(hits[$0] ?? []).isEmpty }
        let finding = makeFinding(rule, hits: outcome.hits, matched: matched, index: index)
        return Result(finding: finding, notEvaluated: nil, explanation: explanation)
    }

    /// The items a verdict's placeholders can take their values from — for each placeholder, the first item
    /// that has the field — built in their order; filling from them gives what filling from all items would.
    private static func templateEvidence(_ verdict: String, _ items: [PendingEvidence]) -> [FindingEvidence] {
        var picked = Set<Int>()
        for name in VerdictTemplate.placeholders(in: verdict) {
            if let i = items.firstIndex(where: { !($0.fields[name]?.text.isEmpty ?? true) }) { picked.insert(i) }
        }
        return picked.sorted().map { items[$0].build() }
    }

    /// `items` without repeats (first occurrences kept), ordered by time, then source, stably. Equal items share
    /// their time and source, so they are dropped within each run of items that tie in that order: no set of every
    /// item is held (a busy trace's selections hit hundreds of thousands of events).
    static func timeOrderedDistinct(_ items: [PendingEvidence]) -> [PendingEvidence] {
        func before(_ a: PendingEvidence, _ b: PendingEvidence) -> Bool? {
            switch (a.time, b.time) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (sa, sb) = (a.source?.description ?? "", b.source?.description ?? "")
                return sa == sb ? nil : sa < sb
            }
        }
        let order = items.indices.sorted { before(items[$0], items[$1]) ?? ($0 < $1) }
        var out: [PendingEvidence] = []
        out.reserveCapacity(items.count)
        var run: [PendingEvidence] = []
        for i in order {
            let item = items[i]
            if let last = run.last, before(last, item) != nil { run.removeAll(keepingCapacity: true) }
            if run.contains(item) { continue }
            run.append(item)
            out.append(item)
        }
        return out
    }

    private static func makeFinding(
        _ rule: Rule, hits: [SelectionHit], matched: [String], index: EvidenceIndex
    ) -> Finding {
        let present = index.evidence.present
        let items = timeOrderedDistinct(hits.flatMap(\.items))
        let times = items.compactMap(\.time)
        let selection = EvidenceSelection.select(items, limit: Finding.evidenceLimit, sourceText: index.sourceText(at:))
        let absent = rule.corroboratedBy.filter { !present.contains($0) }
        var card = rule.card
        card.verdict = VerdictTemplate.fill(card.verdict, from: templateEvidence(card.verdict, items))
        return Finding(
            rule: card, matchedSelections: matched, evidence: selection.shown,
            evidenceOmitted: selection.omitted, firstEvidence: times.min(),
            lastEvidence: times.max(), missingCorroboration: absent, collect: absent.map(\.collectHint))
    }
}
