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
        hits = [:]  // what the condition did not keep is freed before the finding's evidence is gathered
        let refs = HitRefs(outcome.hits, items: matcher.items, index: index)
        let finding = makeFinding(rule, refs: refs, matched: matched, index: index)
        return Result(finding: finding, notEvaluated: nil, explanation: explanation)
    }

    /// `items` without repeats (first occurrences kept), ordered by time, then source, stably. Equal items share
    /// their time and source, so they are dropped within each run of items that tie in that order: no set of every
    /// item is held (a busy trace's selections hit hundreds of thousands of events).
    static func timeOrderedDistinct(_ items: [PendingEvidence]) -> [PendingEvidence] {
        var out: [PendingEvidence] = []
        out.reserveCapacity(items.count)
        forEachDistinct(count: items.count, time: { items[$0].time }, source: { items[$0].source }, item: { items[$0] }) {
            out.append($1 ?? items[$0])
        }
        return out
    }

    /// What ``timeOrderedDistinct(_:)`` yields, item by item, for `count` items given by position, without holding
    /// them. `body` gets the item's position and the item when it was made: an item is made (`item`) only to
    /// compare it with another that ties with it in time and source (a busy trace's hits are hundreds of thousands,
    /// and most tie with none); otherwise `body` gets nil and makes it only if it needs it.
    static func forEachDistinct(
        count: Int, time: (Int) -> Date?, source: (Int) -> SourcePointer?, item: (Int) -> PendingEvidence,
        _ body: (Int, PendingEvidence?) -> Void
    ) {
        // nil when `a` and `b` tie in time and source.
        func before(_ a: Int, _ b: Int) -> Bool? {
            switch (time(a), time(b)) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (sa, sb) = (source(a)?.description ?? "", source(b)?.description ?? "")
                return sa == sb ? nil : sa < sb
            }
        }
        let order = (0..<count).sorted { before($0, $1) ?? ($0 < $1) }
        // The distinct items of the current run of ties: their positions, and each item once it has been made.
        var run: [(position: Int, made: PendingEvidence?)] = []
        for i in order {
            if let first = run.first?.position, before(first, i) != nil { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else {
                run.append((i, nil))
                body(i, nil)
                continue
            }
            let made = item(i)
            var repeated = false
            for r in run.indices {
                if run[r].made == nil { run[r].made = item(run[r].position) }
                if run[r].made == made {
                    repeated = true
                    break
                }
            }
            if repeated { continue }
            run.append((i, made))
            body(i, made)
        }
    }

    private static func makeFinding(
        _ rule: Rule, refs: HitRefs, matched: [String], index: EvidenceIndex
    ) -> Finding {
        let present = index.evidence.present
        var groups = EvidenceSelection.Grouper()
        var first: Date?, last: Date?
        var total = 0
        // For each placeholder of the verdict, the first item that has the field: filling from them gives what
        // filling from all items would.
        let placeholders = VerdictTemplate.placeholders(in: rule.card.verdict)
        var forTemplate: [String: (Int, PendingEvidence)] = [:]
        forEachDistinct(
            count: refs.count, time: refs.time, source: refs.source, item: refs.item
        ) { position, made in
            let make = { made ?? refs.item(position) }
            total += 1
            let time = refs.time(position)
            if let t = time {
                first = min(first ?? t, t)
                last = max(last ?? t, t)
            }
            groups.add(time: time, event: refs.event(position), hasFields: refs.hasFields(position), make)
            for name in placeholders where forTemplate[name] == nil && !(refs.field(name, of: position)?.text.isEmpty ?? true) {
                forTemplate[name] = (position, make())
            }
        }
        let selection = EvidenceSelection.select(
            groups.groups, total: total, limit: Finding.evidenceLimit, sourceText: index.sourceText(at:))
        let absent = rule.corroboratedBy.filter { !present.contains($0) }
        var card = rule.card
        if let lower = rule.lowerSeverity { card.severity = lower.severity(for: matched, otherwise: card.severity) }
        let template = Dictionary(forTemplate.values.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        card.verdict = VerdictTemplate.fill(card.verdict, from: template.keys.sorted().compactMap { template[$0]?.build() })
        return Finding(
            rule: card, matchedSelections: matched, evidence: selection.shown,
            evidenceOmitted: selection.omitted, firstEvidence: first,
            lastEvidence: last, missingCorroboration: absent, collect: absent.map(\.collectHint))
    }
}
