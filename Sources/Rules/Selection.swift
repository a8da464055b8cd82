import Foundation
import LicensingModel

/// A selection with the name the condition refers to it by.
public struct NamedSelection: Sendable, Hashable {
    /// The name used in `condition`.
    public var name: String
    /// What the selection looks at.
    public var selection: Selection
    /// An optional sentence that explanations print.
    public var description: String?
    /// Where the selection is declared.
    public var position: RulePosition
}

/// What one selection looks at.
public enum Selection: Sendable, Hashable {
    /// Events of some kinds whose fields satisfy every predicate.
    case events(EventSelection)
    /// A state dimension holding some value (at any time, or at the end of the evidence).
    case state(StateSelection)
    /// Two usage rows of one output: a lower tier matching one set of predicates while a higher tier matches another.
    case entitlements(EntitlementSelection)
}

/// `event: [kinds]` + `where: {field: predicate}`.
public struct EventSelection: Sendable, Hashable {
    /// Any of these kinds.
    public var kinds: [EventKind]
    /// All of these must hold.
    public var predicates: [FieldPredicate]
}

/// `state: dimension` + `value: [values]` + `at: any|end`.
public struct StateSelection: Sendable, Hashable {
    /// When the state must hold.
    public enum Moment: String, Sendable, Hashable, CaseIterable {
        /// At any time covered by the evidence.
        case any
        /// At the end of the evidence (the last interval, or the one covering `evidenceEnd`).
        case end
    }
    public var dimension: StateDimension
    /// The values selected, typed (they print as `AUTHORIZATION EXPIRED`, `proxy`).
    public var values: [StateValue]
    public var at: Moment

    /// The raw values a dimension may take (the closed set ``StateValue`` declares).
    public static func allowedValues(for dimension: StateDimension) -> [String] { StateValue.allowed(for: dimension) }
}

/// `entitlements: {lower: {…}, higher: {…}}` over `entitlement.usage` rows of the same output, with tier order
/// CUWL > EnhancedPlus > Enhanced > Basic > Essential (``LicenseTier/rank``; TelePresence Room is outside the chain).
public struct EntitlementSelection: Sendable, Hashable {
    /// Predicates on the lower-tier row.
    public var lower: [FieldPredicate]
    /// Predicates on a row of a strictly higher tier in the chain.
    public var higher: [FieldPredicate]
}
