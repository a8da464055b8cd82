import Foundation
import LicensingModel

extension LicensingEngine {
    /// Checks a snapshot against the replayed state at its time, records every disagreement as an anomaly, then
    /// adopts what the product printed (it is the best evidence of its own state).
    /// - Parameter timed: whether the output carried a time; an untimed one is placed after all timed evidence and
    ///   its remaining evaluation period (relative to an unknown instant) is not adopted.
    mutating func adopt(_ s: StatusSnapshot, at: Date, source: SourcePointer, timed: Bool = true) {
        let path = source.path
        func line(_ key: String) -> SourcePointer? { s.lines[key].map { .line(path, $0) } }

        var states: [StateComparison] = []
        // A dimension with no evidence before the snapshot has nothing to disagree with.
        let seen = established
        if let r = s.registration.status, seen.contains(.registration) {
            states.append(StateComparison(printed: .registration(r), replayed: .registration(state.registration)))
        }
        if let a = s.authorization.status, seen.contains(.authorization) {
            states.append(StateComparison(printed: .authorization(a), replayed: .authorization(state.authorization)))
        }
        let timerChecks = compareTimers(s, line: line)
        snapshotChecks.append(SnapshotCheck(source: source, observedAt: at, stateComparisons: states, timers: timerChecks))
        for c in states where !c.agrees {
            note(EngineAnomaly(name: .snapshotDisagrees,
                detail: "the output prints \(c.dimension.rawValue) \(c.printed) but the evidence before it replays to \(c.replayed)",
                at: at, evidence: [line("\(c.dimension.rawValue).status") ?? source], field: "\(c.dimension.rawValue).status"))
        }
        for c in timerChecks where c.verdict == .disagree {
            note(EngineAnomaly(name: .snapshotDisagrees,
                detail: "\(c.label) printed \(c.printed?.raw ?? "?") but the engine derives \(c.derived?.iso8601UTC ?? "?") (\(c.basis))",
                at: at, evidence: [c.source ?? source], field: c.name, printed: c.printed?.instant, derived: c.derived))
        }
        if let skew = Self.clockSkew(timerChecks) { note(skew) }
        adoptPrinted(s, at: at, source: source, timerChecks: timerChecks, timed: timed)
        if !state.isConsistent {
            note(EngineAnomaly(name: .inconsistentSnapshot,
                detail: "the output prints registration \(state.registration.rawValue) with authorization \(state.authorization.rawValue), a pair the product's states do not allow",
                at: at, evidence: [source]))
        }
    }

    /// Adopts what the output prints, through the same helpers events use, so enforcement and timers follow.
    private mutating func adoptPrinted(
        _ s: StatusSnapshot, at: Date, source: SourcePointer, timerChecks: [TimerComparison], timed: Bool
    ) {
        let ev = [source]
        let cause = "status.snapshot (\(s.command))"
        if let mode = s.transport.mode {
            set(.transport(mode), at: at, cause: cause, evidence: ev, byTimer: false, reported: true)
        }
        if let r = s.registration.status {
            if r != .registered, state.registration == .registered, established.contains(.registration) {
                registrationEnded(r, at: at, cause: cause, evidence: ev, byTimer: false)
            } else {
                set(.registration(r), at: at, cause: cause, evidence: ev, byTimer: false, reported: true)
            }
        }
        if let a = s.authorization.status {
            set(.authorization(a), at: at, cause: cause, evidence: ev, byTimer: false, reported: true)
            switch a {
            case .outOfCompliance, .authorizationExpired:
                enterOverage(at: at, startedAt: s.authorization.since?.instant, reason: a, cause: cause, evidence: ev, byTimer: false)
            case .evaluationExpired:
                set(.enforcement(.noProvisioning), at: at, cause: cause, evidence: ev, byTimer: false)
            case .authorized, .evaluation:
                if state.enforcement != .none { clearEnforcement(at: at, cause: cause, evidence: ev) }
            case .noLicensesInUse:
                break
            }
        }
        if timed, let remaining = s.authorization.evaluationRemaining ?? s.evaluation.remaining,
            state.registration != .registered
        {
            state.evaluationExpiresAt = at + remaining
            anchorEvidence["evaluation"] = ev
        }
        // Server-issued times are adopted: they are CSSM's own clock. The runway takes the tighter of a printed
        // and a derived deadline, so one that disagrees still bounds it.
        for c in timerChecks where c.printed != nil {
            if c.name == "communication_deadline" { state.printedCommunicationDeadline = c.printed?.instant }
            if c.name == "registration_expires" { state.printedRegistrationExpiry = c.printed?.instant }
        }
        for u in s.usage { state.recordUsage(u) }
    }

    /// Every timer the output prints, next to the engine's derivation from the state replayed so far.
    func compareTimers(_ s: StatusSnapshot, line: (String) -> SourcePointer?) -> [TimerComparison] {
        var out: [TimerComparison] = []
        let t = timers
        // Registration renewal and expiry.
        if s.registration.lastRenewal?.outcome == .failed {
            out.append(.observed(name: "next_renewal_attempt", label: "Next Renewal Attempt", printed: s.registration.nextRenewal,
                basis: "after a failed renewal the retry schedule is the product's own (observed, not fixed)",
                source: line("registration.next_renewal")))
        } else if s.registration.nextRenewal != nil {
            let anchor = state.lastRegistrationSuccess
            out.append(.compare(name: "next_renewal_attempt", label: "Next Renewal Attempt", printed: s.registration.nextRenewal,
                derived: anchor.map { $0 + t.registrationRenewal },
                basis: anchor.map { "last successful registration \($0.iso8601UTC)\(inferredNote(.registration)) + \(DurationFormat.long.text(t.registrationRenewal))" } ?? "no successful registration in the evidence",
                tolerance: scheduleTolerance(.registration), source: line("registration.next_renewal")))
        }
        if s.registration.expires != nil {
            let anchor = state.lastRegistrationSuccess
            out.append(.compare(name: "registration_expires", label: "Registration Expires", printed: s.registration.expires,
                derived: anchor.map { $0 + t.registrationValidity },
                basis: anchor.map { "last successful registration \($0.iso8601UTC) + \(DurationFormat.long.text(t.registrationValidity)) (CSSM issues it from its own clock)" }
                    ?? "no successful registration in the evidence",
                tolerance: t.serverIssuedTolerance, source: line("registration.expires")).anchored(by: inferredAnchors[.registration]))
        }
        // Authorization renewal and the communication deadline.
        let lastComm = s.authorization.lastCommunication
        if lastComm?.outcome == .failed {
            out.append(.observed(name: "next_communication_attempt", label: "Next Communication Attempt",
                printed: s.authorization.nextCommunication,
                basis: "after a failed communication the retry schedule is the product's own (observed, not fixed)",
                source: line("authorization.next_communication")))
        } else if s.authorization.status == .outOfCompliance {
            out.append(.observed(name: "next_communication_attempt", label: "Next Communication Attempt",
                printed: s.authorization.nextCommunication,
                basis: "while out of compliance the product retries on its own schedule (12 hours observed in public outputs)",
                source: line("authorization.next_communication")))
        } else if s.authorization.nextCommunication != nil {
            let anchor = state.lastAuthorizationSuccess
            out.append(.compare(name: "next_communication_attempt", label: "Next Communication Attempt",
                printed: s.authorization.nextCommunication, derived: anchor.map { $0 + t.authorizationRenewal },
                basis: anchor.map { "last successful authorization \($0.iso8601UTC)\(inferredNote(.authorization)) + \(DurationFormat.long.text(t.authorizationRenewal))" } ?? "no successful authorization in the evidence",
                tolerance: scheduleTolerance(.authorization), source: line("authorization.next_communication")))
        }
        if s.authorization.deadline != nil {
            var anchor = state.lastAuthorizationSuccess.map { ($0, "last successful authorization \($0.iso8601UTC) + \(DurationFormat.long.text(t.communicationDeadline))") }
            if anchor == nil, let reg = state.lastRegistrationSuccess {
                anchor = (reg, "registration \(reg.iso8601UTC) + \(DurationFormat.long.text(t.communicationDeadline)) (the last successful authorization is not printed; registration authorizes)")
            }
            out.append(.compare(name: "communication_deadline", label: "Communication Deadline", printed: s.authorization.deadline,
                derived: anchor.map { $0.0 + t.communicationDeadline },
                basis: (anchor?.1 ?? "no successful authorization in the evidence") + " (CSSM issues it from its own clock)",
                tolerance: t.serverIssuedTolerance, source: line("authorization.deadline")).anchored(by: inferredAnchors[.authorization]))
        }
        if let printed = s.evaluation.expiredOn {
            let derived = state.evaluationStart.map { $0 + t.evaluation } ?? state.evaluationExpiredAt ?? state.evaluationExpiresAt
            let basis = state.evaluationStart.map { "evaluation start \($0.iso8601UTC) + \(DurationFormat.long.text(t.evaluation))" }
                ?? "the evaluation start is not in the evidence; the printed expiry is taken and checked against the registration that followed"
            var c = TimerComparison.compare(name: "evaluation_expired", label: "Evaluation Period Expired", printed: printed,
                derived: derived, basis: basis, tolerance: t.scheduleTolerance, source: line("evaluation.expired_on"))
            if let reg = state.lastRegistrationSuccess ?? s.registration.initial?.time?.instant,
                state.evaluationStart == nil, printed.instant > reg, state.registration == .registered
            {
                c.verdict = .disagree
                c.basis = "the evaluation cannot expire after the product registered (\(reg.iso8601UTC))"
            }
            out.append(c)
        }
        return out
    }

    /// The product schedules renewals from its own success time; when that time is only derived from a CSSM-issued
    /// one, the CSSM tolerance applies.
    private func scheduleTolerance(_ role: KindRole) -> TimeInterval {
        inferredAnchors[role] == nil ? timers.scheduleTolerance : timers.serverIssuedTolerance
    }

    /// Both CSSM-issued times (communication deadline and registration expiry) hours away from the ones derived
    /// from the product's own success times, by the same amount, while the product's own schedule agrees, mean the
    /// two clocks disagreed: CSSM dates by its clock, the product records successes by its own. Unequal shifts, or
    /// days, are missing evidence or the agent's own scheduling instead, not a clock.
    static func clockSkew(_ checks: [TimerComparison]) -> EngineAnomaly? {
        let issued = checks.filter { $0.name == "communication_deadline" || $0.name == "registration_expires" }
        let diffs = issued.compactMap(\.differenceSeconds)
        guard issued.count == 2, diffs.count == 2, let first = diffs.first, abs(first) > 3_600, abs(first) <= 2 * 86_400,
            abs(diffs[0] - diffs[1]) <= 15 * 60,
            !checks.contains(where: { $0.name.hasPrefix("next_") && $0.verdict == .disagree })
        else { return nil }
        let hours = String(format: "%.1f", Double(abs(first)) / 3_600)
        let direction = first < 0 ? "ahead of" : "behind"
        return EngineAnomaly(
            name: .clockSkew,
            detail: "the communication deadline and the registration expiry both differ by \(hours) h from the values "
                + "derived from the product's own times: the product's clock was about \(hours) h \(direction) CSSM's",
            at: issued[0].printed?.instant, evidence: issued.compactMap(\.source), field: issued[0].name,
            printed: issued[0].printed?.instant, derived: issued[0].derived)
    }
}
