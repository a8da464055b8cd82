import Foundation
import LicensingModel

/// An estimate of how far the log clock sits from the capture clock, from attempts seen on both sides.
public struct SkewEstimate: Hashable, Sendable, Codable {
    /// Seconds to add to log (text) times to put them on the capture clock.
    public var offsetSeconds: Double
    /// How many log attempts matched a capture attempt at that offset.
    public var matchedPairs: Int
    /// How many log attempts and capture attempts were considered.
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
}

/// Estimates clock skew between License Manager logs and captures by correlating communication attempts in
/// the logs with connection ladders in the captures.
///
/// Every candidate offset (capture time − log time over all pairs within ±14 hours) is scored by how many log
/// attempts it aligns with a capture attempt within the tolerance; the best-supported offset wins, the
/// smallest one on ties.
public enum ClockSkew {
    /// Log-side kinds that mark an attempt toward Cisco, as the vocabulary declares them (`KindSpec.attemptClock`).
    public static let logAttemptKinds = EventVocabulary.kinds { $0.attemptClock == .log }
    /// Capture-side kinds that mark an attempt.
    public static let captureAttemptKinds = EventVocabulary.kinds { $0.attemptClock == .capture }

    /// How many candidate offsets are aligned in full.
    public static let maxTried = 50

    /// Offsets smaller than this are reported as no skew.
    public static let negligible: TimeInterval = 2

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
    public static func estimate(logEvents: [Event], captureEvents: [Event], tolerance: TimeInterval = 5)
        -> SkewEstimate?
    {
        let logs = logEvents.filter { logAttemptKinds.contains($0.kind) }.compactMap { e in e.time.map { ($0.instant, e) } }
            .sorted { $0.0 < $1.0 }
        let caps = captureEvents.filter { captureAttemptKinds.contains($0.kind) }
            .compactMap { e in e.time.map { ($0.instant, e) } }.sorted { $0.0 < $1.0 }
        guard !logs.isEmpty, !caps.isEmpty, logs.count <= 20_000, caps.count <= 20_000 else { return nil }
        let window: TimeInterval = 14 * 3600
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
        // Refine: the median of the matched pairs' own offsets.
        let offsets = best.pairs.compactMap { pair -> Double? in
            guard let c = pair.1.time?.instant, let l = pair.0.time?.instant else { return nil }
            return c.timeIntervalSince(l)
        }.sorted()
        let median = offsets.isEmpty ? best.offset : offsets[offsets.count / 2]
        return SkewEstimate(
            offsetSeconds: median, matchedPairs: best.pairs.count, logAttempts: logs.count, captureAttempts: caps.count,
            pairs: best.pairs.prefix(10).map { [$0.0.source, $0.1.source] },
            interpretation: interpret(median), zoneOffsetSeconds: split(median).zone, clockErrorSeconds: split(median).clock)
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
        let zone = Int((offset / 900).rounded()) * 900
        return (zone, offset - Double(zone))
    }

    /// The offset in words: the zone part as a zone misreading (never NTP trouble), the clock error as a clock
    /// that is off when it reaches ``clockErrorThreshold``.
    static func interpret(_ offset: Double) -> String {
        if abs(offset) < negligible { return "the log clock and the capture clock agree" }
        let (zone, clock) = split(offset)
        var parts: [String] = []
        if zone != 0 {
            parts.append("the log times are off by \(duration(Double(zone))) of zone offset from the capture: the zone the logs were read in is probably wrong (check the time zones section; override with --tz)")
        }
        let relation = clock > 0 ? "behind" : "ahead of"
        if abs(clock) >= clockErrorThreshold {
            parts.append("the log clock is \(relation) the capture clock by \(duration(abs(clock)).dropFirst()) (clock error above \(Int(clockErrorThreshold)) s: check NTP on the product, `utils ntp status`, and on the capturing host)")
        } else if abs(clock) >= negligible {
            parts.append("the log clock is \(relation) the capture clock by \(duration(abs(clock)).dropFirst()) (below the \(Int(clockErrorThreshold)) s threshold)")
        } else {
            parts.append("apart from that the clocks agree")
        }
        return parts.joined(separator: "; ")
    }

    /// `+7m23s`, `-5h30m`, `+12s`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(abs(seconds).rounded())
        if s == 0 { return "0s" }
        let sign = seconds < 0 ? "-" : "+"
        if s >= 3600 { return "\(sign)\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" }
        if s >= 60 { return "\(sign)\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(sign)\(s)s"
    }
}
