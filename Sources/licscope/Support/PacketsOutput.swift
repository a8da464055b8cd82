import Foundation
import LicensingModel
import PacketIngest
import Reports

/// Renders a ``CaptureAnalysis`` as text or JSON Lines, line by line.
enum PacketsOutput {
    static func text(_ a: CaptureAnalysis, to out: inout CommandOutput) {
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
    ///
    /// Records are rendered in batches of ``batch``, each batch in two halves on both cores, and written in order,
    /// so the output is the same as rendering them one after another and memory holds at most one batch of text.
    @discardableResult
    static func jsonl(_ a: CaptureAnalysis, to out: inout CommandOutput) -> Int {
        let frameTimes = frameTimes(a)
        let count = a.ladders.count + a.flows.count + a.events.count
        var untimed = 0
        var start = 0
        while start < count {
            let end = min(count, start + batch)
            let halves = [start..<(start + end) / 2, (start + end) / 2..<end]
            let slots = Slots()
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                slots.base[half] = render(a, frameTimes, halves[half])
            }
            for half in 0..<2 {
                out.append(bytes: slots.base[half].bytes)
                untimed += slots.base[half].untimed
            }
            slots.free()
            start = end
        }
        return untimed
    }

    /// The two halves' results: each iteration of `concurrentPerform` writes only its own slot, and they are read
    /// after it returns, so the raw storage is never shared while written.
    private struct Slots: @unchecked Sendable {
        let base = UnsafeMutablePointer<(bytes: [UInt8], untimed: Int)>.allocate(capacity: 2)
        init() { base.initialize(repeating: ([], 0), count: 2) }
        func free() {
            base.deinitialize(count: 2)
            base.deallocate()
        }
    }

    /// Records per batch of ``jsonl(_:to:)``.
    static let batch = 8_192

    /// The records `range` of the sequence ladders, flows, events, as bytes; and how many were untimed.
    private static func render(
        _ a: CaptureAnalysis, _ frameTimes: [Int: Date], _ range: Range<Int>
    ) -> (bytes: [UInt8], untimed: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 800)
        var untimed = 0
        var writer = EventRecordWriter()
        for i in range {
            if i < a.ladders.count {
                guard let r = record(a.ladders[i], path: a.path, frameTimes) else { untimed += 1; continue }
                writer.append(r, to: &bytes)
            } else if i < a.ladders.count + a.flows.count {
                guard let r = record(a.flows[i - a.ladders.count], path: a.path, frameTimes) else {
                    untimed += 1
                    continue
                }
                writer.append(r, to: &bytes)
            } else if !writer.append(a.events[i - a.ladders.count - a.flows.count], to: &bytes) {
                untimed += 1
            }
        }
        return (bytes, untimed)
    }

    /// The `capture.ladder` record of `l`, or nil when it has no time.
    private static func record(
        _ l: ConnectionLadder, path: String, _ frameTimes: [Int: Date]
    ) -> EventRecordEncoder.Record? {
        guard let time = ladderTime(l, frameTimes) else { return nil }
        let ladder = l.ladderText
        let failure = l.failure.map(Redaction.redact)
        var fields: [String: FieldValue] = [
            "endpoint": .string(l.endpoint), "target_host": .string(l.targetHost), "via_proxy": .bool(l.viaProxy),
            "ladder": .string(ladder), "outcome": .string(l.outcome), "frames": .list(l.frames.map { .int($0) }),
        ]
        if let p = l.targetPort { fields["target_port"] = .int(p) }
        if let p = l.proxy { fields["proxy"] = .string(p) }
        if let s = l.stageReached { fields["stage_reached"] = .string(s) }
        if let s = l.failedStage { fields["failed_stage"] = .string(s) }
        if let failure { fields["failure"] = .string(failure) }
        return .init(
            message: "connection \(l.endpoint): \(ladder) \(l.outcome)\(failure.map { " — \($0)" } ?? "")", instant: time,
            timestampDescription: "Capture Time", kind: "capture.ladder", source: .frame(path, l.firstFrame),
            fields: fields)
    }

    /// The `capture.flow` record of `f`, or nil when it has no time.
    private static func record(_ f: FlowSummary, path: String, _ frameTimes: [Int: Date]) -> EventRecordEncoder.Record? {
        guard let time = flowTime(f, frameTimes) else { return nil }
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
        return .init(
            message: "flow \(f.transport) \(f.client):\(f.clientPort) → \(f.server):\(f.serverPort)"
                + (f.sni.map { " sni=\($0)" } ?? ""),
            instant: time, timestampDescription: "Capture Time", kind: "capture.flow",
            source: .frame(path, f.firstFrame), fields: fields)
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
