import Foundation

extension StatusSnapshot {
    /// The snapshot with every time the node dated by its own clock moved by `seconds` — its attempts and successes
    /// (`Initial Registration`, `Last Renewal Attempt`, `Status: … on`, `Last Communication Attempt`), the timers it
    /// schedules from them (`Next Renewal Attempt`, `Next Communication Attempt`) and its evaluation expiry — while
    /// the CSSM-issued ones (`Registration Expires`, `Communication Deadline`) stay as printed: CSSM dates them by
    /// its own clock. Each moved time says so in its assumptions. Used when the node's clock is found wrong and the
    /// timeline is rebuilt on a capture's clock.
    public func movingNodeClockTimes(by seconds: Double, note: String) -> StatusSnapshot {
        guard seconds != 0 else { return self }
        func move(_ t: EventTime?) -> EventTime? {
            guard var t else { return nil }
            t.instant += seconds
            t.assumptions.append(note)
            return t
        }
        func move(_ a: AttemptRecord?) -> AttemptRecord? {
            guard var a else { return nil }
            a.time = move(a.time)
            return a
        }
        var s = self
        s.registration.initial = move(registration.initial)
        s.registration.lastRenewal = move(registration.lastRenewal)
        s.registration.nextRenewal = move(registration.nextRenewal)
        s.authorization.since = move(authorization.since)
        s.authorization.lastCommunication = move(authorization.lastCommunication)
        s.authorization.nextCommunication = move(authorization.nextCommunication)
        s.evaluation.expiredOn = move(evaluation.expiredOn)
        return s
    }
}
