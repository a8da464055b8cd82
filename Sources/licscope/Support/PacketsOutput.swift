import Foundation
import LicensingModel
import PacketIngest
import Reports

/// Renders a ``CaptureAnalysis`` as text or JSON Lines, line by line.
enum PacketsOutput {
    static func text(_ a: CaptureAnalysis, to out: inout OutputBuffer) {
        var line = "== \(a.path): \(a.framesRead) frames, reader \(a.reader)"
        if let first = a.firstFrameTime, let last = a.lastFrameTime {
            line += ", \(first.iso8601UTC) … \(last.iso8601UTC)"
        }
        out.append(TerminalText.escaped(line) + "\n-- ladders (\(a.ladders.count))\n")
        for l in a.ladders {
            var text = "\(a.path)#\(l.firstFrame)  \(l.endpoint)  \(l.ladderText)  \(l.outcome)"
            if let failure = l.failure { text += " — \(Redaction.redact(failure))" }
            out.append(TerminalText.escaped(text) + "  frames \(l.frames.map(String.init).joined(separator: ","))\n")
        }
        out.append("-- flows (\(a.flows.count))\n")
        for f in a.flows {
            var text = "\(a.path)#\(f.firstFrame)  \(f.transport) \(f.client):\(f.clientPort) → \(f.server):\(f.serverPort)"
            if !f.clientHelloFrames.isEmpty {
                text += "  ClientHello #\(f.clientHelloFrames.map(String.init).joined(separator: ",#")) sni=\(f.sni ?? "-")"
            }
            for c in f.connects { text += "  CONNECT \(Redaction.redact(c.target)) → \(c.status.map(String.init) ?? "no answer")" }
            if let leaf = f.certificateSubjects.first { text += "  cert \(leaf)" }
            out.append(TerminalText.escaped(text) + "\n")
        }
        out.append("-- events (\(a.events.count))\n")
        for e in a.events {
            let fields = e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
            out.append(TerminalText.escaped("\(e.source)  \(e.time?.raw ?? "-")  \(e.kind)  \(fields)") + "\n")
        }
    }

    /// The capture as records of schema `licscope.event/1`: one `capture.ladder` per connection ladder, one
    /// `capture.flow` per flow (at the time of its first timed frame), then the events. Records without a time are
    /// left out (Timesketch needs one on every line); returns how many.
    @discardableResult
    static func jsonl(_ a: CaptureAnalysis, to out: inout OutputBuffer) -> Int {
        var untimed = 0
        let frameTimes = frameTimes(a)
        for l in a.ladders {
            guard let time = ladderTime(l, frameTimes) else { untimed += 1; continue }
            var fields: [String: FieldValue] = [
                "endpoint": .string(l.endpoint), "target_host": .string(l.targetHost), "via_proxy": .bool(l.viaProxy),
                "ladder": .string(l.ladderText), "outcome": .string(l.outcome), "frames": .list(l.frames.map { .int($0) }),
            ]
            if let p = l.targetPort { fields["target_port"] = .int(p) }
            if let p = l.proxy { fields["proxy"] = .string(p) }
            if let s = l.stageReached { fields["stage_reached"] = .string(s) }
            if let s = l.failedStage { fields["failed_stage"] = .string(s) }
            if let f = l.failure { fields["failure"] = .string(Redaction.redact(f)) }
            let failure = l.failure.map { " — \(Redaction.redact($0))" } ?? ""
            out.append(record: .init(
                message: "connection \(l.endpoint): \(l.ladderText) \(l.outcome)\(failure)", instant: time,
                timestampDescription: "Capture Time", kind: "capture.ladder", source: .frame(a.path, l.firstFrame),
                fields: fields))
        }
        for f in a.flows {
            guard let time = flowTime(f, frameTimes) else { untimed += 1; continue }
            var fields: [String: FieldValue] = [
                "transport": .string(f.transport), "client": .string(f.client), "client_port": .int(f.clientPort),
                "server": .string(f.server), "server_port": .int(f.serverPort), "first_frame": .int(f.firstFrame),
                "last_frame": .int(f.lastFrame), "client_hello_frames": .list(f.clientHelloFrames.map { .int($0) }),
                "certificate_subjects": .list(f.certificateSubjects.map { .string($0) }),
                "certificate_issuers": .list(f.certificateIssuers.map { .string($0) }),
                "certificate_serials": .list(f.certificateSerials.map { .string($0) }),
                "connect_frames": .list(f.connects.map { .int($0.frame) }),
                "connect_targets": .list(f.connects.map { .string(Redaction.redact($0.target)) }),
                "connect_statuses": .list(f.connects.map { .int($0.status ?? 0) }),
            ]
            if let sni = f.sni { fields["sni"] = .string(sni) }
            out.append(record: .init(
                message: "flow \(f.transport) \(f.client):\(f.clientPort) → \(f.server):\(f.serverPort)"
                    + (f.sni.map { " sni=\($0)" } ?? ""),
                instant: time, timestampDescription: "Capture Time", kind: "capture.flow",
                source: .frame(a.path, f.firstFrame), fields: fields))
        }
        for e in a.events where !out.append(eventRecord: e) { untimed += 1 }
        return untimed
    }

    /// The time of each timed frame, from the events that frame produced.
    static func frameTimes(_ a: CaptureAnalysis) -> [Int: Date] {
        var times: [Int: Date] = [:]
        for e in a.events {
            if case .frame(let n) = e.source.location, let t = e.time, times[n] == nil { times[n] = t.instant }
        }
        return times
    }

    /// Keeps only the events, ladders and flows of `a` inside `window` (a ladder at its time or its first timed
    /// frame, a flow at its first timed frame; untimed ones cannot be placed and are left out); returns how many
    /// were left out.
    static func keep(_ window: TimeWindow, in a: inout CaptureAnalysis) -> Int {
        let times = frameTimes(a)
        let before = a.events.count + a.ladders.count + a.flows.count
        a.ladders = a.ladders.filter { ladderTime($0, times).map(window.contains) ?? false }
        a.flows = a.flows.filter { flowTime($0, times).map(window.contains) ?? false }
        a.events = a.events.filter(window.keeps)
        return before - (a.events.count + a.ladders.count + a.flows.count)
    }

    /// A ladder's time: its own, else its first timed frame's.
    static func ladderTime(_ l: ConnectionLadder, _ times: [Int: Date]) -> Date? {
        l.time ?? l.frames.lazy.compactMap { times[$0] }.first
    }

    /// A flow's time: its first timed frame's (first frame, ClientHellos, CONNECTs, last frame).
    static func flowTime(_ f: FlowSummary, _ times: [Int: Date]) -> Date? {
        let frames = [f.firstFrame] + f.clientHelloFrames + f.connects.map(\.frame) + [f.lastFrame]
        return frames.lazy.compactMap { times[$0] }.first
    }
}
