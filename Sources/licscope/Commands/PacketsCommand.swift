import ArgumentParser
import Foundation
import LicensingModel
import PacketIngest
import Reports

/// `licscope packets FILE…`: connection ladders, flows and events from pcap/pcapng captures.
struct PacketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packets",
        abstract: "Decode CUCM↔CSSM packet captures into connection ladders, flows and events.",
        discussion: """
            Prints the connection ladders first (one per attempt toward tools.cisco.com, smartreceiver.cisco.com or a \
            satellite), then flows, then events, each with a path#frame pointer (1-based, as Wireshark). \
            \(ExitStatus.helpTable)
            """)

    @Argument(help: "pcap or pcapng files.")
    var files: [String] = []

    /// What `packets` can write.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Option(help: "Output format: text or jsonl (records of schema licscope.event/1).")
    var format: OutputFormat = .text

    @Option(name: .customLong("ca-file"), help: "PEM file of extra trust anchors (a customer's own or proxy CA).")
    var caFiles: [String] = []

    func run() throws {
        guard !files.isEmpty else { throw usage("give at least one capture file") }
        var anchors: [String] = []
        for path in caFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw usage("cannot read --ca-file \(path)")
            }
            anchors.append(text)
        }
        var partlyUnreadable = false
        var framesRead = 0
        let bar = ProgressBar(paths: files)
        for path in files {
            let analysis = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(extraTrustAnchorsPEM: anchors))
            var untimed = 0
            if format == .jsonl {
                var out = OutputBuffer()
                untimed = PacketsOutput.jsonl(analysis, to: &out)
                out.flush()
                var summary = "licscope: \(path): \(analysis.framesRead) frames, reader \(analysis.reader)"
                if untimed > 0 { summary += "; \(untimed) untimed records left out of the JSON Lines" }
                Terminal.warn(summary)
            } else {
                var out = OutputBuffer()
                PacketsOutput.text(analysis, to: &out)
                out.flush()
            }
            bar.fileDone(size: ProgressBar.files(under: path).first?.1 ?? 0)
            bar.finish()
            for error in analysis.errors {
                Terminal.warn("licscope: \(path): \(error)")
            }
            partlyUnreadable = partlyUnreadable || analysis.isPartlyUnreadable
            framesRead += analysis.framesRead
        }
        let status = ExitStatus.of(findings: false, partlyUnreadable: partlyUnreadable, evidence: framesRead > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }

    private func usage(_ message: String) -> CommandFailure {
        CommandFailure(message)
    }
}

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
            for c in f.connects { text += "  CONNECT \(c.target) → \(c.status.map(String.init) ?? "no answer")" }
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
        var frameTimes: [Int: Date] = [:]
        for e in a.events {
            if case .frame(let n) = e.source.location, let t = e.time, frameTimes[n] == nil { frameTimes[n] = t.instant }
        }
        for l in a.ladders {
            guard let time = l.time ?? l.frames.lazy.compactMap({ frameTimes[$0] }).first else { untimed += 1; continue }
            var fields: [String: FieldValue] = [
                "endpoint": .string(l.endpoint), "target_host": .string(l.targetHost), "via_proxy": .bool(l.viaProxy),
                "ladder": .string(l.ladderText), "outcome": .string(l.outcome), "frames": .list(l.frames.map { .int($0) }),
            ]
            if let p = l.targetPort { fields["target_port"] = .int(p) }
            if let p = l.proxy { fields["proxy"] = .string(p) }
            if let s = l.stageReached { fields["stage_reached"] = .string(s) }
            if let s = l.failedStage { fields["failed_stage"] = .string(s) }
            if let f = l.failure { fields["failure"] = .string(f) }
            let failure = l.failure.map { " — \(Redaction.redact($0))" } ?? ""
            out.append(record: .init(
                message: "connection \(l.endpoint): \(l.ladderText) \(l.outcome)\(failure)", instant: time,
                timestampDescription: "Capture Time", kind: "capture.ladder", source: .frame(a.path, l.firstFrame),
                fields: fields))
        }
        for f in a.flows {
            let frames = [f.firstFrame] + f.clientHelloFrames + f.connects.map(\.frame) + [f.lastFrame]
            guard let time = frames.lazy.compactMap({ frameTimes[$0] }).first else { untimed += 1; continue }
            var fields: [String: FieldValue] = [
                "transport": .string(f.transport), "client": .string(f.client), "client_port": .int(f.clientPort),
                "server": .string(f.server), "server_port": .int(f.serverPort), "first_frame": .int(f.firstFrame),
                "last_frame": .int(f.lastFrame), "client_hello_frames": .list(f.clientHelloFrames.map { .int($0) }),
                "certificate_subjects": .list(f.certificateSubjects.map { .string($0) }),
                "certificate_issuers": .list(f.certificateIssuers.map { .string($0) }),
                "certificate_serials": .list(f.certificateSerials.map { .string($0) }),
                "connect_frames": .list(f.connects.map { .int($0.frame) }),
                "connect_targets": .list(f.connects.map { .string($0.target) }),
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
}
