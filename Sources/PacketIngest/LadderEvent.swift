import Foundation
import LicensingModel

/// The `connectivity.attempt` event that carries a ladder into the timeline and the rules.
enum LadderEvent {
    static func event(_ l: ConnectionLadder, path: String) -> Event {
        var fields: [String: FieldValue] = [
            "endpoint": .string(l.endpoint), "target_host": .string(l.targetHost), "via_proxy": .bool(l.viaProxy),
            "outcome": .string(l.outcome), "ladder": .string(l.ladderText), "frames": .list(l.frames.map { .int($0) }),
        ]
        if let v = l.targetPort { fields["target_port"] = .int(v) }
        if let v = l.proxy { fields["proxy"] = .string(v) }
        if let v = l.stageReached { fields["stage_reached"] = .string(v) }
        if let v = l.failedStage { fields["failed_stage"] = .string(v) }
        if let v = l.failure { fields["failure"] = .string(Redaction.redact(v)) }
        let time = l.time.map { date -> EventTime in
            FrameTime(date: date).eventTime
        }
        return Event(
            kind: .connectivityAttempt, time: time, source: .frame(path, l.firstFrame), fields: fields,
            excerpt: l.ladderText)
    }
}
