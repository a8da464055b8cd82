import Foundation
import LicensingModel

/// The result of running a rule set over one bundle's evidence.
public struct RuleEvaluation: Sendable {
    /// Rules that matched, most severe first, then by id.
    public var findings: [Finding]
    /// Rules whose required evidence is absent.
    public var notEvaluated: [NotEvaluated]
    /// Why each rule matched or not, by rule id.
    public var explanations: [String: RuleExplanation]

    /// The explanation for `id` (`analyze --explain ID`).
    public func explanation(for id: String) -> RuleExplanation? { explanations[id] }
}

/// Why one rule matched, did not, or was not evaluated: each selection's outcome and the condition's.
public struct RuleExplanation: Sendable, Hashable {
    /// The rule's outcome.
    public enum Outcome: Sendable, Hashable {
        case matched
        case notMatched
        /// Required evidence absent.
        case notEvaluated(missing: [EvidenceKind])
    }

    /// One selection's outcome.
    public struct SelectionOutcome: Sendable, Hashable {
        public var name: String
        /// What the selection looks for.
        public var looksFor: String
        public var matched: Bool
        public var hitCount: Int
        /// Why it matched or not (`3 communication.failed event(s), none matched: …`).
        public var detail: String
    }

    public var id: String
    public var rev: Int
    public var title: String
    public var outcome: Outcome
    public var condition: String
    /// Empty when the rule was not evaluated.
    public var selections: [SelectionOutcome]

    /// A plain-text explanation, the form `analyze --explain ID` prints.
    public var text: String {
        var lines = ["rule \(id) rev \(rev): \(title)"]
        switch outcome {
        case .matched: lines.append("outcome: MATCHED")
        case .notMatched: lines.append("outcome: not matched")
        case .notEvaluated(let missing):
            lines.append("outcome: not evaluated — the evidence lacks \(missing.map(\.rawValue).joined(separator: ", "))")
            for kind in missing { lines.append("  collect: \(kind.collectHint)") }
        }
        lines.append("condition: \(condition)")
        for s in selections {
            lines.append("  [\(s.matched ? "x" : " ")] \(s.name): \(s.looksFor)")
            lines.append("      \(s.detail)")
        }
        if outcome == .notMatched {
            let failed = selections.filter { !$0.matched }.map(\.name)
            if failed.isEmpty {
                lines.append("every selection matched, but their order, window or count did not satisfy the condition")
            } else {
                lines.append("failed selection(s): \(failed.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
