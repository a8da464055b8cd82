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
    /// `show license` output (or implied by a printed instant) with no earlier evidence about them, which are taken
    /// to have held before the evidence, since an unknown time.
    public internal(set) var initialState: LicensingState
    /// Why each back-filled initial value is believed (the output that reported it).
    public internal(set) var initialSources: [StateDimension: InitialSource] = [:]
    /// Dimensions some evidence has set or reported.
    var established: Set<StateDimension> = []
    /// Every snapshot checked against the replayed state, in order.
    public internal(set) var snapshotChecks: [SnapshotCheck] = []
    /// Everything that did not fit.
    public internal(set) var anomalies: [EngineAnomaly] = []
    /// Every printed instant applied (``PrintedAnchor``), in order.
    public internal(set) var anchors: [PrintedAnchor] = []
    /// The anchor in `state` that is derived from a printed instant rather than seen, per role, until a seen
    /// success replaces it.
    var inferredAnchors: [KindRole: PrintedAnchor] = [:]
    /// Printed starts of expired states known before the replay reaches them (a replay sets these): a timer due
    /// within the CSSM tolerance of one fires at the printed instant, so the product's own date wins.
    var printedExpiries: [PrintedAnchor] = []

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
        advance(to: instant, including: true)
    }

    /// Moves evidence time forward to `instant`, firing only the timers due strictly before it.
    mutating func advance(before instant: Date) {
        _ = advance(to: instant, including: false)
    }

    private mutating func advance(to instant: Date, including: Bool) -> [Transition] {
        let before = transitions.count
        if let now, instant < now { return [] }
        while let next = armedTimers().filter({ including ? $0.due <= instant : $0.due < instant })
            .min(by: { $0.due < $1.due })
        {
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
        let at = reach(event.time?.instant, kind: event.kind, source: { event.source })
        handle(event, at: at)
        return Array(transitions[before...])
    }

    /// Moves evidence time to an event of a kind the engine does not act on (``actsOn``), as ``apply(_:)`` would,
    /// without being handed the whole event.
    mutating func pass(_ kind: EventKind, at instant: Date?, source: @autoclosure () -> SourcePointer) {
        _ = reach(instant, kind: kind, source: source)
    }

    /// Advances to an event's instant (the current time for an untimed one) and returns where it applies; an event
    /// earlier than the current time is noted out of order and applies now.
    private mutating func reach(_ instant: Date?, kind: EventKind, source: () -> SourcePointer) -> Date {
        var at = instant ?? now ?? origin
        if let now, at < now {
            anomalies.append(
                EngineAnomaly(
                    name: .outOfOrder, detail: "\(kind) at \(at.iso8601UTC) arrived after \(now.iso8601UTC)",
                    at: at, evidence: [source()]))
            at = now
        }
        advance(to: at)
        return at
    }

    /// The timers the current state arms.
    public func armedTimers() -> [ArmedTimer] {
        var out: [ArmedTimer] = []
        let noCommunicationExpected = state.transport == .slr
        if state.registration != .registered, state.authorization == .evaluation {
            if let due = state.evaluationExpiresAt ?? state.evaluationStart.map({ $0 + timers.evaluation }) {
                out.append(ArmedTimer(kind: .evaluationExpiry, due: due, basis: "evaluation period (\(DurationFormat.long.text(timers.evaluation)))",
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
                basis: "overage began \(start.iso8601UTC) (\(state.overageReason?.rawValue ?? "non-compliance")) + \(DurationFormat.long.text(timers.overage))",
                evidence: anchorEvidence["overage"] ?? []))
        }
        if !noCommunicationExpected, state.registration == .registered, let due = registrationExpiry() {
            out.append(ArmedTimer(kind: .registrationExpiry, due: due.date, basis: due.basis,
                evidence: anchorEvidence["registration"] ?? []))
        }
        return out
    }

    /// The communication deadline in force: the tighter of the product's printed (CSSM-issued) one and the last
    /// successful authorization + 90 days.
    public func communicationDeadline() -> (date: Date, basis: String)? {
        let derived = state.lastAuthorizationSuccess.map {
            ($0 + timers.communicationDeadline, "last successful authorization \($0.iso8601UTC)\(inferredNote(.authorization)) + \(DurationFormat.long.text(timers.communicationDeadline))")
        }
        let printed = state.printedCommunicationDeadline.map { ($0, "communication deadline printed by the product") }
        // An anchor derived from the printed deadline does not compete with it.
        let due = Self.tightest(printed, inferredAnchors[.authorization] == nil ? derived : nil)
        return printedExpiry(near: due, kind: .authorizationSince)
    }

    /// The registration expiry in force: the tighter of the printed one and the last successful registration + 1 year.
    public func registrationExpiry() -> (date: Date, basis: String)? {
        let derived = state.lastRegistrationSuccess.map {
            ($0 + timers.registrationValidity, "last successful registration \($0.iso8601UTC)\(inferredNote(.registration)) + \(DurationFormat.long.text(timers.registrationValidity))")
        }
        let printed = state.printedRegistrationExpiry.map { ($0, "registration expiry printed by the product") }
        let due = Self.tightest(printed, inferredAnchors[.registration] == nil ? derived : nil)
        return printedExpiry(near: due, kind: .registrationExpiredSince)
    }

    /// The earlier of a printed and a derived deadline; the printed one on a tie within the server tolerance's reach.
    static func tightest(_ printed: (Date, String)?, _ derived: (Date, String)?) -> (date: Date, basis: String)? {
        switch (printed, derived) {
        case let (p?, d?): return d.0 < p.0 ? (d.0, d.1 + " (earlier than the printed \(p.0.iso8601UTC))") : p
        case let (p?, nil): return p
        case let (nil, d?): return d
        case (nil, nil): return nil
        }
    }

    /// A printed expiry of `kind` within the CSSM tolerance of `due`, in its place; else `due`.
    func printedExpiry(near due: (date: Date, basis: String)?, kind: PrintedAnchor.Kind) -> (date: Date, basis: String)? {
        guard let due else { return nil }
        let expired = kind == .authorizationSince ? AuthorizationState.authorizationExpired.rawValue : nil
        guard let match = printedExpiries.first(where: {
            $0.kind == kind && (expired == nil || $0.value == expired)
                && abs($0.at.timeIntervalSince(due.date)) <= timers.serverIssuedTolerance
        }) else { return due }
        return (match.at, "\(match.basis) (the product's own date; \(due.basis) gives \(due.date.iso8601UTC))")
    }

    /// `(derived from printed: …)` when the anchor of `role` is inferred from a printed instant.
    func inferredNote(_ role: KindRole) -> String {
        inferredAnchors[role].map { " (derived from printed: \($0.basis))" } ?? ""
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
            set(.authorization(.evaluationExpired), at: timer.due, cause: cause, evidence: ev, byTimer: true)
            set(.enforcement(.noProvisioning), at: timer.due, cause: cause, evidence: ev, byTimer: true)
        case .authorizationExpiry:
            set(.authorization(.authorizationExpired), at: timer.due, cause: cause, evidence: ev, byTimer: true)
            enterOverage(at: timer.due, reason: .authorizationExpired, cause: cause, evidence: ev, byTimer: true)
        case .overageEnd:
            set(.enforcement(.noProvisioning), at: timer.due, cause: cause, evidence: ev, byTimer: true)
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
        set(.registration(to), at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        state.lastRegistrationSuccess = nil
        state.printedRegistrationExpiry = nil
        if to == .registrationExpired {
            if [.authorized, .outOfCompliance].contains(state.authorization) {
                set(.authorization(.authorizationExpired), at: at, cause: cause, evidence: evidence, byTimer: byTimer)
                enterOverage(at: at, reason: .authorizationExpired, cause: cause, evidence: evidence, byTimer: byTimer)
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
        set(.authorization(next), at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        if evaluationOver {
            set(.enforcement(.noProvisioning), at: at, cause: cause, evidence: evidence, byTimer: byTimer)
        } else if state.enforcement != .none {
            clearEnforcement(at: at, cause: cause, evidence: evidence)
        }
    }

    /// Starts the overage period unless one is running or provisioning already stopped.
    /// - Parameter startedAt: when the overage began, if earlier than the evidence that reports it.
    mutating func enterOverage(
        at: Date, startedAt: Date? = nil, reason: AuthorizationState, cause: String, evidence: [SourcePointer], byTimer: Bool
    ) {
        guard state.enforcement == .none else { return }
        state.overageStart = min(startedAt ?? at, at)
        state.overageReason = reason
        anchorEvidence["overage"] = evidence
        set(.enforcement(.overage), at: at, cause: cause, evidence: evidence, byTimer: byTimer)
    }

    /// Ends enforcement after a successful, compliant authorization or a registration.
    mutating func clearEnforcement(at: Date, cause: String, evidence: [SourcePointer]) {
        state.overageStart = nil
        state.overageReason = nil
        set(.enforcement(.none), at: at, cause: cause, evidence: evidence, byTimer: false)
    }

    /// Changes one dimension and records the transition (no-op when unchanged).
    /// - Parameter reported: the value is what a `show license` output reports (not a change an event caused);
    ///   when no earlier evidence touched the dimension, it is taken to have held before the evidence, since an
    ///   unknown time.
    mutating func set(
        _ value: StateValue, at: Date, cause: String, evidence: [SourcePointer], byTimer: Bool, reported: Bool = false
    ) {
        let dimension = value.dimension
        if reported, backfill(value, cause: "reported by \(cause)", evidence: evidence) { return }
        established.insert(dimension)
        let old = state.typedValue(of: dimension)
        guard old != value else { return }
        state.set(value)
        transitions.append(
            Transition(from: old, to: value, at: at, cause: cause, byTimer: byTimer, evidence: evidence))
    }

    /// Records an anomaly.
    mutating func note(_ anomaly: EngineAnomaly) { anomalies.append(anomaly) }
}
