import Foundation
import LicensingModel

extension LicensingEngine {
    /// The kinds ``handle(_:at:)`` acts on; an event of any other kind only moves evidence time (a replay need not
    /// give the engine every repeat of a folded one, ``EngineSequence``). Kept next to the switch it describes.
    static let actsOn: Set<EventKind> = [
        .evaluationStarted, .evaluationExpired, .registrationSucceeded, .registrationRenewSucceeded,
        .deregistrationSucceeded, .registrationExpired, .authorizationRenewSucceeded, .complianceIn, .alertRaised,
        .complianceOut, .authorizationExpired, .transportConfigured, .entitlementUsage, .clockChanged, .statusSnapshot,
    ]

    /// The effect of one event on the state.
    mutating func handle(_ event: Event, at: Date) {
        let ev = [event.source]
        let cause = event.kind.rawValue
        switch event.kind {
        case .evaluationStarted:
            // The evaluation counter survives resets: a start is only taken when no earlier period is known.
            if state.evaluationStart == nil, state.evaluationExpiresAt == nil, state.evaluationRemainingAtRegistration == nil {
                state.evaluationStart = at
                anchorEvidence["evaluation"] = ev
            }
            if state.registration != .registered {
                set(.authorization(.evaluation), at: at, cause: cause, evidence: ev, byTimer: false)
            }
        case .evaluationExpired:
            state.evaluationExpiresAt = at
            state.evaluationExpiredAt = at
            if state.registration != .registered {
                set(.authorization(.evaluationExpired), at: at, cause: cause, evidence: ev, byTimer: false)
                set(.enforcement(.noProvisioning), at: at, cause: cause, evidence: ev, byTimer: false)
            }
        case .registrationSucceeded, .registrationRenewSucceeded:
            if event.kind == .registrationRenewSucceeded, !established.contains(.registration) {
                // A renewal of a registration the evidence does not reach back to: registered since an unknown time.
                backfill(.registration(.registered), cause: "inferred from \(cause) (a renewal needs a registration)", evidence: ev)
            } else if event.kind == .registrationRenewSucceeded, state.registration == .unregistered {
                note(EngineAnomaly(name: .inconsistentEvent,
                    detail: "registration renewal succeeded while no registration was seen: the registration is missing from the evidence",
                    at: at, evidence: ev))
            }
            if state.registration != .registered { pauseEvaluation(at: at) }
            state.lastRegistrationSuccess = at
            state.printedRegistrationExpiry = nil
            inferredAnchors[.registration] = nil
            anchorEvidence["registration"] = ev
            set(.registration(.registered), at: at, cause: cause, evidence: ev, byTimer: false)
            if state.enforcement == .noProvisioning, state.authorization == .evaluationExpired {
                clearEnforcement(at: at, cause: "\(cause) (provisioning allowed again once registered)", evidence: ev)
            }
        case .deregistrationSucceeded, .registrationExpired:
            let to: RegistrationState = event.kind == .registrationExpired ? .registrationExpired : .unregistered
            registrationEnded(to, at: at, cause: cause, evidence: ev, byTimer: false)
        case .authorizationRenewSucceeded, .complianceIn:
            authorizationSucceeded(event, at: at)
        case .alertRaised:
            // RTMT's SmartLicenseInOverage_OutOfCompliance / ProductOutOfCompliance is the product saying the
            // overage began: the earliest evidence of it dates the 90-day period, not a later output that repeats it.
            guard let alert = event.fields["alert"]?.text, Self.outOfComplianceAlerts.contains(alert),
                state.registration == .registered else { break }
            set(.authorization(.outOfCompliance), at: at, cause: "\(cause) \(alert)", evidence: ev, byTimer: false)
            enterOverage(at: at, reason: .outOfCompliance, cause: "\(cause) \(alert)", evidence: ev, byTimer: false)
        case .complianceOut:
            if state.registration == .registered {
                set(.authorization(.outOfCompliance), at: at, cause: cause, evidence: ev, byTimer: false)
                enterOverage(at: at, reason: .outOfCompliance, cause: cause, evidence: ev, byTimer: false)
            }
        case .authorizationExpired:
            guard state.registration != .unregistered else {
                note(EngineAnomaly(name: .inconsistentEvent,
                    detail: "authorization expired while not registered: the registration is missing from the evidence",
                    at: at, evidence: ev))
                return
            }
            set(.authorization(.authorizationExpired), at: at, cause: cause, evidence: ev, byTimer: false)
            enterOverage(at: at, reason: .authorizationExpired, cause: cause, evidence: ev, byTimer: false)
        case .transportConfigured:
            if let mode = event.fields["mode"].flatMap({ TransportMode(rawValue: $0.text) ?? TransportMode(cliText: $0.text) }) {
                set(.transport(mode), at: at, cause: cause, evidence: ev, byTimer: false)
            }
        case .entitlementUsage:
            recordUsage(event)
        case .clockChanged:
            note(EngineAnomaly(name: .clockChanged,
                detail: "the product's clock was changed; timers computed across this point may be off",
                at: at, evidence: ev))
        case .statusSnapshot:
            if let s = event.snapshot { adopt(s, at: at, source: event.source, timed: event.time != nil) }
        default:
            break
        }
    }

    private mutating func authorizationSucceeded(_ event: Event, at: Date) {
        let ev = [event.source]
        // An authorization needs a registration. When no evidence spoke of the registration, it is taken to have
        // held since an unknown time; when evidence said it was not registered, that contradiction is noted. Either
        // way no registration date is invented: registration renewal and expiry stay unknown.
        if state.registration != .registered,
            !backfill(.registration(.registered),
                cause: "inferred from \(event.kind.rawValue) (an authorization needs a registration)", evidence: ev)
        {
            note(EngineAnomaly(name: .inconsistentEvent,
                detail: "authorization succeeded while not registered: the registration is missing from the evidence; registration inferred",
                at: at, evidence: ev))
            set(.registration(.registered), at: at,
                cause: "inferred from \(event.kind.rawValue)", evidence: ev, byTimer: false)
        }
        state.lastAuthorizationSuccess = at
        state.printedCommunicationDeadline = nil
        inferredAnchors[.authorization] = nil
        anchorEvidence["authorization"] = ev
        let reported = event.fields["status"].flatMap { AuthorizationState(cliText: $0.text) }
        if reported == .outOfCompliance || (event.kind != .complianceIn && state.authorization == .outOfCompliance && reported == nil) {
            set(.authorization(.outOfCompliance), at: at, cause: event.kind.rawValue, evidence: ev, byTimer: false)
            if state.enforcement == .overage, state.overageReason == .authorizationExpired {
                state.overageReason = .outOfCompliance
            }
            enterOverage(at: at, reason: .outOfCompliance, cause: event.kind.rawValue, evidence: ev, byTimer: false)
        } else {
            set(.authorization(.authorized), at: at, cause: event.kind.rawValue, evidence: ev, byTimer: false)
            if state.enforcement != .none {
                clearEnforcement(at: at, cause: "\(event.kind.rawValue) (compliant again)", evidence: ev)
            }
        }
    }

    /// RTMT alerts whose raising means the product entered the out-of-compliance overage (RTMT-125SU4 [V]).
    static let outOfComplianceAlerts: Set<String> = ["SmartLicenseInOverage_OutOfCompliance", "ProductOutOfCompliance"]

    private mutating func recordUsage(_ event: Event) {
        guard let tag = event.fields["tag"]?.text else { return }
        let count = event.fields["count"].flatMap { $0.number }.flatMap { Int(exactly: $0.rounded()) }
        state.recordUsage(EntitlementUsage(
            tag: tag, displayName: event.fields["display_name"]?.text, count: count, status: event.fields["status"]?.text ?? ""))
    }

    /// Registration pauses the evaluation clock: what is left is kept for a later deregistration.
    private mutating func pauseEvaluation(at: Date) {
        let end = state.evaluationExpiresAt ?? state.evaluationStart.map { $0 + timers.evaluation }
        guard let end else { return }
        state.evaluationRemainingAtRegistration = max(0, end.timeIntervalSince(at))
        state.evaluationStart = nil
        state.evaluationExpiresAt = nil
    }
}
