import Foundation
import LicensingModel
import Timeline

/// Checks each source's zone against instants the bundle prints with a zone or captures on the wire: a
/// `show license` output printing an attempt (`SUCCEEDED on Oct 20 10:00:00 2026 CEST`) that a trace logs at the
/// same wall time confirms the zone; the same attempt a whole number of quarter hours away says the zone is wrong.
enum ZoneChecks {
    /// How far apart a printed and a logged instant of one attempt may be (the CLI prints whole seconds).
    static let sameAttempt: TimeInterval = 90
    /// Attempt kinds both sides record.
    static let attemptKinds: Set<EventKind> = [
        .registrationSucceeded, .registrationFailed, .registrationRenewSucceeded, .registrationRenewFailed,
        .authorizationRenewSucceeded, .authorizationRenewFailed, .communicationFailed,
    ]

    /// The part of `sources` that ``apply(_:sources:skew:)`` reads — timed attempts, and those of logs only when a
    /// CLI output prints one to pair them with — so the analysis need not hold every event twice.
    static func evidence(_ sources: [SourceEvents]) -> [SourceEvents] {
        let printing = sources.contains { $0.kind == .cli && $0.events.contains { attemptKinds.contains($0.kind) && $0.time != nil } }
        return sources.map { group in
            var g = group
            g.events = printing ? group.events.filter { attemptKinds.contains($0.kind) && $0.time != nil } : []
            return g
        }
    }

    /// Whether some attempt a CLI output prints with its zone is logged by a zone-less source at the same wall time:
    /// the logs' zone agrees with the node's own, so a log-vs-capture offset is no zone misreading.
    static func confirmedByPrinted(_ sources: [SourceEvents]) -> Bool {
        let printed = sources.filter { $0.kind == .cli }.flatMap(\.events).filter { attemptKinds.contains($0.kind) && $0.time != nil }
        guard !printed.isEmpty else { return false }
        let logged = sources.filter { $0.kind != .cli && $0.kind != .capture }.flatMap(loggedAttempts)
        return pair(printed, logged, where: { abs($0) <= sameAttempt }) != nil
    }

    /// `zones` with their check and warnings filled from the printed attempts and the capture skew.
    static func apply(_ zones: [SourceZone], sources: [SourceEvents], skew: SkewEstimate?) -> [SourceZone] {
        let printed = sources.filter { $0.kind == .cli }.flatMap(\.events).filter { attemptKinds.contains($0.kind) && $0.time != nil }
        return zones.map { zone in
            var z = zone
            let logged = sources.filter { $0.path == zone.path }.flatMap(loggedAttempts)
            var checks: [String] = []
            var warnings: [String] = z.warning.map { [$0] } ?? []
            if let (p, l) = pair(printed, logged, where: { abs($0) <= sameAttempt }) {
                checks.append("confirmed: \(p.source) prints \(p.time!.raw) for the attempt \(l.source) logs at the same wall time")
            } else if let (p, l) = pair(printed, logged, where: isWholeZoneOff) {
                let d = p.time!.instant.timeIntervalSince(l.time!.instant)
                warnings.append("\(p.source) prints \(p.time!.raw) for the attempt \(l.source) logs, \(DurationFormat.compact.text(d, signed: true)) away: the zone \(zone.zone) is probably wrong by that much")
            }
            if let skew, skew.pairs.contains(where: { $0.first?.path == zone.path }) {
                if skew.zoneOffsetSeconds == 0 {
                    checks.append("a capture confirms it (\(skew.matchedPairs) attempts matched on the wire; clock error \(DurationFormat.compact.text(skew.clockErrorSeconds, signed: true)))")
                } else {
                    warnings.append(zoneOrClock(skew, zone: zone))
                }
            }
            z.check = checks.isEmpty ? nil : checks.joined(separator: "; ")
            z.warning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
            return z
        }
    }

    /// The timed attempts of one source, each occurrence of a folded one an attempt of its own, in file order.
    private static func loggedAttempts(_ group: SourceEvents) -> [Event] {
        group.events.filter { attemptKinds.contains($0.kind) && $0.time != nil }.unfolded()
    }

    /// Whole quarter hours between the logs and the wire, which nothing has confirmed as a zone (a zone the node's
    /// output confirms takes no zone part): a zone misreading, or the node's clock off by as much. Both are said;
    /// the configured zone or the node's NTP state, when the bundle has them, says which is the likelier.
    static func zoneOrClock(_ skew: SkewEstimate, zone: SourceZone) -> String {
        let d = DurationFormat.compact.text(Double(skew.zoneOffsetSeconds), signed: true)
        var text = "a capture puts these log times \(d) (whole quarter hours) away from the wire: either the zone \(zone.zone) is probably wrong (the timeline is corrected by it as a zone) or the node's clock is off by \(d) — nothing in the bundle confirms the zone at these times"
        let configured = zone.reason.hasPrefix("show timezone config")
        if let ntp = skew.nodeNtp, ntp.bearing == .nodeClockOff {
            text += "; \(ntp.described), which makes a node clock error \(configured ? "the likelier reading" : "as likely as a zone") [inferred]"
        } else if configured {
            text += "; the node's configured zone is the one the logs were read in, which makes a node clock error the likelier reading [inferred]"
        } else if let ntp = skew.nodeNtp, ntp.bearing == .nodeClockHeld {
            text += "; \(ntp.described), which makes a zone misreading the likelier one [inferred]"
        }
        return text
    }

    /// A whole, non-zero number of quarter hours (within 2 s) up to 14 hours.
    static func isWholeZoneOff(_ d: TimeInterval) -> Bool {
        let q = (d / 900).rounded()
        return q != 0 && abs(d) <= 14 * 3600 && abs(d - q * 900) <= 2
    }

    /// The first printed/logged pair of one kind whose offset (printed − logged) satisfies `test`.
    private static func pair(_ printed: [Event], _ logged: [Event], where test: (TimeInterval) -> Bool) -> (Event, Event)? {
        for p in printed {
            for l in logged where l.kind == p.kind {
                if test(p.time!.instant.timeIntervalSince(l.time!.instant)) { return (p, l) }
            }
        }
        return nil
    }
}
