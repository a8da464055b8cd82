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
    ///   - events: the events, in any order; they are replayed in timeline order (untimed configuration first,
    ///     then by instant; at one instant, attempts before the snapshot that reports them).
    ///   - timers: the timers in force.
    ///   - activityCoverage: spans during which License Manager traces were being written; expected activity
    ///     due inside them that never shows up becomes an anomaly.
    ///   - horizon: how far past the last evidence the runway looks (default 2 years).
    public static func run(
        _ events: [Event], timers: LicensingTimers = .cucm, activityCoverage: [DateInterval] = [],
        horizon: TimeInterval = 2 * 365 * 86_400
    ) -> ReplayResult {
        // The events stay where they are: the replay visits them through their sorted indices (a busy trace holds
        // hundreds of thousands, and moving or copying each one costs a retain and a release per string it holds).
        replay(events, order: orderIndices(events), timers: timers, activityCoverage: activityCoverage, horizon: horizon)
    }

    private static func replay(
        _ events: [Event], order: [Int], timers: LicensingTimers, activityCoverage: [DateInterval],
        horizon: TimeInterval
    ) -> ReplayResult {
        let anchors = PrintedAnchors.find(in: events, timers: timers, coverage: activityCoverage)
        // Over every occurrence of folded events too.
        var first: Date?
        var end: Date?
        for k in events.indices {
            guard let r = events.instantRange(at: k) else { continue }
            first = first.map { min($0, r.lowerBound) } ?? r.lowerBound
            end = end.map { max($0, r.upperBound) } ?? r.upperBound
        }
        let start = ([first].compactMap { $0 } + anchors.map(\.at)).min()
        var engine = LicensingEngine(timers: timers, origin: start ?? Date(timeIntervalSince1970: 0))
        engine.printedExpiries = anchors.filter { !$0.inferred }
        let sequence = EngineSequence(events, order: order, end: end)
        // Printed instants go in at their own time, before evidence at the same instant.
        var pending = anchors[...]
        // The successes a renewal schedule is anchored on (``ExpectedActivity``), noted in the one walk.
        var successes: [ExpectedActivity.Anchor] = []
        for step in sequence {
            if let a = ExpectedActivity.anchor(sequence, step) { successes.append(a) }
            let instant = sequence.instant(step)
            let kind = sequence.kind(step)
            if instant != nil || kind == .statusSnapshot {
                let bound = instant ?? .distantFuture
                while let a = pending.first, a.at <= bound {
                    engine.apply(a)
                    pending = pending.dropFirst()
                }
            }
            // The event itself is handed over only when the engine acts on it; any other only moves time.
            if LicensingEngine.actsOn.contains(kind) {
                engine.apply(sequence.event(step))
            } else {
                engine.pass(kind, at: instant, source: sequence.source(step))
            }
        }
        for a in pending { engine.apply(a) }
        // Timers the last evidence armed already past due belong to the history, not to the runway ahead.
        if let end { engine.advance(to: end) }
        var anomalies = engine.anomalies
        anomalies += ExpectedActivity.missing(
            events: events, anchors: successes, engine: engine, coverage: activityCoverage, timers: timers)
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
        // Indices are sorted against keys computed once, so the sort moves integers, not events (and the keys are
        // read in place: mapping over the events would copy each one).
        var bands: [Int] = []
        var instants: [Date?] = []
        var ranks: [ReplayRank] = []
        bands.reserveCapacity(events.count)
        instants.reserveCapacity(events.count)
        ranks.reserveCapacity(events.count)
        for k in events.indices {
            bands.append(band(timed: events[k].time != nil, kind: events[k].kind))
            instants.append(events[k].time?.instant)
            ranks.append(priority(events[k].kind))
        }
        let sorted = events.indices.sorted { a, b in
            if bands[a] != bands[b] { return bands[a] < bands[b] }
            if let ta = instants[a], let tb = instants[b], ta != tb { return ta < tb }
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            return tieBreak(events[a].source, events[a], events[b].source, events[b]) ?? (a < b)
        }
        return sorted
    }

    /// Whether occurrence `oa` of `a[i]` comes before occurrence `ob` of `b[j]` in ``order(_:)`` (an occurrence nil:
    /// the event itself, not folded), as the single events they were read as (``Event/occurrence(_:)``); nil when
    /// they tie in every key. The keys are read in place; the events are compared whole only when every other key
    /// ties.
    static func ordered(
        _ a: [Event], _ i: Int, _ oa: OccurrencesInTimeOrder.Occurrence?,
        _ b: [Event], _ j: Int, _ ob: OccurrencesInTimeOrder.Occurrence?
    ) -> Bool? {
        let (ba, bb) = (band(timed: a[i].time != nil, kind: a[i].kind), band(timed: b[j].time != nil, kind: b[j].kind))
        if ba != bb { return ba < bb }
        if let ta = a[i].time?.instant, let tb = b[j].time?.instant {
            let (xa, xb) = (oa?.instant ?? ta, ob?.instant ?? tb)
            if xa != xb { return xa < xb }
        }
        let (ra, rb) = (priority(a[i].kind), priority(b[j].kind))
        if ra != rb { return ra < rb }
        let sa = oa.map { SourcePointer(path: a[i].source.path, location: $0.location) } ?? a[i].source
        let sb = ob.map { SourcePointer(path: b[j].source.path, location: $0.location) } ?? b[j].source
        return tieBreak(sa, a[i], sb, b[j])
    }

    /// The rank each kind declares in the vocabulary (`KindSpec.rank`).
    private static func priority(_ k: EventKind) -> ReplayRank { k.spec?.rank ?? .activity }

    /// Untimed configuration goes first; an untimed `show license` output goes last (it was taken at some point the
    /// evidence does not say, most likely when the bundle was collected).
    private static func band(timed: Bool, kind: EventKind) -> Int { timed ? 1 : (kind == .statusSnapshot ? 2 : 0) }

    /// Source (`sa` for `a`, `sb` for `b`: an occurrence's), kind, then fields; nil when all three tie.
    private static func tieBreak(_ sa: SourcePointer, _ a: Event, _ sb: SourcePointer, _ b: Event) -> Bool? {
        if sa != sb { return sa < sb }
        if a.kind != b.kind { return a.kind < b.kind }
        let (fa, fb) = (fieldKey(a), fieldKey(b))
        return fa != fb ? fa < fb : nil
    }

    private static func fieldKey(_ e: Event) -> String {
        e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: ";")
    }
}
