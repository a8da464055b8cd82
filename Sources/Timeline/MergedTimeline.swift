import Foundation
import LicensingModel
import StateEngine

/// Events from one input file, with what kind of evidence it is.
public struct SourceEvents: Sendable {
    /// The file's display path.
    public var path: String
    /// What the file is evidence of.
    public var kind: EvidenceKind
    public var events: [Event]
    /// The time span the file covers (its first to last timestamped line, events or not), when known.
    public var span: DateInterval?

    /// Creates a group.
    public init(path: String, kind: EvidenceKind, events: [Event], span: DateInterval? = nil) {
        self.path = path
        self.kind = kind
        self.events = events
        self.span = span
    }
}

/// All evidence merged onto one UTC timeline, skew-corrected, and replayed through the state engine.
public struct MergedTimeline: Sendable {
    /// Every event in timeline order (after skew correction).
    public var events: [Event]
    /// The replay.
    public var replay: ReplayResult
    /// The clock skew found between logs and captures, when both were present (already applied to the text events).
    public var skew: SkewEstimate?
    /// Which evidence kinds the inputs held.
    public var present: Set<EvidenceKind>
    /// Spans covered by License Manager traces.
    public var coverage: [DateInterval]

    /// Merges and replays.
    /// - Parameters:
    ///   - sources: events per input file.
    ///   - timers: the timers in force.
    ///   - correctSkew: shift text events onto the capture clock when a skew is found.
    ///   The sources are consumed: their events are moved into the timeline, not held twice.
    public static func build(_ sources: consuming [SourceEvents], timers: LicensingTimers = .cucm, correctSkew: Bool = true)
        -> MergedTimeline
    {
        var shifted: [SourceEvents] = sources
        let present = Set(shifted.map(\.kind))
        let capture = shifted.filter { $0.kind == .capture }.flatMap(\.events)
        // Without capture events there is no skew to find (the estimate needs both sides): the text events are
        // not gathered for it then.
        var skew: SkewEstimate?
        var skewEvents: [Event] = []
        if !capture.isEmpty {
            let text = shifted.filter { $0.kind != .capture && $0.kind != .cli }.flatMap(\.events)
            skew = ClockSkew.estimate(logEvents: text, captureEvents: capture)
            skewEvents = skew.map { [skewEvent($0, logs: text)] } ?? []
        }
        if correctSkew, let skew, abs(skew.offsetSeconds) >= ClockSkew.negligible {
            shifted = shifted.map { group in
                guard group.kind != .capture, group.kind != .cli else { return group }
                var g = group
                g.events = group.events.map { shift($0, by: skew.offsetSeconds) }
                return g
            }
        }
        let offset = correctSkew ? (skew.map { abs($0.offsetSeconds) >= ClockSkew.negligible ? $0.offsetSeconds : 0 } ?? 0) : 0
        let coverage = shifted.filter { $0.kind == .licenseManagerLog }.compactMap { group -> DateInterval? in
            let times = group.events.compactMap { $0.time?.instant }
            let lo = [times.min(), group.span.map { $0.start + offset }].compactMap { $0 }.min()
            let hi = [times.max(), group.span.map { $0.end + offset }].compactMap { $0 }.max()
            guard let lo, let hi, hi > lo else { return nil }
            return DateInterval(start: lo, end: hi)
        }
        var all = shifted.flatMap(\.events)
        shifted = []
        let replay = Replay.run(all, timers: timers, activityCoverage: coverage)
        all += derivedEvents(replay) + skewEvents
        return MergedTimeline(
            events: timelineOrdered(all), replay: replay, skew: skew, present: present, coverage: coverage)
    }

    /// `events` in ``Event/timelineOrder(_:_:)``, sorting indices against instants read once, so the sort moves
    /// integers rather than events (a dense trace holds hundreds of thousands).
    static func timelineOrdered(_ events: [Event]) -> [Event] {
        let instants = events.map { $0.time?.instant }
        let sorted = events.indices.sorted { a, b in
            switch (instants[a], instants[b]) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return Event.timelineOrder(events[a], events[b])
            }
        }
        return sorted.map { events[$0] }
    }

    /// Moves a text event onto the capture clock and says so.
    static func shift(_ e: Event, by offset: Double) -> Event {
        guard var t = e.time else { return e }
        var copy = e
        t.instant += offset
        let (zone, clock) = ClockSkew.split(offset)
        let why = zone == 0 ? "clock error \(ClockSkew.duration(clock))"
            : "zone correction \(ClockSkew.duration(Double(zone))), clock error \(ClockSkew.duration(clock))"
        t.assumptions.append("shifted \(ClockSkew.duration(offset)) onto the capture clock (\(why), from attempts matched in logs and captures)")
        copy.time = t
        return copy
    }

    /// The skew as an event rules can judge (`clock-skew` on the clock error), placed at the first matched log
    /// attempt, with the matched pairs.
    static func skewEvent(_ s: SkewEstimate, logs: [Event]) -> Event {
        let first = s.pairs.first?.first
        let at = logs.first { $0.source == first }?.time?.instant
        let pairs = s.pairs.map { FieldValue.string($0.map(\.description).joined(separator: " <-> ")) }
        return Event(
            kind: .clockSkew, time: at.map { EventTime(instant: $0 + s.offsetSeconds, raw: ($0 + s.offsetSeconds).iso8601UTC) },
            source: first ?? SourcePointer(path: "timeline", location: .file),
            fields: [
                "offset_seconds": .double(s.offsetSeconds), "zone_offset_seconds": .int(s.zoneOffsetSeconds),
                "clock_error_seconds": .double(s.clockErrorSeconds),
                "clock_error_abs_seconds": .double(abs(s.clockErrorSeconds)),
                "threshold_seconds": .double(ClockSkew.clockErrorThreshold), "matched_pairs": .int(s.matchedPairs),
                "pairs": .list(pairs), "interpretation": .string(s.interpretation),
            ])
    }

    /// The engine's transitions and anomalies as events, so rules can select on them.
    static func derivedEvents(_ r: ReplayResult) -> [Event] {
        var out: [Event] = []
        for t in r.transitions {
            out.append(
                Event(
                    kind: .stateTransition, time: EventTime(instant: t.at, raw: t.at.iso8601UTC),
                    source: t.evidence.first ?? SourcePointer(path: "engine", location: .file),
                    fields: ["dimension": .string(t.dimension.rawValue), "from": .string(t.from), "to": .string(t.to),
                        "cause": .string(t.cause)]))
        }
        for a in r.anomalies {
            var f: [String: FieldValue] = ["anomaly": .string(a.name.rawValue), "detail": .string(a.detail)]
            if let x = a.field { f["field"] = .string(x) }
            if let x = a.printed { f["printed"] = .time(x) }
            if let x = a.derived { f["derived"] = .time(x) }
            if let x = a.expectedAt { f["expected_at"] = .time(x) }
            out.append(
                Event(
                    kind: .engineAnomaly, time: a.at.map { EventTime(instant: $0, raw: $0.iso8601UTC) },
                    source: a.evidence.first ?? SourcePointer(path: "engine", location: .file), fields: f))
        }
        return out
    }
}
