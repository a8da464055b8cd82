import Foundation

/// What a success (or failure) is a success of: the anchors the state engine's timers run from.
public enum KindRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// A registration or ID-certificate renewal: anchors registration renewal and expiry.
    case registration
    /// An authorization (communication) with CSSM or the satellite: anchors authorization renewal and expiry.
    case authorization
    /// A deregistration.
    case deregistration
}

/// Which clock an attempt is seen on, for the clock-skew matcher.
public enum AttemptClock: String, Hashable, Sendable, Codable {
    /// Written by the product (log lines, on the product's clock, in its zone).
    case log
    /// Seen on the wire (a capture, on the capturing host's clock, UTC).
    case capture
}

/// Where a kind sorts among events at one instant during replay: registration before the authorization it
/// enables, then other activity, then usage, then the snapshot that reports them.
public enum ReplayRank: Int, Hashable, Sendable, Codable, Comparable {
    case configuration = 0
    case lifecycle = 1
    case authorization = 2
    case activity = 3
    case usage = 4
    case snapshot = 5

    /// Orders ranks.
    public static func < (a: ReplayRank, b: ReplayRank) -> Bool { a.rawValue < b.rawValue }
}

/// The type of a field's value.
public enum FieldType: String, Hashable, Sendable, Codable {
    case string, integer, number, boolean, time, list

    /// Whether numeric comparisons (`gt`, `le`, …) make sense on it.
    public var isNumeric: Bool { self == .integer || self == .number }
}

/// One field a kind may carry: its type and, for closed sets, every value it can take.
public struct FieldSpec: Hashable, Sendable {
    /// The value's type.
    public var type: FieldType
    /// The closed set of values, or nil when the value is open (product text, hosts, counts).
    public var values: [String]?

    /// Creates a field specification.
    public init(_ type: FieldType = .string, values: [String]? = nil) {
        self.type = type
        self.values = values
    }

    /// An open string field.
    public static let text = FieldSpec()
}

/// The declared meaning of one event kind: its fields, whether it is an attempt toward Cisco, what it is a success
/// of, and where it sorts at one instant. The engine's expected activity, the clock-skew matcher, the replay order
/// and `rules lint` all read it from ``EventVocabulary/specs``; nothing else lists kinds by meaning.
public struct KindSpec: Hashable, Sendable {
    /// The kind.
    public var kind: EventKind
    /// Field name → specification (in addition to ``EventVocabulary/commonFields``).
    public var fields: [String: FieldSpec]
    /// Whether it is licensing activity toward Cisco (a request, a result, a failure, a message on the wire):
    /// renewals due while traces cover the time must show one.
    public var isAttempt: Bool
    /// The clock it is seen on, when the clock-skew matcher pairs it with attempts seen on the other clock.
    public var attemptClock: AttemptClock?
    /// What a success of this kind renews.
    public var succeeds: Set<KindRole>
    /// What a failure of this kind fails.
    public var fails: Set<KindRole>
    /// Where it sorts at one instant.
    public var rank: ReplayRank

    /// Creates a specification.
    public init(
        _ kind: EventKind, fields: [String: FieldSpec] = [:], isAttempt: Bool = false, attemptClock: AttemptClock? = nil,
        succeeds: Set<KindRole> = [], fails: Set<KindRole> = [], rank: ReplayRank = .activity
    ) {
        self.kind = kind
        self.fields = fields
        self.isAttempt = isAttempt
        self.attemptClock = attemptClock
        self.succeeds = succeeds
        self.fails = fails
        self.rank = rank
    }
}

extension EventKind {
    /// The kind's declared specification, or nil for a kind the vocabulary does not register.
    public var spec: KindSpec? { EventVocabulary.specs[self] }
}
