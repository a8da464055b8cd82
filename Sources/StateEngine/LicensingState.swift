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
public struct Transition: Hashable, Sendable, Codable {
    /// Which dimension.
    public var dimension: StateDimension
    /// The value before.
    public var from: String
    /// The value after.
    public var to: String
    /// When it happened (evidence time, or the timer's due time).
    public var at: Date
    /// Why (`registration.succeeded`, `timer: communication deadline …`).
    public var cause: String
    /// Whether a timer fired it (no event was seen).
    public var byTimer: Bool
    /// The evidence behind the cause (for a timer: the evidence that armed it).
    public var evidence: [SourcePointer]
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
