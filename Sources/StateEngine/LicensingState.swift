import Foundation
import LicensingModel

/// What the engine believes about the product at one instant: the three state dimensions, the transport,
/// and the anchors every timer is computed from.
public struct LicensingState: Hashable, Sendable, Codable {
    /// Registration status.
    public var registration: RegistrationState = .unregistered
    /// Authorization status.
    public var authorization: AuthorizationState = .noLicensesInUse
    /// CUCM enforcement.
    public var enforcement: EnforcementState = .none
    /// How the product reaches Cisco, when known.
    public var transport: TransportMode?
    /// When the evaluation period started, when known.
    public var evaluationStart: Date?
    /// When the evaluation period ends, when printed or derived (start + 90 days).
    public var evaluationExpiresAt: Date?
    /// When the evaluation period ran out, once it has (history: kept after a registration).
    public var evaluationExpiredAt: Date?
    /// What was left of the evaluation period when the product registered: the period counts unregistered use only,
    /// so it is paused while registered and resumes from here after a deregistration.
    public var evaluationRemainingAtRegistration: TimeInterval?
    /// The last successful registration or ID-certificate renewal.
    public var lastRegistrationSuccess: Date?
    /// A registration expiry the product printed (CSSM-issued), adopted when it agrees with the derived one.
    public var printedRegistrationExpiry: Date?
    /// The last successful authorization (communication) with CSSM or the satellite.
    public var lastAuthorizationSuccess: Date?
    /// A communication deadline the product printed (CSSM-issued), adopted when it agrees with the derived one.
    public var printedCommunicationDeadline: Date?
    /// When the current overage period began.
    public var overageStart: Date?
    /// Why the product is in overage (`OUT OF COMPLIANCE`, `AUTHORIZATION EXPIRED`).
    public var overageReason: AuthorizationState?
    /// The last reported license usage.
    public var entitlements: [EntitlementUsage] = []

    /// The initial state: unregistered, nothing in use.
    public init() {}

    /// Whether the state pair is possible. AUTHORIZED, OUT OF COMPLIANCE and AUTHORIZATION EXPIRED need a
    /// registration (current or expired); evaluation states need none.
    public var isConsistent: Bool {
        switch authorization {
        case .authorized, .outOfCompliance: return registration == .registered
        case .authorizationExpired: return registration != .unregistered
        case .noLicensesInUse, .evaluation, .evaluationExpired: return true
        }
    }

    /// Sets one dimension.
    public mutating func set(_ value: StateValue) {
        switch value {
        case .registration(let v): registration = v
        case .authorization(let v): authorization = v
        case .enforcement(let v): enforcement = v
        case .transport(let v): transport = v
        }
    }

    /// The value of one dimension, typed.
    public func typedValue(of dimension: StateDimension) -> StateValue {
        switch dimension {
        case .registration: return .registration(registration)
        case .authorization: return .authorization(authorization)
        case .enforcement: return .enforcement(enforcement)
        case .transport: return .transport(transport)
        }
    }

    /// Records a usage row, replacing an earlier one for the same tag.
    public mutating func recordUsage(_ usage: EntitlementUsage) {
        if let i = entitlements.firstIndex(where: { $0.tag == usage.tag }) { entitlements[i] = usage }
        else { entitlements.append(usage) }
    }

    /// The value of one dimension, as the raw value reports and rules use.
    public func value(of dimension: StateDimension) -> String { typedValue(of: dimension).rawValue }
}

/// Why an initial value is believed: the output that reported it, with no earlier evidence about that dimension.
public struct InitialSource: Hashable, Sendable, Codable {
    /// Why.
    public var cause: String
    /// The evidence behind it.
    public var evidence: [SourcePointer]
}

/// A change of one state dimension, with its cause and evidence.
public struct Transition: Hashable, Sendable {
    /// The value before, typed.
    public var fromState: StateValue
    /// The value after, typed (same dimension).
    public var toState: StateValue
    /// When it happened (evidence time, or the timer's due time).
    public var at: Date
    /// Why (`registration.succeeded`, `timer: communication deadline …`).
    public var cause: String
    /// Whether a timer fired it (no event was seen).
    public var byTimer: Bool
    /// The evidence behind the cause (for a timer: the evidence that armed it).
    public var evidence: [SourcePointer]

    /// Which dimension.
    public var dimension: StateDimension { toState.dimension }
    /// The value before, as reports and JSON spell it.
    public var from: String { fromState.rawValue }
    /// The value after, as reports and JSON spell it.
    public var to: String { toState.rawValue }

    /// Creates a transition between two values of one dimension.
    public init(from: StateValue, to: StateValue, at: Date, cause: String, byTimer: Bool, evidence: [SourcePointer]) {
        self.fromState = from
        self.toState = to
        self.at = at
        self.cause = cause
        self.byTimer = byTimer
        self.evidence = evidence
    }

    /// Creates a transition from value strings; nil when either is not a value of `dimension`.
    public init?(
        dimension: StateDimension, from: String, to: String, at: Date, cause: String, byTimer: Bool,
        evidence: [SourcePointer]
    ) {
        guard let f = StateValue(dimension, rawValue: from), let t = StateValue(dimension, rawValue: to) else { return nil }
        self.init(from: f, to: t, at: at, cause: cause, byTimer: byTimer, evidence: evidence)
    }
}

extension Transition: Codable {
    private enum CodingKeys: String, CodingKey { case dimension, from, to, at, cause, byTimer, evidence }

    /// Reads the `dimension` / `from` / `to` strings of earlier output.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fromState = try StateValue.decode(from: c, dimension: .dimension, value: .from)
        toState = try StateValue.decode(from: c, dimension: .dimension, value: .to)
        at = try c.decode(Date.self, forKey: .at)
        cause = try c.decode(String.self, forKey: .cause)
        byTimer = try c.decode(Bool.self, forKey: .byTimer)
        evidence = try c.decode([SourcePointer].self, forKey: .evidence)
    }

    /// Writes the values as their strings, exactly as before the values were typed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(at, forKey: .at)
        try c.encode(cause, forKey: .cause)
        try c.encode(byTimer, forKey: .byTimer)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Something in the evidence that does not fit the model: missing evidence or a product bug.
public struct EngineAnomaly: Hashable, Sendable, Codable {
    /// Registered name (``AnomalyName``: `snapshot_disagrees`, `expected_activity_missing`, …).
    public var name: AnomalyName
    /// What was seen, in one sentence.
    public var detail: String
    /// When it happened.
    public var at: Date?
    /// The evidence behind it.
    public var evidence: [SourcePointer]
    /// For snapshot checks: which printed field, what it printed, what the engine derived.
    public var field: String?
    /// What the product printed.
    public var printed: Date?
    public var derived: Date?
    /// For missing activity: when it was due.
    public var expectedAt: Date?

    /// Creates an anomaly.
    public init(
        name: AnomalyName, detail: String, at: Date?, evidence: [SourcePointer], field: String? = nil, printed: Date? = nil,
        derived: Date? = nil, expectedAt: Date? = nil
    ) {
        self.name = name
        self.detail = detail
        self.at = at
        self.evidence = evidence
        self.field = field
        self.printed = printed
        self.derived = derived
        self.expectedAt = expectedAt
    }
}
