import Foundation
import LicensingModel

/// One printed timer of a `show license …` output next to the one the engine derives.
public struct TimerComparison: Hashable, Sendable, Codable {
    /// How the comparison came out.
    public enum Verdict: String, Hashable, Sendable, Codable {
        /// Within tolerance.
        case agree
        /// Outside tolerance: missing evidence or a product bug.
        case disagree
        /// The product's value is taken as observed: the engine has no fixed rule for it (retry after a failure).
        case observed
        /// Not printed, or no anchor to derive from.
        case notDerivable = "not_derivable"
        /// The printed value is what placed the anchor it would be derived from (the evidence does not reach back
        /// to the success it implies): an inference from the printed value, not a check of it.
        case derivedFromPrinted = "derived_from_printed"
    }

    /// Stable name: `next_renewal_attempt`, `registration_expires`, `next_communication_attempt`,
    /// `communication_deadline`, `evaluation_expired`.
    public var name: String
    /// The label the product prints (`Next Renewal Attempt`).
    public var label: String
    /// What the product printed.
    public var printed: EventTime?
    /// What the engine derives.
    public var derived: Date?
    /// How it was derived (`last successful registration 2018-01-26T09:41:23Z + 180 days`).
    public var basis: String
    public var verdict: Verdict
    /// printed − derived, in seconds.
    public var differenceSeconds: Int?
    /// The tolerance applied.
    public var toleranceSeconds: Int
    /// The line it was printed on.
    public var source: SourcePointer?
}

/// The result of checking one snapshot against the replayed state at its time.
public struct SnapshotCheck: Hashable, Sendable, Codable {
    /// The snapshot's `status.snapshot` event source.
    public var source: SourcePointer
    /// When the snapshot was placed on the timeline.
    public var observedAt: Date
    /// Printed states (`registration`, `authorization`) next to the replayed ones before the snapshot was adopted.
    public var stateComparisons: [StateComparison]
    public var timers: [TimerComparison]
}

/// A printed state next to the replayed one.
public struct StateComparison: Hashable, Sendable {
    /// What the product printed, typed.
    public var printedState: StateValue
    /// What the replay reached, typed (same dimension).
    public var replayedState: StateValue

    /// Which dimension.
    public var dimension: StateDimension { printedState.dimension }
    /// What the product printed, as reports and JSON spell it.
    public var printed: String { printedState.rawValue }
    /// What the replay reached, as reports and JSON spell it.
    public var replayed: String { replayedState.rawValue }
    /// Whether the two agree.
    public var agrees: Bool { printedState == replayedState }

    /// Creates a comparison.
    public init(printed: StateValue, replayed: StateValue) {
        self.printedState = printed
        self.replayedState = replayed
    }

    /// Creates a comparison from value strings; nil when either is not a value of `dimension`.
    public init?(dimension: StateDimension, printed: String, replayed: String) {
        guard let p = StateValue(dimension, rawValue: printed), let r = StateValue(dimension, rawValue: replayed) else {
            return nil
        }
        self.init(printed: p, replayed: r)
    }
}

extension StateComparison: Codable {
    private enum CodingKeys: String, CodingKey { case dimension, printed, replayed }

    /// Reads the strings of earlier output.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        printedState = try StateValue.decode(from: c, dimension: .dimension, value: .printed)
        replayedState = try StateValue.decode(from: c, dimension: .dimension, value: .replayed)
    }

    /// Writes the values as their strings, as before they were typed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(printed, forKey: .printed)
        try c.encode(replayed, forKey: .replayed)
    }
}

extension TimerComparison {
    /// Compares a printed time with a derived one.
    static func compare(
        name: String, label: String, printed: EventTime?, derived: Date?, basis: String, tolerance: TimeInterval,
        source: SourcePointer?
    ) -> TimerComparison {
        var c = TimerComparison(
            name: name, label: label, printed: printed, derived: derived, basis: basis, verdict: .notDerivable,
            differenceSeconds: nil, toleranceSeconds: Int(tolerance), source: source)
        guard let printed, let derived else { return c }
        let diff = printed.instant.timeIntervalSince(derived)
        c.differenceSeconds = Int(saturating: diff.rounded())
        c.verdict = abs(diff) <= tolerance ? .agree : .disagree
        return c
    }

    /// Marks a comparison whose derived value comes from an anchor this very printed value placed.
    func anchored(by anchor: PrintedAnchor?) -> TimerComparison {
        guard let anchor, anchor.printed == printed?.instant else { return self }
        var c = self
        c.verdict = .derivedFromPrinted
        c.basis = "derived from printed: \(anchor.basis)"
        return c
    }

    /// A printed value the engine takes as observed.
    static func observed(name: String, label: String, printed: EventTime?, basis: String, source: SourcePointer?)
        -> TimerComparison
    {
        TimerComparison(
            name: name, label: label, printed: printed, derived: nil, basis: basis,
            verdict: printed == nil ? .notDerivable : .observed, differenceSeconds: nil, toleranceSeconds: 0,
            source: source)
    }
}
