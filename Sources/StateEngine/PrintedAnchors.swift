import Foundation
import LicensingModel

/// Finds the instants `show license …` outputs print that place the replay: printed state starts always, and the
/// last authorization and registration derived from CSSM-issued deadlines when nothing else explains them.
enum PrintedAnchors {
    /// The anchors of every output among `events`, in replay order.
    /// - Parameters:
    ///   - events: all events of the replay.
    ///   - timers: the timers in force.
    ///   - coverage: spans License Manager traces cover; an instant inside one is "reached" by the logs.
    static func find(in events: [Event], timers: LicensingTimers, coverage: [DateInterval]) -> [PrintedAnchor] {
        // Read in place, by index: iterating the events would copy each one (a busy trace holds hundreds of
        // thousands, and outputs are a handful).
        let snapshots = events.indices.filter { events[$0].kind == .statusSnapshot && events[$0].snapshot != nil }
            .map { events[$0] }
        guard !snapshots.isEmpty else { return [] }
        let printedPaths = Set(snapshots.map(\.source.path))
        var earliestOther: Date?
        for k in events.indices where !printedPaths.contains(events[k].source.path) {
            guard let t = events.instantRange(at: k)?.lowerBound else { continue }
            earliestOther = earliestOther.map { min($0, t) } ?? t
        }
        func reached(_ instant: Date) -> Bool {
            (earliestOther.map { $0 <= instant } ?? false) || coverage.contains { $0.start <= instant && instant <= $0.end }
        }
        func successes(_ role: KindRole) -> [Date] {
            var out: [Date] = []
            // Every occurrence of a folded success counts.
            for k in events.indices where events[k].kind.spec?.succeeds.contains(role) == true {
                events.forEachInstant(at: k) { out.append($0) }
            }
            return out
        }
        let authorizations = successes(.authorization)
        let registrations = successes(.registration)
        var out: [PrintedAnchor] = []
        for event in snapshots {
            guard let s = event.snapshot else { continue }
            let taken = event.time?.instant ?? .distantFuture
            func line(_ key: String) -> SourcePointer { s.lines[key].map { .line(event.source.path, $0) } ?? event.source }
            let context = Context(
                snapshot: s, taken: taken, timers: timers, line: line, reached: reached,
                authorizations: authorizations.filter { $0 <= taken }, registrations: registrations.filter { $0 <= taken })
            out += context.stateStarts() + context.derived()
        }
        return Array(Set(out)).sorted(by: PrintedAnchor.order)
    }

    /// One output and what the other evidence says around it.
    private struct Context {
        var snapshot: StatusSnapshot
        var taken: Date
        var timers: LicensingTimers
        var line: (String) -> SourcePointer
        var reached: (Date) -> Bool
        /// Authorization successes (and, below, registrations) in the evidence up to the output.
        var authorizations: [Date]
        var registrations: [Date]

        /// Printed dated states: the product's own statement of when they began.
        func stateStarts() -> [PrintedAnchor] {
            var out: [PrintedAnchor] = []
            let a = snapshot.authorization
            if let status = a.status, let since = a.since, since.instant <= taken,
                [.authorizationExpired, .outOfCompliance, .evaluationExpired].contains(status)
            {
                out.append(PrintedAnchor(
                    kind: .authorizationSince, at: since.instant, value: status.rawValue, printed: since.instant, arms: nil,
                    basis: "\(snapshot.command) prints \(status.rawValue) on \(since.raw)", inferred: false,
                    source: line("authorization.status"), printedRegistration: snapshot.registration.status))
            }
            // The status says the expiry is past, whenever the output was taken.
            if snapshot.registration.status == .registrationExpired, let expires = snapshot.registration.expires {
                out.append(PrintedAnchor(
                    kind: .registrationExpiredSince, at: expires.instant, value: RegistrationState.registrationExpired.rawValue,
                    printed: expires.instant, arms: nil,
                    basis: "\(snapshot.command) prints REGISTRATION EXPIRED, Registration Expires \(expires.raw)",
                    inferred: false, source: line("registration.expires"), printedRegistration: .registrationExpired))
            }
            return out
        }

        /// Whether a success among `successes` is `interval` before `printed`, within `tolerance`.
        static func explains(_ successes: [Date], _ printed: Date, after interval: TimeInterval, _ tolerance: TimeInterval)
            -> Bool
        {
            successes.contains { (success: Date) -> Bool in
                abs(printed.timeIntervalSince(success) - interval) <= tolerance
            }
        }

        /// The printed start of `status` when the output prints it as the current authorization state.
        func expiredSince(_ status: AuthorizationState) -> Date? {
            guard snapshot.authorization.status == status, let since = snapshot.authorization.since?.instant,
                since <= taken
            else { return nil }
            return since
        }

        /// The last authorization and registration placed from the CSSM-issued times, when the evidence neither
        /// explains the printed value nor reaches back far enough to contradict it.
        func derived() -> [PrintedAnchor] {
            var out: [PrintedAnchor] = []
            let tolerance = timers.serverIssuedTolerance
            if let deadline = snapshot.authorization.deadline?.instant {
                let at = deadline - timers.communicationDeadline
                // Registration authorizes too: a registration that explains the deadline explains it.
                let explained = Self.explains(authorizations + registrations, deadline, after: timers.communicationDeadline, tolerance)
                let contradicted = authorizations.contains { $0 > at + tolerance }
                if !explained, !contradicted, !reached(at), at <= taken {
                    out.append(PrintedAnchor(
                        kind: .lastAuthorization, at: at, value: nil, printed: deadline, arms: expiredSince(.authorizationExpired) ?? deadline,
                        basis: "Communication Deadline \(deadline.iso8601UTC) (CSSM-issued) − \(DurationFormat.long.text(timers.communicationDeadline)); no earlier evidence shows the authorization",
                        inferred: true, source: line("authorization.deadline"), printedRegistration: snapshot.registration.status))
                }
            }
            if let expires = snapshot.registration.expires?.instant {
                let at = expires - timers.registrationValidity
                let explained = Self.explains(registrations, expires, after: timers.registrationValidity, tolerance)
                let contradicted = registrations.contains { $0 > at + tolerance }
                if !explained, !contradicted, !reached(at), at <= taken {
                    out.append(PrintedAnchor(
                        kind: .lastRegistration, at: at, value: nil, printed: expires, arms: expires,
                        basis: "Registration Expires \(expires.iso8601UTC) (CSSM-issued) − \(DurationFormat.long.text(timers.registrationValidity)); no earlier evidence shows the registration",
                        inferred: true, source: line("registration.expires"), printedRegistration: snapshot.registration.status))
                }
            }
            return out
        }
    }
}
