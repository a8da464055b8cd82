import Foundation
import LicensingModel

/// Everything a replay of the evidence through the engine yields.
public struct ReplayResult: Sendable {
    /// The engine after the last event (time at the last evidence).
    public var engine: LicensingEngine
    /// State intervals per dimension, from the first evidence on.
    public var intervals: [StateInterval]
    /// All transitions, in order.
    public var transitions: [Transition]
    /// All anomalies, including expected activity that never shows up.
    public var anomalies: [EngineAnomaly]
    /// Each snapshot checked against the replayed state.
    public var snapshotChecks: [SnapshotCheck]
    /// Deadlines ahead of the last evidence.
    public var deadlines: [Deadline]
    /// The printed instants placed on the replay, in order; `inferred` ones are derived from printed deadlines.
    public var anchors: [PrintedAnchor]
    /// What the engine projects if no communication succeeds after the last evidence: timer transitions, in order.
    public var runway: [Transition]
    /// Compact per-dimension histories, one letter per state in order (`registration: UR`, `authorization: NeAx`;
    /// letters in ``History``), bounded in length.
    public var history: [StateDimension: String]
    /// The first and last evidence instants.
    public var evidenceStart: Date?
    /// The last evidence instant.
    public var evidenceEnd: Date?

    /// The state in force at `instant`, from the intervals.
    public func value(of dimension: StateDimension, at instant: Date) -> String? {
        intervals.last { $0.dimension == dimension && $0.contains(instant) }?.value
    }
}

/// Replays a set of events through one ``LicensingEngine``.
public enum Replay {
    /// Runs the replay.
    /// - Parameters:
    ///   - events: the events, in any order; they are put in timeline order (untimed configuration first,
    ///     then by instant; at one instant, attempts before the snapshot that reports them).
    ///   - timers: the timers in force.
    ///   - activityCoverage: spans during which License Manager traces were being written; expected activity
    ///     due inside them that never shows up becomes an anomaly.
    ///   - horizon: how far past the last evidence the runway looks (default 2 years).
    public static func run(
        _ events: [Event], timers: LicensingTimers = .cucm, activityCoverage: [DateInterval] = [],
        horizon: TimeInterval = 2 * 365 * 86_400
    ) -> ReplayResult {
        var events = events
        return run(inPlace: &events, timers: timers, activityCoverage: activityCoverage, horizon: horizon)
    }

    /// Runs the replay like ``run(_:timers:activityCoverage:horizon:)`` without a second copy of the events: they
    /// are put in replay order in place, and back in their given order before it returns.
    public static func run(
        inPlace events: inout [Event], timers: LicensingTimers = .cucm, activityCoverage: [DateInterval] = [],
        horizon: TimeInterval = 2 * 365 * 86_400
    ) -> ReplayResult {
        let permutation = orderIndices(events)
        events.permute(by: permutation)
        defer { events.permute(by: [Event].inverse(of: permutation)) }
        return replay(ordered: events, timers: timers, activityCoverage: activityCoverage, horizon: horizon)
    }

    private static func replay(
        ordered: [Event], timers: LicensingTimers, activityCoverage: [DateInterval], horizon: TimeInterval
    ) -> ReplayResult {
        let anchors = PrintedAnchors.find(in: ordered, timers: timers, coverage: activityCoverage)
        // Over every occurrence of folded events too.
        let ranges = ordered.compactMap(\.instantRange)
        let start = (ranges.map(\.lowerBound) + anchors.map(\.at)).min()
        let end = ranges.map(\.upperBound).max()
        var engine = LicensingEngine(timers: timers, origin: start ?? Date(timeIntervalSince1970: 0))
        engine.printedExpiries = anchors.filter { !$0.inferred }
        let sequence = EngineSequence(ordered, end: end)
        // Printed instants go in at their own time, before evidence at the same instant.
        var pending = anchors[...]
        for e in sequence {
            if e.time != nil || e.kind == .statusSnapshot {
                let bound = e.time?.instant ?? .distantFuture
                while let a = pending.first, a.at <= bound {
                    engine.apply(a)
                    pending = pending.dropFirst()
                }
            }
            engine.apply(e)
        }
        for a in pending { engine.apply(a) }
        // Timers the last evidence armed already past due belong to the history, not to the runway ahead.
        if let end { engine.advance(to: end) }
        var anomalies = engine.anomalies
        anomalies += ExpectedActivity.missing(
            events: ordered, engineSequence: sequence, engine: engine, coverage: activityCoverage, timers: timers)
        var projection = engine
        let runway = end.map { projection.advance(to: $0 + horizon) } ?? []
        return ReplayResult(
            engine: engine, intervals: Intervals.build(
                engine.transitions, start: start, initial: engine.initialState, sources: engine.initialSources),
            transitions: engine.transitions, anomalies: anomalies, snapshotChecks: engine.snapshotChecks,
            deadlines: Deadlines.ahead(of: engine, after: end), anchors: engine.anchors, runway: runway,
            history: History.strings(engine.transitions, initial: engine.initialState), evidenceStart: start, evidenceEnd: end)
    }

    /// Timeline order for the engine: untimed first (configuration), then by instant; at one instant, by the rank
    /// the vocabulary declares for each kind (``KindSpec/rank``: registration before the authorization it enables, then other activity, then usage, then the
    /// snapshot that reports them), then by source, kind and fields — a total order, so
    /// the replay does not depend on the order files were read in.
    public static func order(_ events: [Event]) -> [Event] {
        orderIndices(events).map { events[$0] }
    }

    /// The indices of `events` in ``order(_:)``.
    static func orderIndices(_ events: [Event]) -> [Int] {
        // Indices are sorted against keys computed once, so the sort moves integers, not events.
        let bands = events.map(band)
        let instants = events.map { $0.time?.instant }
        let ranks = events.map { priority($0.kind) }
        let sorted = events.indices.sorted { a, b in
            if bands[a] != bands[b] { return bands[a] < bands[b] }
            if let ta = instants[a], let tb = instants[b], ta != tb { return ta < tb }
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            return tieBreak(events[a], events[b]) ?? (a < b)
        }
        return sorted
    }

    /// Whether `a` comes strictly before `b` in ``order(_:)`` (false for events that tie in every key).
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        let (ba, bb) = (band(a), band(b))
        if ba != bb { return ba < bb }
        if let ta = a.time?.instant, let tb = b.time?.instant, ta != tb { return ta < tb }
        let (ra, rb) = (priority(a.kind), priority(b.kind))
        if ra != rb { return ra < rb }
        return tieBreak(a, b) ?? false
    }

    /// The rank each kind declares in the vocabulary (`KindSpec.rank`).
    private static func priority(_ k: EventKind) -> ReplayRank { k.spec?.rank ?? .activity }

    /// Untimed configuration goes first; an untimed `show license` output goes last (it was taken at some point the
    /// evidence does not say, most likely when the bundle was collected).
    private static func band(_ e: Event) -> Int { e.time != nil ? 1 : (e.kind == .statusSnapshot ? 2 : 0) }

    /// Source, kind, then fields; nil when all three tie.
    private static func tieBreak(_ a: Event, _ b: Event) -> Bool? {
        if a.source != b.source { return a.source < b.source }
        if a.kind != b.kind { return a.kind < b.kind }
        let (fa, fb) = (fieldKey(a), fieldKey(b))
        return fa != fb ? fa < fb : nil
    }

    private static func fieldKey(_ e: Event) -> String {
        e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: ";")
    }
}
