import Foundation
import LicensingModel
import PacketIngest

/// What a pre-flight has observed so far: its stages, the ladder stages, and the events in the capture
/// pipeline's vocabulary (`dns.*`, `tcp.attempt`, `proxy.connect`, `tls.handshake`, `http.*`).
struct ProbeLog {
    var stages: [PreflightStage] = []
    var ladder: [ConnectionLadder.Stage] = []
    var events: [Event] = []
    var failure: String?
    let now: @Sendable () -> Date

    /// Records a stage; a ladder stage too unless it is `clock`.
    mutating func stage(
        _ name: String, ok: Bool, detail: String?, summary: String, watch: Stopwatch, warning: String? = nil
    ) {
        stages.append(PreflightStage(
            name: name, ok: ok, detail: detail, summary: Redaction.redact(summary), milliseconds: watch.milliseconds,
            warning: warning))
        if name != "clock" { ladder.append(.init(name: name, ok: ok, detail: detail)) }
        if !ok && failure == nil { failure = Redaction.redact(summary) }
    }

    /// Records an event at the current time; its source names the pre-flight stage (`preflight:tls`).
    mutating func event(_ kind: EventKind, stage: String, _ fields: [String: FieldValue], excerpt: String? = nil) {
        events.append(Event(
            kind: kind, time: Self.time(now()), source: SourcePointer(path: "preflight:\(stage)", location: .file),
            fields: fields, excerpt: excerpt))
    }

    /// An event time for a live observation (an instant of the local clock, nothing assumed).
    static func time(_ date: Date) -> EventTime {
        EventTime(instant: date, raw: date.iso8601UTC, utcOffsetSeconds: 0, zoneLabel: "UTC")
    }
}
