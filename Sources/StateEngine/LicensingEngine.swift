import Foundation
import LicensingModel

/// The deterministic Smart Licensing state machine: events and the passage of evidence time in, transitions and
/// anomalies out. Timeline replay, `licscope status` and runway projections all run on this one engine.
///
/// The engine never reads the wall clock: time only moves when ``advance(to:)`` is called or an event carries a
/// time, and it never moves backwards.
public struct LicensingEngine: Sendable {
    /// The timers in force.
    public let timers: LicensingTimers
    /// The current belief.
    public internal(set) var state: LicensingState
    /// Evidence time reached so far.
    public private(set) var now: Date?
    /// Where each anchor in `state` came from, for evidence on timer transitions.
    var anchorEvidence: [String: [SourcePointer]] = [:]
    /// Everything that changed, in order.
    public internal(set) var transitions: [Transition] = []
    /// The state taken to hold at the first evidence: the defaults, except dimensions first reported by a
    /// `show license` output with no earlier evidence about them, which are taken to have held since then.
    public internal(set) var initialState: LicensingState
    /// Why each back-filled initial value is believed (the output that reported it).
    public internal(set) var initialSources: [StateDimension: InitialSource] = [:]
    /// Dimensions some evidence has set or reported.
    var established: Set<StateDimension> = []
    /// Every snapshot checked against the replayed state, in order.
    public internal(set) var snapshotChecks: [SnapshotCheck] = []
    /// Everything that did not fit.
    public internal(set) var anomalies: [EngineAnomaly] = []

    /// The instant untimed evidence is placed at before any timed evidence is seen (the first evidence time).
    public let origin: Date

    /// An engine in the initial state.
    /// - Parameters:
    ///   - timers: the timers in force.
    ///   - initial: the state before the first evidence.
    ///   - origin: where untimed evidence goes while no time has been seen (a replay passes its first evidence time).
    public init(
        timers: LicensingTimers = .cucm, initial: LicensingState = LicensingState(),
        origin: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.timers = timers
        self.state = initial
        self.initialState = initial
        self.origin = origin
    }

    /// Moves evidence time forward to `instant`, firing every timer due on the way, earliest first.
    /// - Returns: the transitions the timers caused.
    @discardableResult
    public mutating func advance(to instant: Date) -> [Transition] {
        let before = transitions.count
        if let now, instant < now { return [] }
        while let next = armedTimers().filter({ $0.due <= instant }).min(by: { $0.due < $1.due }) {
            // Time moves with each firing, so a timer armed by an earlier firing never fires before it.
            now = fire(next)
        }
        now = instant
        return Array(transitions[before...])
    }

    /// Applies one event at its time (after advancing to it). Untimed events apply at the current time.
    /// - Returns: the transitions it caused (timer-driven ones first).
    @discardableResult
    public mutating func apply(_ event: Event) -> [Transition] {
        let before = transitions.count
        var at = event.time?.instant ?? now ?? origin
        if let now, at < now {
            anomalies.append(
                EngineAnomaly(
                    name: "out_of_order", detail: "\(event.kind) at \(at.iso8601UTC) arrived after \(now.iso8601UTC)",
                    at: at, evidence: [event.source]))
            at = now
        }
        advance(to: at)
        handle(event, at: at)
        return Array(transitions[before...])
    }

    /// The timers the current state arms.
    public func armedTimers() -> [ArmedTimer] {
        var out: [ArmedTimer] = []
        let noCommunicationExpected = state.transport == .slr
        if state.registration != .registered, state.authorization == .evaluation {
            if let due = state.evaluationExpiresAt ?? state.evaluationStart.map({ $0 + timers.evaluation }) {
                out.append(ArmedTimer(kind: .evaluationExpiry, due: due, basis: "evaluation period (\(LicensingTimers.describe(timers.evaluation)))",
                    evidence: anchorEvidence["evaluation"] ?? []))
            }
        }
        if !noCommunicationExpected, state.registration == .registered,
            state.authorization == .authorized || state.authorization == .outOfCompliance,
            let due = communicationDeadline()
        {
            out.append(ArmedTimer(kind: .authorizationExpiry, due: due.date, basis: due.basis,
                evidence: anchorEvidence["authorization"] ?? []))
        }
        if state.enforcement == .overage, let start = state.overageStart {
            out.append(ArmedTimer(kind: .overageEnd, due: start + timers.overage,
                basis: "overage began \(start.iso8601UTC) (\(state.overageReason ?? "non-compliance")) + \(LicensingTimers.describe(timers.overage))",
                evidence: anchorEvidence["overage"] ?? []))
        }
        if !noCommunicationExpected, state.registration == .registered, let due = registrationExpiry() {
            out.append(ArmedTimer(kind: .registrationExpiry, due: due.date, basis: due.basis,
                evidence: anchorEvidence["registration"] ?? []))
        }
        return out
    }

    /// The communication deadline in force: the product's printed (CSSM-issued) one when adopted, else the last
    /// successful authorization + 90 days.
    public func communicationDeadline() -> (date: Date, basis: String)? {
        if let p = state.printedCommunicationDeadline { return (p, "communication deadline printed by the product") }
        guard let last = state.lastAuthorizationSuccess else { return nil }
        return (last + timers.communicationDeadline, "last successful authorization \(last.iso8601UTC) + \(LicensingTimers.describe(timers.communicationDeadline))")
    }

    /// The registration expiry in force: printed when adopted, else the last successful registration + 1 year.
    public func registrationExpiry() -> (date: Date, basis: String)? {
        if let p = state.printedRegistrationExpiry { return (p, "registration expiry printed by the product") }
        guard let last = state.lastRegistrationSuccess else { return nil }
        return (last + timers.registrationValidity, "last successful registration \(last.iso8601UTC) + \(LicensingTimers.describe(timers.registrationValidity))")
    }

    /// Fires a timer and returns when it fired.
    private mutating func fire(_ armed: ArmedTimer) -> Date {
        // A timer armed by late evidence may already be past due: it fires now, never in the past.
        var timer = armed
        if let now, timer.due < now { timer.due = now }
        let cause = timer.kind.causeText
        let ev = timer.evidence
        switch timer.kind {
        case .evaluationExpiry:
            state.evaluationExpiredAt = timer.due
            set(.authorization, AuthorizationState.evaluationExpired.rawValue, at: timer.due, cause: cause, evidence: ev, byTimer: true)
            set(.enforcement, EnforcementState.noProvisioning.rawValue, at: timer.due, cause: cause, evidence: ev, byTimer: true)
        case .authorizationExpiry:
            set(.authorization, AuthorizationState.authorizationExpired.rawValue, at: timer.due, cause: cause, evidence: ev, byTimer: true)
            enterOverage(at: timer.due, reason: AuthorizationState.authorizationExpired.rawValue, cause: cause, evidence: ev, byTimer: true)
        case .overageEnd:
            set(.enforcement, EnforcementState.noProvisioning.rawValue, at: timer.due, cause: cause, evidence: ev, byTimer: true)
        case .registrationExpiry:
            registrationEnded(.registrationExpired, at: timer.due, cause: cause, evidence: ev, byTimer: true)
        }
        return timer.due
    }

    /// The registration ends (expiry or deregistration): an authorization cannot outlive it. After an expiry the
    /// authorization is expired; after a deregistration the product is back in evaluation (or evaluation expired).
    mutating func registrationEnded(
        _ to: RegistrationState, at: Date, cause: String, evidence: [SourcePointer], byTimer: Bool
    ) {
        set(.registration, to.rawValue, at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        state.lastRegistrationSuccess = nil
        state.printedRegistrationExpiry = nil
        if to == .registrationExpired {
            if [.authorized, .outOfCompliance].contains(state.authorization) {
                set(.authorization, AuthorizationState.authorizationExpired.rawValue, at: at, cause: cause, evidence: evidence, byTimer: byTimer)
                enterOverage(at: at, reason: AuthorizationState.authorizationExpired.rawValue, cause: cause, evidence: evidence, byTimer: byTimer)
            }
            return
        }
        // The evaluation clock resumes where registration paused it.
        if let remaining = state.evaluationRemainingAtRegistration {
            state.evaluationExpiresAt = at + remaining
            state.evaluationRemainingAtRegistration = nil
        }
        let evaluationOver = state.evaluationExpiresAt.map { $0 <= at } ?? false
        let next: AuthorizationState = evaluationOver ? .evaluationExpired : .evaluation
        set(.authorization, next.rawValue, at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        if evaluationOver {
            set(.enforcement, EnforcementState.noProvisioning.rawValue, at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        } else if state.enforcement != .none {
            clearEnforcement(at: at, cause: cause, evidence: evidence)
        }
    }

    /// Starts the overage period unless one is running or provisioning already stopped.
    /// - Parameter startedAt: when the overage began, if earlier than the evidence that reports it.
    mutating func enterOverage(
        at: Date, startedAt: Date? = nil, reason: String, cause: String, evidence: [SourcePointer], byTimer: Bool
    ) {
        guard state.enforcement == .none else { return }
        state.overageStart = min(startedAt ?? at, at)
        state.overageReason = reason
        anchorEvidence["overage"] = evidence
        set(.enforcement, EnforcementState.overage.rawValue, at: at, cause: cause, evidence: evidence, byTimer: byTimer)
    }

    /// Ends enforcement after a successful, compliant authorization or a registration.
    mutating func clearEnforcement(at: Date, cause: String, evidence: [SourcePointer]) {
        state.overageStart = nil
        state.overageReason = nil
        set(.enforcement, EnforcementState.none.rawValue, at: at, cause: cause, evidence: evidence, byTimer: false)
    }

    /// Changes one dimension and records the transition (no-op when unchanged).
    /// - Parameter reported: the value is what a `show license` output reports (not a change an event caused);
    ///   when no earlier evidence touched the dimension, it is taken to have held since the first evidence.
    mutating func set(
        _ dimension: StateDimension, _ value: String, at: Date, cause: String, evidence: [SourcePointer], byTimer: Bool,
        reported: Bool = false
    ) {
        if reported, !established.contains(dimension) {
            established.insert(dimension)
            state.set(dimension, value)
            initialState.set(dimension, value)
            initialSources[dimension] = InitialSource(cause: cause, evidence: evidence)
            return
        }
        established.insert(dimension)
        let old = state.value(of: dimension)
        guard old != value else { return }
        state.set(dimension, value)
        transitions.append(
            Transition(dimension: dimension, from: old, to: value, at: at, cause: cause, byTimer: byTimer, evidence: evidence))
    }

    /// Records an anomaly.
    mutating func note(_ anomaly: EngineAnomaly) { anomalies.append(anomaly) }
}
