import Foundation
import LicensingModel

/// A capture timestamp (seconds and nanoseconds since the epoch, UTC).
struct FrameTime: Hashable, Comparable {
    var seconds: Int64
    var nanoseconds: Int64

    var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

    /// The event time: the capture instant, raw text in ISO-8601 with nanoseconds, no zone assumptions.
    var eventTime: EventTime {
        let base = LicensingCalendar.iso8601(epochSeconds: seconds, offsetSeconds: 0)
        var fraction = String(max(0, min(nanoseconds, 999_999_999)))
        while fraction.count < 9 { fraction = "0" + fraction }
        let raw = base.hasSuffix("Z") ? String(base.dropLast()) + "." + fraction + "Z" : base
        return EventTime(instant: date, raw: raw)
    }

    /// Milliseconds from `self` to `later`.
    func milliseconds(to later: FrameTime) -> Double {
        Double(later.seconds - seconds) * 1000 + Double(later.nanoseconds - nanoseconds) / 1e6
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
}
