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
    ///
    /// The node's own clock is the reference for the licensing timeline: its traces and its `show license` outputs
    /// agree with each other. A log-vs-capture offset is split into a zone part (applied to the text evidence: its
    /// zone was misread) and a clock error. A clock error above the matching noise moves the capture's events onto
    /// the node's clock for correlation, since either host may be the one that is off; only when the engine finds
    /// the node's own clock wrong (CSSM-issued deadlines shifted consistently: its `clock_skew` anomaly) is the
    /// capture's clock taken as the reference and the text evidence moved onto it.
    /// - Parameters:
    ///   - sources: events per input file.
    ///   - timers: the timers in force.
    ///   - correctSkew: correct a found skew (zone part onto the text, clock error as above).
    ///   The sources are consumed: their events are moved into the timeline, not held twice (only a clock error
    ///   between a capture and the node keeps them, for the rare second placement when the node's clock is suspect).
    ///   - textZoneConfirmed: the zone the text evidence was read in is confirmed by the node's own outputs (an
    ///   attempt a `show license` output prints with its zone is logged at the same wall time): then no part of a
    ///   log-vs-capture offset is a zone misreading, and the whole of it is a clock difference.
    public static func build(
        _ sources: consuming [SourceEvents], timers: LicensingTimers = .cucm, correctSkew: Bool = true,
        textZoneConfirmed: Bool = false
    ) -> MergedTimeline {
        var input: [SourceEvents] = consume sources
        let present = Set(input.map(\.kind))
        // The nodes' own NTP state (few events, CLI outputs only), for the clock error's attribution.
        let ntpStatuses = input.filter { $0.kind == .cli }.flatMap { $0.events.filter { $0.kind == .ntpStatus } }
        let capture = input.filter { $0.kind == .capture }.flatMap(\.events)
        // Without capture events there is no skew to find (the estimate needs both sides): the text events are
        // not gathered for it then.
        var skew: SkewEstimate?
        var text: [Event] = []
        if !capture.isEmpty {
            // Only attempts can pair with the wire: the rest of the text evidence is not copied for it.
            // Each occurrence of a folded attempt pairs on its own.
            text = input.filter { $0.kind != .capture && $0.kind != .cli }
                .flatMap { $0.events.filter { ClockSkew.logAttemptKinds.contains($0.kind) }.unfolded() }
            skew = ClockSkew.estimate(logEvents: text, captureEvents: capture)
            if let s = skew { skew?.nodeNtp = NodeNtp.nearest(ntpStatuses, to: s.pairs.first?.first?.path) }
        }
        if textZoneConfirmed, let s = skew {
            skew?.zoneOffsetSeconds = 0
            skew?.clockErrorSeconds = s.offsetSeconds
        }
        let parts: (zone: Double, clock: Double) = skew.map { (Double($0.zoneOffsetSeconds), $0.clockErrorSeconds) } ?? (0, 0)
        let zonePart = correctSkew ? parts.zone : 0
        let clockError = correctSkew && abs(parts.clock) >= ClockSkew.matchingNoise ? parts.clock : 0
        let applied = zonePart + clockError
        let kept = clockError != 0 ? input : []
        var merged = merge(&input, textShift: zonePart, captureShift: -clockError, timers: timers)
        var nodeClockSuspect = false
        if clockError != 0, let found = merged.replay.anomalies.first(where: { $0.name == .clockSkew }) {
            // The node's own clock is the wrong one: everything it dated — its traces and the instants its outputs
            // print by its clock — moves onto the capture's clock. CSSM-issued instants inside an output (deadlines)
            // are CSSM's and stay in the snapshot as printed.
            nodeClockSuspect = true
            var again = kept
            merged = merge(&again, textShift: applied, captureShift: 0, cliShift: clockError, timers: timers)
            // On the capture clock the node's times agree with CSSM's; the anomaly that showed they did not on the
            // node's own clock stays in the report, as the reason for the rebuild.
            if !merged.replay.anomalies.contains(where: { $0.name == .clockSkew }) {
                var kept = found
                kept.detail += " (the timeline is rebuilt on the capture's clock, where they agree)"
                merged.replay.anomalies.append(kept)
            }
        }
        if let s = skew {
            skew?.nodeClockSuspect = nodeClockSuspect
            skew?.interpretation = ClockSkew.interpret(
                s.offsetSeconds, nodeClockSuspect: nodeClockSuspect, zoneConfirmed: textZoneConfirmed, ntp: s.nodeNtp)
        }
        let skewEvents = skew.map { [skewEvent($0, logs: text, placedAt: nodeClockSuspect ? applied : zonePart)] } ?? []
        text = []
        var all = merged.all
        merged.all = []
        all += derivedEvents(merged.replay) + skewEvents
        all.permute(by: timelineIndices(all))
        return MergedTimeline(
            events: all, replay: merged.replay, skew: skew, present: present, coverage: merged.coverage)
    }

    /// The events with text moved by `textShift` and captures by `captureShift`, the trace coverage, the replay.
    /// `sources` is emptied: its events move into the result.
    static func merge(
        _ sources: inout [SourceEvents], textShift: Double, captureShift: Double, cliShift: Double = 0,
        timers: LicensingTimers
    ) -> (all: [Event], coverage: [DateInterval], replay: ReplayResult) {
        var shifted = sources.map { group -> SourceEvents in
            var g = group
            guard group.kind != .cli else {
                if cliShift != 0 { g.events = group.events.map { shift($0, by: cliShift) } }
                return g
            }
            if group.kind == .capture {
                if captureShift != 0 { g.events = group.events.map { placeOnNodeClock($0, by: captureShift) } }
            } else if textShift != 0 {
                g.events = group.events.map { shift($0, by: textShift) }
            }
            return g
        }
        sources = []
        let coverage = shifted.filter { $0.kind == .licenseManagerLog }.compactMap { group -> DateInterval? in
            let ranges = group.events.indices.compactMap { group.events.instantRange(at: $0) }
            let lo = [ranges.map(\.lowerBound).min(), group.span.map { $0.start + textShift }].compactMap { $0 }.min()
            let hi = [ranges.map(\.upperBound).max(), group.span.map { $0.end + textShift }].compactMap { $0 }.max()
            guard let lo, let hi, hi > lo else { return nil }
            return DateInterval(start: lo, end: hi)
        }
        // One array of every event, each group's own released as it is taken (never two copies of a big trace).
        var all: [Event] = []
        if shifted.count == 1 {
            swap(&all, &shifted[0].events)
        } else {
            all.reserveCapacity(shifted.reduce(0) { $0 + $1.events.count })
            for i in shifted.indices {
                all += shifted[i].events
                shifted[i].events = []
            }
        }
        shifted = []
        let replay = Replay.run(all, timers: timers, activityCoverage: coverage)
        return (all, coverage, replay)
    }

    /// The indices of `events` in ``Event/timelineOrder(_:_:)``, sorted against instants read once, so the sort
    /// moves integers rather than events (a dense trace holds hundreds of thousands) and the events are then
    /// reordered in place. A folded event takes its earliest occurrence's place, where its first repeat appears.
    static func timelineIndices(_ events: [Event]) -> [Int] {
        var instants: [Date?] = []
        instants.reserveCapacity(events.count)
        // Read in place: mapping over the events would copy each one.
        for k in events.indices { instants.append(events.instantRange(at: k)?.lowerBound) }
        let sorted = events.indices.sorted { a, b in
            switch (instants[a], instants[b]) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return Event.timelineOrder(events[a], events[b])
            }
        }
        return sorted
    }

    /// Moves a capture event onto the node's clock and says so.
    static func placeOnNodeClock(_ e: Event, by shift: Double) -> Event {
        guard var t = e.time else { return e }
        var copy = e
        t.instant += shift
        t.assumptions.append("placed \(DurationFormat.compact.text(shift, signed: true)) onto the node's clock for correlation (capture clock and node clock differ by \(DurationFormat.compact.text(-shift, signed: true)); the node's clock is the licensing timeline's reference)")
        copy.time = t
        copy.repeats?.shift(by: shift)
        return copy
    }

    /// Moves a text event by `offset` (a zone correction, and a clock error when the node's clock is the wrong one)
    /// and says so.
    static func shift(_ e: Event, by offset: Double) -> Event {
        guard e.time != nil || e.snapshot != nil else { return e }
        var copy = e
        let (zone, clock) = ClockSkew.split(offset)
        let why = zone == 0 ? "clock error \(DurationFormat.compact.text(clock, signed: true))"
            : clock == 0 ? "zone correction \(DurationFormat.compact.text(Double(zone), signed: true))"
            : "zone correction \(DurationFormat.compact.text(Double(zone), signed: true)), clock error \(DurationFormat.compact.text(clock, signed: true))"
        let note = "shifted \(DurationFormat.compact.text(offset, signed: true)) onto the capture clock (\(why), from attempts matched in logs and captures)"
        if var t = e.time {
            t.instant += offset
            t.assumptions.append(note)
            copy.time = t
        }
        copy.repeats?.shift(by: offset)
        // The times an output prints by the node's clock move with it; CSSM-issued ones stay as printed.
        if let s = e.snapshot { copy.snapshot = s.movingNodeClockTimes(by: offset, note: note) }
        return copy
    }

    /// The skew as an event rules can judge (`clock-skew` on the clock error), placed at the first matched log
    /// attempt, with the matched pairs.
    static func skewEvent(_ s: SkewEstimate, logs: [Event], placedAt shift: Double) -> Event {
        let first = s.pairs.first?.first
        let at = logs.first { $0.source == first }?.time?.instant
        let pairs = s.pairs.map { FieldValue.string($0.map(\.description).joined(separator: " <-> ")) }
        var ntp: [String: FieldValue] = [:]
        if let n = s.nodeNtp {
            ntp = ["node_ntp": .string(n.bearing.rawValue), "node_ntp_state": .string(n.state),
                "node_ntp_source": .string(n.source.description)]
            if let ms = n.offsetMs { ntp["node_ntp_offset_ms"] = .double(ms) }
        }
        // Which clock is likelier off is said only of a clock error at or above the threshold (a finding).
        var attribution: [String: FieldValue] = [:]
        if abs(s.clockErrorSeconds) >= ClockSkew.clockErrorThreshold {
            attribution = ["likelier_wrong_clock": .string(SkewAttribution(s).rawValue),
                "attribution": .string(SkewAttribution.sentence(s))]
        }
        return Event(
            kind: .clockSkew, time: at.map { EventTime(instant: $0 + shift, raw: ($0 + shift).iso8601UTC) },
            source: first ?? SourcePointer(path: "timeline", location: .file),
            fields: [
                "offset_seconds": .double(s.offsetSeconds), "zone_offset_seconds": .int(s.zoneOffsetSeconds),
                "clock_error_seconds": .double(s.clockErrorSeconds),
                "clock_error_abs_seconds": .double(abs(s.clockErrorSeconds)),
                "threshold_seconds": .double(ClockSkew.clockErrorThreshold), "matched_pairs": .int(s.matchedPairs),
                "pairs": .list(pairs), "interpretation": .string(s.interpretation),
                "node_clock_suspect": .bool(s.nodeClockSuspect),
            ].merging(ntp) { $1 }.merging(attribution) { $1 })
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
