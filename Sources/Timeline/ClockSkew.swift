import Foundation
import LicensingModel

/// An estimate of how far the log clock sits from the capture clock, from attempts seen on both sides.
public struct SkewEstimate: Hashable, Sendable, Codable {
    /// Seconds to add to log (text) times to put them on the capture clock.
    public var offsetSeconds: Double
    /// How many log attempts matched a capture attempt at that offset.
    public var matchedPairs: Int
    /// How many log attempts (those within 14 hours of the capture's) and capture attempts were considered.
    public var logAttempts: Int
    public var captureAttempts: Int
    /// Pointers to the matched pairs (log, capture), bounded.
    public var pairs: [[SourcePointer]]
    /// What the offset probably means (`the zone assumed for IST is probably wrong …`).
    public var interpretation: String
    /// The part of the offset that is a zone misreading: whole quarter hours (30 minutes or more), else 0.
    public var zoneOffsetSeconds: Int = 0
    /// The rest: how far the two clocks disagree (positive when the capture clock is ahead of the log clock).
    public var clockErrorSeconds: Double = 0
    /// Whether the engine found the node's own clock wrong (CSSM-issued deadlines shifted consistently), which makes
    /// the capture's clock the reference; otherwise the node's clock is, and a clock error may be either host's.
    public var nodeClockSuspect: Bool = false
    /// The node's own `utils ntp status`, when the bundle holds one near the logs: it supports or contradicts the
    /// clock error's attribution (it shows the node's NTP state when the command ran, not when the logs were written).
    public var nodeNtp: NodeNtp?
}

/// Estimates clock skew between License Manager logs and captures by correlating communication attempts in
/// the logs with connection ladders in the captures.
///
/// Attempts are grouped first: log lines (or capture ladders) less than the tolerance apart are one attempt (a
/// request and its failure, a retried connect), represented by its first line, so one attempt is never paired
/// twice. Every candidate offset (capture time − log time over all pairs within ±14 hours) is scored by how many
/// log attempts it aligns one-to-one with a capture attempt within the tolerance; the best-supported offset wins,
/// the smallest one on ties, and the estimate is the median of the matched pairs' own offsets.
public enum ClockSkew {
    /// Log-side kinds that mark an attempt toward Cisco, as the vocabulary declares them (`KindSpec.attemptClock`).
    public static let logAttemptKinds = EventVocabulary.kinds { $0.attemptClock == .log }
    /// Log-side kinds that mark an attempt's start (`registration.requested`), not its outcome.
    public static let requestKinds = logAttemptKinds.filter { $0.rawValue.hasSuffix(".requested") }
    /// Capture-side kinds that mark an attempt.
    public static let captureAttemptKinds = EventVocabulary.kinds { $0.attemptClock == .capture }

    /// How many candidate offsets are aligned in full.
    public static let maxTried = 50

    /// Offsets smaller than this are reported as no skew.
    public static let negligible: TimeInterval = 2

    /// The matching noise: attempts this close count as one, and a clock error below it (trace rounding, the
    /// time between a logged request and its packets) is reported but never applied to the text evidence.
    public static let matchingNoise: TimeInterval = 5

    /// A clock error at or above this is a clock problem worth a finding (rule `clock-skew`): 90 seconds, well
    /// above capture-to-log latency and trace rounding, well below the hour CSSM tolerates.
    public static let clockErrorThreshold: TimeInterval = 90

    /// Estimates the skew.
    /// - Parameters:
    ///   - logEvents: events read from text sources.
    ///   - captureEvents: events read from captures.
    ///   - tolerance: how close two attempts must be, after the shift, to count as the same attempt.
    /// - Returns: nil when there are not enough attempts on both sides (two matched pairs are required, or one
    ///   when each side holds exactly one attempt).
    public static func estimate(logEvents: [Event], captureEvents: [Event], tolerance: TimeInterval = matchingNoise)
        -> SkewEstimate?
    {
        // The capture side first: without a capture attempt nothing pairs, and only log attempts within the
        // pairing window of one are copied and sorted (a long trace holds far more than a capture spans).
        let caps = attempts(captureEvents.filter { captureAttemptKinds.contains($0.kind) }, gap: tolerance)
        guard let firstCapture = caps.first?.0, let lastCapture = caps.last?.0, caps.count <= 20_000 else { return nil }
        let window: TimeInterval = 14 * 3600
        let reach = (firstCapture - window - tolerance)...(lastCapture + window + tolerance)
        let logs = attempts(logEvents.filter { e in
            logAttemptKinds.contains(e.kind) && e.time.map { reach.contains($0.instant) } == true
        }, gap: tolerance)
        guard !logs.isEmpty, logs.count <= 20_000 else { return nil }
        var candidates: [Double] = []
        for (lt, _) in logs.prefix(500) {
            for (ct, _) in caps.prefix(500) where abs(ct.timeIntervalSince(lt)) <= window {
                candidates.append(ct.timeIntervalSince(lt))
            }
        }
        // Bucket the candidate offsets by the second and try only the best-supported buckets: the work stays
        // bounded (at most `maxTried` alignments) however many attempts the evidence holds.
        var buckets: [Double: Int] = [:]
        for c in candidates { buckets[c.rounded(), default: 0] += 1 }
        let tried = buckets.sorted { $0.value != $1.value ? $0.value > $1.value : abs($0.key) < abs($1.key) }
            .prefix(maxTried).map(\.key)
        var best: (offset: Double, pairs: [(Event, Event)])?
        for d in tried.sorted(by: { abs($0) < abs($1) }) {
            let pairs = match(logs, caps, offset: d, tolerance: tolerance)
            if pairs.count > (best?.pairs.count ?? 0) { best = (d, pairs) }
        }
        guard let best else { return nil }
        let enough = best.pairs.count >= 2 || (logs.count == 1 && caps.count == 1 && best.pairs.count == 1)
        guard enough else { return nil }
        // Refine: the median of the matched pairs' own offsets. A logged request and a ladder both mark an attempt's
        // start; a logged failure marks its end (a timeout later) and may sit nearer the next retry's ladder, so
        // request pairs, when there are any, are the measure.
        let starts = best.pairs.filter { requestKinds.contains($0.0.kind) }
        let offsets = (starts.isEmpty ? best.pairs : starts).compactMap { pair -> Double? in
            guard let c = pair.1.time?.instant, let l = pair.0.time?.instant else { return nil }
            return c.timeIntervalSince(l)
        }.sorted()
        let n = offsets.count
        let median = n == 0 ? best.offset : n % 2 == 1 ? offsets[n / 2] : (offsets[n / 2 - 1] + offsets[n / 2]) / 2
        return SkewEstimate(
            offsetSeconds: median, matchedPairs: best.pairs.count, logAttempts: logs.count, captureAttempts: caps.count,
            pairs: best.pairs.prefix(10).map { [$0.0.source, $0.1.source] },
            interpretation: interpret(median), zoneOffsetSeconds: split(median).zone, clockErrorSeconds: split(median).clock)
    }

    /// The attempts among `events`, in time order: an event less than `gap` after the previous one belongs to
    /// the same attempt, which is represented by its first event.
    static func attempts(_ events: [Event], gap: TimeInterval) -> [(Date, Event)] {
        let timed = events.compactMap { e in e.time.map { ($0.instant, e) } }.sorted { $0.0 < $1.0 }
        var out: [(Date, Event)] = []
        var last: Date?
        for (t, e) in timed {
            defer { last = t }
            if let last, t.timeIntervalSince(last) < gap { continue }
            out.append((t, e))
        }
        return out
    }

    /// The part of an offset to apply to text evidence: the zone part, plus the clock error when it is above the
    /// matching noise (a smaller one is indistinguishable from trace rounding and request-to-packet latency).
    public static func applied(_ offset: Double) -> Double {
        let (zone, clock) = split(offset)
        return Double(zone) + (abs(clock) >= matchingNoise ? clock : 0)
    }

    private static func match(_ logs: [(Date, Event)], _ caps: [(Date, Event)], offset: Double, tolerance: TimeInterval)
        -> [(Event, Event)]
    {
        var used = Set<Int>()
        var pairs: [(Event, Event)] = []
        var j = 0
        for (lt, le) in logs {
            let shifted = lt + offset
            while j < caps.count, caps[j].0 < shifted - tolerance { j += 1 }
            var k = j
            while k < caps.count, caps[k].0 <= shifted + tolerance {
                if !used.contains(k) {
                    used.insert(k)
                    pairs.append((le, caps[k].1))
                    break
                }
                k += 1
            }
        }
        return pairs
    }

    /// Splits a log-vs-capture offset into a zone part (the nearest whole number of quarter hours, when the offset is
    /// 30 minutes or more: no clock error that large is read as one) and the clock error (the rest).
    public static func split(_ offset: Double) -> (zone: Int, clock: Double) {
        guard abs(offset) >= 1800 else { return (0, offset) }
        let zone = Int(saturating: (offset / 900).rounded()).multipliedReportingOverflow(by: 900).partialValue
        return (zone, offset - Double(zone))
    }

    /// The offset in words: the zone part as a zone misreading (never NTP trouble), the clock error as a clock
    /// that is off when it reaches ``clockErrorThreshold``.
    /// `zoneConfirmed`: the logs' zone is confirmed by the node's own outputs, so the whole offset is a clock
    /// difference.
    /// `ntp`: the node's own `utils ntp status`, which supports or contradicts the attribution of a clock error.
    static func interpret(_ offset: Double, nodeClockSuspect: Bool = false, zoneConfirmed: Bool = false, ntp: NodeNtp? = nil)
        -> String
    {
        if abs(offset) < negligible { return "the log clock and the capture clock agree" }
        let (zone, clock) = zoneConfirmed ? (0, offset) : split(offset)
        var parts: [String] = []
        if zone != 0 {
            // Whole quarter hours look like a zone, and a node clock off by as much looks the same: nothing has
            // confirmed the zone here (a confirmed zone takes no zone part), so both readings are named.
            var text = "the log times are off by \(DurationFormat.compact.text(Double(zone), signed: true)) of zone offset from the capture: the zone the logs were read in is probably wrong (check the time zones section; override with --tz), or the node's clock is off by that much (the zone is not confirmed by the node's own output)"
            if let ntp, ntp.bearing == .nodeClockOff {
                text += "; \(ntp.described), so a node clock error is as likely as a zone [inferred]"
            }
            parts.append(text)
        }
        let relation = clock > 0 ? "ahead of" : "behind"
        let differ = "the capture clock is \(relation) the node clock by \(DurationFormat.compact.text(clock))"
        if abs(clock) >= matchingNoise, nodeClockSuspect {
            var text = "\(differ), and the node's own clock is found wrong (CSSM-issued deadlines shifted): the logs are moved onto the capture clock; check NTP on the product, `utils ntp status`"
            if let ntp, ntp.bearing != .inconclusive {
                text += ntp.bearing == .nodeClockOff ? "; \(ntp.described), which agrees"
                    : "; \(ntp.described) when it ran, so the node's clock may have been corrected since the logs were written [inferred]"
            }
            parts.append(text)
        } else if abs(clock) >= clockErrorThreshold, let ntp, ntp.bearing == .nodeClockOff {
            parts.append("\(differ): \(ntp.described), which makes the node's clock the likelier one off [inferred: the status is the node's state when the command ran]; the node's clock is still kept as the reference (no CSSM-issued deadline shows it off) and the capture placed on it")
        } else if abs(clock) >= clockErrorThreshold, let ntp, ntp.bearing == .nodeClockHeld {
            parts.append("\(differ): \(ntp.described), within \(Int(NodeNtp.offsetThresholdMs / 1000)) s of its NTP server when it ran, so the capturing host's clock is the likelier one off [inferred]; check the capturing host's NTP; the node's clock is kept as the reference and the capture placed on it")
        } else if abs(clock) >= clockErrorThreshold {
            parts.append("\(differ): either the capturing host's clock or the node's is off (nothing in the licensing evidence says the node's is; check `utils ntp status` and the capturing host's NTP); the node's clock is kept as the reference and the capture placed on it")
        } else if abs(clock) >= matchingNoise {
            parts.append("\(differ) (below the \(Int(clockErrorThreshold)) s threshold); the capture is placed on the node's clock")
        } else if abs(clock) >= negligible {
            parts.append("the clocks agree within the \(Int(matchingNoise)) s matching noise (\(DurationFormat.compact.text(clock, signed: true)) measured, not applied)")
        } else {
            parts.append("apart from that the clocks agree")
        }
        return parts.joined(separator: "; ")
    }
}
