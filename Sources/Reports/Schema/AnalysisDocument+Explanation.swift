import Foundation
import LicensingModel
import Rules

extension AnalysisDocument {
    /// `--explain RULE` in the JSON document: the rule's outcome, its condition, and each selection's outcome.
    public struct Explanation: Sendable, Codable, Hashable {
        /// One selection's outcome.
        public struct Selection: Sendable, Codable, Hashable {
            public var name: String
            /// What the selection looks for.
            public var looksFor: String
            public var matched: Bool
            public var hitCount: Int
            /// Why it matched or not.
            public var detail: String
        }
        public var id: String
        public var rev: Int
        public var title: String
        /// `matched`, `not_matched` or `not_evaluated`.
        public var outcome: String
        /// The evidence kinds a not-evaluated rule lacks (empty otherwise).
        public var missing: [String]
        public var condition: String
        public var selections: [Selection]
        /// The same explanation as the text report prints it.
        public var text: String

        /// Maps a rule's explanation.
        public init(_ e: RuleExplanation) {
            id = e.id
            rev = e.rev
            title = e.title
            switch e.outcome {
            case .matched: (outcome, missing) = ("matched", [])
            case .notMatched: (outcome, missing) = ("not_matched", [])
            case .notEvaluated(let kinds): (outcome, missing) = ("not_evaluated", kinds.map(\.rawValue))
            }
            condition = e.condition
            selections = e.selections.map {
                Selection(name: $0.name, looksFor: $0.looksFor, matched: $0.matched, hitCount: $0.hitCount, detail: $0.detail)
            }
            text = e.text
        }
    }
}
