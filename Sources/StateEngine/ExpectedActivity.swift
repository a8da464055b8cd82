import Foundation
import LicensingModel

/// Finds renewals that were due while License Manager traces were being written but never show up in them:
/// either the evidence is incomplete or the service was not doing its job (CSCvf86710 territory).
enum ExpectedActivity {
    /// Kinds that count as licensing activity toward Cisco: the attempts the vocabulary declares.
    static let activityKinds = EventVocabulary.kinds { $0.isAttempt }

    /// How long after the due time an attempt may appear and still count.
    static let slack: TimeInterval = 86_400

    /// The renewals due inside `coverage` that no attempt answers.
    /// - Parameters:
    ///   - events: every event of the replay (folded repeats included), in any order.
    ///   - anchors: the successes the engine was given, in replay order (``anchor(_:_:)`` of every step of the
    ///     ``EngineSequence``: every success occurrence is in it).
    static func missing(
        events: [Event], anchors: [Anchor], engine: LicensingEngine, coverage: [DateInterval], timers: LicensingTimers
    ) -> [EngineAnomaly] {
        guard !coverage.isEmpty, engine.state.transport != .slr else { return [] }
        // The renewals due inside the coverage that no later success re-anchors, in anchor order.
        var candidates: [(anchor: Anchor, due: Date)] = []
        for anchor in anchors {
            let due = anchor.at + (anchor.isAuthorization ? timers.authorizationRenewal : timers.registrationRenewal)
            // A later success of the same kind before the window re-anchors the schedule.
            let reanchored = anchors.contains {
                $0.isAuthorization == anchor.isAuthorization && $0.at > anchor.at && $0.at < due - slack
            }
            guard !reanchored, coverage.contains(where: { $0.start <= due - slack && due + slack <= $0.end }) else { continue }
            candidates.append((anchor, due))
        }
        guard !candidates.isEmpty else { return [] }
        // A file's span is not coverage where the evidence falls silent: a due time counts as covered only with
        // evidence written within one authorization renewal interval (30 days, the longest a working product goes
        // without a licensing line) on each side of it. A rotated trace that opens with a year-old line and resumes
        // months later does not cover the time in between. One pass over every occurrence's instant finds, for each
        // due time, the nearest evidence on each side (a list of every instant cost 8 bytes per line).
        let quiet = timers.authorizationRenewal
        var probe = InstantNeighbours(candidates.map(\.due))
        for k in events.indices { events.forEachInstant(at: k) { probe.see($0) } }
        let near = probe.neighbours()
        func writtenAround(_ due: Date) -> Bool {
            guard let n = near[due], let before = n.before, let after = n.after else { return false }
            return due.timeIntervalSince(before) <= quiet && after.timeIntervalSince(due) <= quiet
        }
        var selected: [(anchor: Anchor, due: Date)] = []
        var seenDue = Set<Date>()
        for c in candidates where !seenDue.contains(c.due) && writtenAround(c.due) {
            seenDue.insert(c.due)
            selected.append(c)
        }
        guard !selected.isEmpty else { return [] }
        // Any attempt near the due time counts, failed or not (instants read in place, not listed).
        var attempted = Array(repeating: false, count: selected.count)
        for k in events.indices where activityKinds.contains(events[k].kind) {
            events.forEachInstant(at: k) { t in
                for (i, c) in selected.enumerated() where !attempted[i] {
                    if (c.due - slack)...(c.due + slack) ~= t, t > c.anchor.at { attempted[i] = true }
                }
            }
        }
        var out: [EngineAnomaly] = []
        for (i, c) in selected.enumerated() where !attempted[i] {
            let anchor = c.anchor, due = c.due
            let what = anchor.isAuthorization ? "authorization renewal (30 days after the last success)" : "registration renewal (180 days after the last success)"
            out.append(
                EngineAnomaly(
                    name: .expectedActivityMissing,
                    detail: "no \(what) attempt around \(due.iso8601UTC), although License Manager traces cover that time",
                    at: due, evidence: [anchor.source], expectedAt: due))
        }
        return out
    }

    /// A success a renewal schedule is anchored on.
    struct Anchor {
        var at: Date
        var isAuthorization: Bool
        var source: SourcePointer
    }

    /// The success a step of the sequence anchors a renewal schedule on, if it is one (read in place: binding
    /// the event would copy it).
    static func anchor(_ sequence: EngineSequence, _ step: EngineSequence.Step) -> Anchor? {
        guard let t = sequence.instant(step), let succeeds = sequence.kind(step).spec?.succeeds else { return nil }
        if succeeds.contains(.authorization) { return Anchor(at: t, isAuthorization: true, source: sequence.source(step)) }
        if succeeds.contains(.registration) { return Anchor(at: t, isAuthorization: false, source: sequence.source(step)) }
        return nil
    }
}

/// Deadlines ahead of the last evidence.
enum Deadlines {
    static func ahead(of engine: LicensingEngine, after end: Date?) -> [Deadline] {
        var out: [Deadline] = []
        let s = engine.state
        let t = engine.timers
        if s.transport != .slr, s.registration == .registered {
            if let last = s.lastAuthorizationSuccess {
                out.append(Deadline(name: "next_authorization_renewal", due: last + t.authorizationRenewal,
                    basis: "last successful authorization \(last.iso8601UTC)\(engine.inferredNote(.authorization)) + \(DurationFormat.long.text(t.authorizationRenewal))", consequence: nil,
                    evidence: engine.anchorEvidence["authorization"] ?? []))
            }
            if let last = s.lastRegistrationSuccess {
                out.append(Deadline(name: "registration_renewal", due: last + t.registrationRenewal,
                    basis: "last successful registration \(last.iso8601UTC)\(engine.inferredNote(.registration)) + \(DurationFormat.long.text(t.registrationRenewal))", consequence: nil,
                    evidence: engine.anchorEvidence["registration"] ?? []))
            }
        }
        for timer in engine.armedTimers() {
            let (name, consequence): (String, String) = switch timer.kind {
            case .evaluationExpiry: ("evaluation_expiry", AuthorizationState.evaluationExpired.rawValue)
            case .authorizationExpiry: ("communication_deadline", AuthorizationState.authorizationExpired.rawValue)
            case .overageEnd: ("overage_end", EnforcementState.noProvisioning.rawValue)
            case .registrationExpiry: ("registration_expiry", RegistrationState.registrationExpired.rawValue)
            }
            out.append(Deadline(name: name, due: timer.due, basis: timer.basis, consequence: consequence, evidence: timer.evidence))
        }
        return out.filter { d in end.map { d.due >= $0 } ?? true }.sorted { $0.due < $1.due }
    }
}
