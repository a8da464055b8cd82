import Foundation
import LicensingModel

/// The timers the engine arms from evidence. Each fires at most once per arming: firing changes the state that
/// armed it, and only new evidence (a success) re-arms it.
public enum TimerKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Evaluation period ends (90 days of unregistered use).
    case evaluationExpiry = "evaluation expiry"
    /// Authorization expires (communication deadline, 90 days after the last successful authorization).
    case authorizationExpiry = "authorization expiry"
    /// CUCM overage ends (90 days) and provisioning stops.
    case overageEnd = "overage end"
    /// Registration (ID certificate) expires, 1 year after the last successful registration or renewal.
    case registrationExpiry = "registration expiry"

    /// The sentence a transition caused by this timer carries.
    public var causeText: String {
        switch self {
        case .evaluationExpiry: return "timer: evaluation period ended (90 days of unregistered use)"
        case .authorizationExpiry:
            return "timer: communication deadline passed (90 days after the last successful authorization)"
        case .overageEnd: return "timer: 90-day overage period ended"
        case .registrationExpiry:
            return "timer: registration expired (1 year after the last successful registration or renewal)"
        }
    }
}

/// A timer the current state arms, and when it is due.
public struct ArmedTimer: Hashable, Sendable {
    /// The timer.
    public var kind: TimerKind
    /// When it is due.
    public var due: Date
    /// What it was computed from (`last successful authorization Jan 26 … + 90 days`).
    public var basis: String
    /// The evidence behind it.
    public var evidence: [SourcePointer]
}

/// A deadline ahead of the evidence: a timer or expected activity.
public struct Deadline: Hashable, Sendable, Codable {
    /// `next_authorization_renewal`, `communication_deadline`, `overage_end`, `registration_renewal`,
    /// `registration_expiry`, `evaluation_expiry`.
    public var name: String
    /// When it is due.
    public var due: Date
    /// What it was computed from.
    public var basis: String
    /// What happens then if nothing succeeds before (`AUTHORIZATION EXPIRED`, `NO PROVISIONING`), or nil for
    /// expected activity.
    public var consequence: String?
    /// The evidence behind it.
    public var evidence: [SourcePointer]
}
