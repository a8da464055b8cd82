import Foundation
import LicensingModel
import StateEngine

/// What `licscope status` reports for each `show license …` output: the printed state, each printed timer next
/// to the engine's derivation, and the runway if no communication succeeds.
public struct StatusReport: Sendable, Codable {
    /// The schema name and version of the JSON form.
    public var schema = "licscope.status/1"
    public var snapshots: [SnapshotStatus]
    /// `--since` / `--until`: the window outputs were kept from; absent without one.
    public var window: StatusWindow?
    /// The inputs that were not read (refused, unreadable, not a license output, passed over FIFOs and devices),
    /// with why; absent when every input was read.
    public var unread: [UnreadInput]?

    /// One output.
    public struct SnapshotStatus: Sendable, Codable {
        /// `path:line` of the output.
        public var source: String
        public var command: String
        /// Where the output was placed in time (it does not print when it ran).
        public var observedAt: TimeText?
        /// Printed states (registration, authorization), and the enforcement and transport the engine derives.
        public var state: [String: String]
        public var timers: [TimerRow]
        public var runway: [RunwayRow]
        public var anomalies: [String]
        /// Every assumption made reading the output (zones, years, placement in time).
        public var assumptions: [String]
        /// Lines that could not be read.
        public var problems: [String]
        /// True when the output holds no licensing content (a subscriber, or a service that does not answer).
        public var empty: Bool
        public var error: String?
    }

    /// A time in UTC and in the source's zone.
    public struct TimeText: Sendable, Codable, Hashable {
        public var utc: String
        public var local: String?

        static func of(_ date: Date, offset: Int?, label: String?) -> TimeText {
            guard let offset else { return TimeText(utc: date.iso8601UTC, local: nil) }
            let local = LicensingCalendar.ciscoStyle(date, offsetSeconds: offset) + (label.map { " \($0)" } ?? "")
            return TimeText(utc: date.iso8601UTC, local: local)
        }
    }

    /// A printed timer and its derivation.
    public struct TimerRow: Sendable, Codable, Hashable {
        public var name: String
        public var label: String
        public var printed: String?
        public var printedUTC: String?
        public var derived: TimeText?
        public var basis: String
        public var verdict: String
        public var differenceSeconds: Int?
        public var toleranceSeconds: Int
        public var source: String?
    }

    /// One projected transition.
    public struct RunwayRow: Sendable, Codable, Hashable {
        public var at: TimeText
        public var dimension: String
        public var to: String
        public var cause: String
    }
}

extension StatusReport {
    /// Builds the report: each group of events (one output's events, as `SnapshotEvents` makes them) is replayed
    /// on its own through the engine.
    /// - Parameters:
    ///   - groups: one event list per output; each must contain its `status.snapshot` event.
    ///   - problems: per group, lines that could not be read.
    ///   - timers: the timers in force.
    public static func build(groups: [[Event]], problems: [[String]] = [], timers: LicensingTimers = .cucm) -> StatusReport {
        var rows: [SnapshotStatus] = []
        for (i, events) in groups.enumerated() {
            guard let snapshotEvent = events.first(where: { $0.kind == .statusSnapshot }), let s = snapshotEvent.snapshot else {
                continue
            }
            let replay = Replay.run(events, timers: timers)
            let zone = s.printedTimes.first?.time
            let offset = zone?.utcOffsetSeconds
            let label = zone?.zoneLabel
            var state: [String: String] = [:]
            if let r = s.registration.status { state["registration"] = r.rawValue }
            if let a = s.authorization.status { state["authorization"] = a.rawValue }
            if !s.isEmpty {
                state["enforcement"] = replay.engine.state.enforcement.rawValue
                state["transport"] = s.transport.mode?.rawValue ?? "not printed"
            }
            let check = replay.snapshotChecks.last
            let timerRows = (check?.timers ?? []).map { c in
                TimerRow(
                    name: c.name, label: c.label, printed: c.printed?.raw, printedUTC: c.printed?.instant.iso8601UTC,
                    derived: c.derived.map { TimeText.of($0, offset: offset, label: label) }, basis: c.basis,
                    verdict: c.verdict.rawValue, differenceSeconds: c.differenceSeconds, toleranceSeconds: c.toleranceSeconds,
                    source: c.source?.description)
            }
            let runway = replay.runway.map {
                RunwayRow(at: TimeText.of($0.at, offset: offset, label: label), dimension: $0.dimension.rawValue, to: $0.to, cause: $0.cause)
            }
            var assumptions: [String] = []
            for t in events.compactMap(\.time) + s.printedTimes.map(\.time) {
                for a in t.assumptions where !assumptions.contains(a) { assumptions.append(a) }
            }
            rows.append(
                SnapshotStatus(
                    source: snapshotEvent.source.description, command: s.command,
                    observedAt: snapshotEvent.time.map { TimeText.of($0.instant, offset: offset, label: label) },
                    state: state, timers: timerRows, runway: runway, anomalies: replay.anomalies.map(\.detail),
                    assumptions: assumptions, problems: i < problems.count ? problems[i] : [], empty: s.isEmpty,
                    error: snapshotEvent.fields["error"]?.text))
        }
        return StatusReport(snapshots: rows)
    }
}
