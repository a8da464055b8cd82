import Foundation
import LicensingModel

/// A capture timestamp (seconds and nanoseconds since the epoch, UTC).
struct FrameTime: Hashable, Comparable {
    var seconds: Int64
    var nanoseconds: Int64

    var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The frame time of `date`, clamped to years 0001…9999 (a `Double` beyond `Int64` would trap on conversion;
    /// capture timestamps are read from the file and can be anything).
    init(date: Date) {
        let raw = date.timeIntervalSince1970
        let seconds = raw.isFinite ? min(max(raw, -62_135_596_800), 253_402_300_799) : 0
        let whole = seconds.rounded(.down)
        self.init(seconds: Int64(whole), nanoseconds: min(Int64(((seconds - whole) * 1e9).rounded()), 999_999_999))
    }

    /// The event time: the capture instant, raw text in ISO-8601 with nanoseconds, no zone assumptions.
    var eventTime: EventTime { EventTime(instant: date, raw: iso8601) }

    /// `2018-01-30T19:28:03.592698000Z`, written digit by digit into the string's own storage (it runs for every
    /// event; `String(format:)` and concatenation cost an allocation per part).
    var iso8601: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = LicensingCalendar.civilFromDays(Int(days))
        let yearDigits = String(y).utf8.count
        return String(unsafeUninitializedCapacity: 26 + max(4, yearDigits)) { buffer in
            var i = 0
            /// `value` zero-padded to `width` digits, then `separator`.
            func put(_ value: Int, _ width: Int, _ separator: UInt8) {
                let digits = String(value).utf8  // a small string: no allocation
                for _ in digits.count..<max(width, digits.count) {
                    buffer[i] = 0x30
                    i += 1
                }
                for c in digits {
                    buffer[i] = c
                    i += 1
                }
                buffer[i] = separator
                i += 1
            }
            put(y, 4, 0x2D)
            put(m, 2, 0x2D)
            put(d, 2, 0x54)
            put(secondOfDay / 3600, 2, 0x3A)
            put(secondOfDay % 3600 / 60, 2, 0x3A)
            put(secondOfDay % 60, 2, 0x2E)
            put(Int(max(0, min(nanoseconds, 999_999_999))), 9, 0x5A)
            return i
        }
    }

    /// Milliseconds from `self` to `later`.
    func milliseconds(to later: FrameTime) -> Double {
        (Double(later.seconds) - Double(seconds)) * 1000 + (Double(later.nanoseconds) - Double(nanoseconds)) / 1e6
    }

    static func < (a: FrameTime, b: FrameTime) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
}

/// Collects the events of one capture with `path#frame` sources.
struct EventSink {
    let path: String
    private(set) var events: [Event] = []
    /// Events beyond this many are counted, not kept (memory stays bounded on huge captures).
    let limit: Int
    private(set) var dropped = 0

    init(path: String, limit: Int = 200_000) {
        self.path = path
        self.limit = limit
    }

    mutating func add(
        _ kind: EventKind, frame: Int, time: FrameTime?, fields: [String: FieldValue], excerpt: String? = nil
    ) {
        guard events.count < limit else {
            dropped += 1
            return
        }
        events.append(Event(
            kind: kind, time: time?.eventTime, source: .frame(path, frame), fields: fields,
            excerpt: excerpt.map(Redaction.redact)))
    }

    mutating func append(_ event: Event) {
        guard events.count < limit else {
            dropped += 1
            return
        }
        events.append(event)
    }

    /// Adds a summary event (a ladder, a capture anomaly) past the limit: the limit bounds per-packet events, and
    /// the summaries are what an analysis needs most when the capture is that large.
    mutating func appendSummary(_ event: Event) { events.append(event) }

    /// Adds a capture anomaly past the limit.
    mutating func addAnomaly(
        _ name: String, detail: String, frame: Int, time: FrameTime?, offset: Int? = nil,
        extra: [String: FieldValue] = [:]
    ) {
        var fields: [String: FieldValue] = extra.merging(["anomaly": .string(name), "detail": .string(detail)]) { $1 }
        if let offset { fields["offset"] = .int(offset) }
        events.append(Event(kind: .captureAnomaly, time: time?.eventTime, source: .frame(path, frame), fields: fields))
    }
}

extension Int64 {
    /// `self - other`, saturating at the bounds instead of trapping (capture timestamps can be anything).
    func subtractingSaturated(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : difference
    }
}
