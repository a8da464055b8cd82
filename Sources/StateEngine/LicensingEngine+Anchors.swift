import Foundation
import LicensingModel

extension LicensingEngine {
    /// Applies an instant a `show license …` output prints (see ``PrintedAnchor``) at that instant. Timers due
    /// strictly before it fire first; a timer due at the same instant yields to the printed statement.
    /// - Returns: the transitions it caused.
    @discardableResult
    public mutating func apply(_ anchor: PrintedAnchor) -> [Transition] {
        let before = transitions.count
        var at = anchor.at
        if let now, at < now { at = now }
        advance(before: at)
        anchors.append(anchor)
        let ev = [anchor.source]
        switch anchor.kind {
        case .lastRegistration:
            backfillRegistration(anchor)
            if state.registration == .registered {
                state.lastRegistrationSuccess = at
                state.printedRegistrationExpiry = anchor.arms
                anchorEvidence["registration"] = ev
                inferredAnchors[.registration] = anchor
            }
        case .lastAuthorization:
            backfillRegistration(anchor)
            state.lastAuthorizationSuccess = at
            state.printedCommunicationDeadline = anchor.arms
            anchorEvidence["authorization"] = ev
            inferredAnchors[.authorization] = anchor
            if state.authorization != .outOfCompliance {
                set(.authorization(.authorized), at: at, cause: anchor.cause, evidence: ev, byTimer: false)
            }
        case .authorizationSince:
            guard let value = anchor.value.flatMap(AuthorizationState.init(rawValue:)) else { break }
            if value != .evaluationExpired { backfillRegistration(anchor) }
            switch value {
            case .authorizationExpired, .outOfCompliance:
                guard state.registration != .unregistered else { break }
                set(.authorization(value), at: at, cause: anchor.cause, evidence: ev, byTimer: false)
                enterOverage(at: at, reason: value, cause: anchor.cause, evidence: ev, byTimer: false)
            case .evaluationExpired:
                state.evaluationExpiredAt = at
                state.evaluationExpiresAt = at
                if state.registration != .registered {
                    set(.authorization(value), at: at, cause: anchor.cause, evidence: ev, byTimer: false)
                    set(.enforcement(.noProvisioning), at: at, cause: anchor.cause, evidence: ev, byTimer: false)
                }
            default: break
            }
        case .registrationExpiredSince:
            backfillRegistration(anchor)
            if state.registration == .registered {
                registrationEnded(.registrationExpired, at: at, cause: anchor.cause, evidence: ev, byTimer: false)
            }
        }
        return Array(transitions[before...])
    }

    /// An anchor needs a registration: when nothing earlier established one, the registration the output prints
    /// (or, for an expired one, the registration that expired) is taken to have held, since an unknown time.
    private mutating func backfillRegistration(_ anchor: PrintedAnchor) {
        guard !established.contains(.registration) else { return }
        let printed = anchor.printedRegistration
        guard printed == .registered || printed == .registrationExpired else { return }
        let why = printed == .registered
            ? "reported REGISTERED by the same output, and needed from \(anchor.at.iso8601UTC) on by"
            : "inferred: the registration the same output reports as expired was in force at \(anchor.at.iso8601UTC), needed by"
        backfill(.registration(.registered), cause: "\(why) \(anchor.cause)", evidence: [anchor.source])
    }

    /// Takes `value` as held since before the evidence, since an unknown time, when nothing established its
    /// dimension yet.
    /// - Returns: whether it was taken.
    @discardableResult
    mutating func backfill(_ value: StateValue, cause: String, evidence: [SourcePointer]) -> Bool {
        let dimension = value.dimension
        guard !established.contains(dimension) else { return false }
        established.insert(dimension)
        state.set(value)
        initialState.set(value)
        initialSources[dimension] = InitialSource(cause: cause, evidence: evidence)
        return true
    }
}
