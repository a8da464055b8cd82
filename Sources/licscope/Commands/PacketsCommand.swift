import ArgumentParser
import Foundation
import LicensingModel
import PacketIngest

/// `licscope packets FILE…`: connection ladders, flows and events from pcap/pcapng captures.
struct PacketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packets",
        abstract: "Decode CUCM↔CSSM packet captures into connection ladders, flows and events.",
        discussion: """
            Prints the connection ladders first (one per attempt toward tools.cisco.com, smartreceiver.cisco.com or a
            satellite), then flows, then events, each with a path#frame pointer (1-based, as Wireshark).
            Exit codes: 0 read completely, 2 usage error, 3 some input partly unreadable (results still printed).
            """)

    @Argument(help: "pcap or pcapng files.")
    var files: [String] = []

    @Option(help: "Output format: text or jsonl.")
    var format: String = "text"

    @Option(name: .customLong("ca-file"), help: "PEM file of extra trust anchors (a customer's own or proxy CA).")
    var caFiles: [String] = []

    func run() throws {
        guard !files.isEmpty else { throw usage("give at least one capture file") }
        guard format == "text" || format == "jsonl" else { throw usage("--format must be text or jsonl") }
        var anchors: [String] = []
        for path in caFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw usage("cannot read --ca-file \(path)")
            }
            anchors.append(text)
        }
        var partlyUnreadable = false
        for path in files {
            let analysis = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(extraTrustAnchorsPEM: anchors))
            let output = format == "jsonl" ? PacketsOutput.jsonl(analysis) : PacketsOutput.text(analysis)
            FileHandle.standardOutput.write(Data(output.utf8))
            for error in analysis.errors {
                FileHandle.standardError.write(Data("\(path): error: \(error)\n".utf8))
            }
            partlyUnreadable = partlyUnreadable || analysis.isPartlyUnreadable
        }
        if partlyUnreadable { throw ExitCode(3) }
    }

    private func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("licscope packets: \(message)\n".utf8))
        return ExitCode(2)
    }
}

/// Renders a ``CaptureAnalysis`` as text or JSON Lines.
enum PacketsOutput {
    static func text(_ a: CaptureAnalysis) -> String {
        var out = "== \(a.path): \(a.framesRead) frames, reader \(a.reader)"
        if let first = a.firstFrameTime, let last = a.lastFrameTime {
            out += ", \(first.iso8601UTC) … \(last.iso8601UTC)"
        }
        out += "\n"
        out += "-- ladders (\(a.ladders.count))\n"
        for l in a.ladders {
            out += "\(a.path)#\(l.firstFrame)  \(l.endpoint)  \(l.ladderText)  \(l.outcome)"
            if let failure = l.failure { out += " — \(Redaction.redact(failure))" }
            out += "  frames \(l.frames.map(String.init).joined(separator: ","))\n"
        }
        out += "-- flows (\(a.flows.count))\n"
        for f in a.flows {
            out += "\(a.path)#\(f.firstFrame)  \(f.transport) \(f.client):\(f.clientPort) → \(f.server):\(f.serverPort)"
            if !f.clientHelloFrames.isEmpty {
                out += "  ClientHello #\(f.clientHelloFrames.map(String.init).joined(separator: ",#"))"
                out += " sni=\(f.sni ?? "-")"
            }
            for c in f.connects { out += "  CONNECT \(c.target) → \(c.status.map(String.init) ?? "no answer")" }
            if let leaf = f.certificateSubjects.first { out += "  cert \(leaf)" }
            out += "\n"
        }
        out += "-- events (\(a.events.count))\n"
        for e in a.events {
            let fields = e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
            out += "\(e.source)  \(e.time?.raw ?? "-")  \(e.kind)  \(fields)\n"
        }
        return out
    }

    static func jsonl(_ a: CaptureAnalysis) -> String {
        var lines: [String] = []
        var capture: [String: Any] = [
            "type": "capture", "path": a.path, "frames": a.framesRead, "reader": a.reader,
            "errors": a.errors.map { e -> [String: Any] in
                ["message": e.message, "offset": unwrap(e.offset as Any), "frame": unwrap(e.frame as Any)]
            },
        ]
        if let t = a.firstFrameTime { capture["first_frame_time"] = t.iso8601UTC }
        if let t = a.lastFrameTime { capture["last_frame_time"] = t.iso8601UTC }
        lines.append(json(capture))
        for l in a.ladders {
            lines.append(json([
                "type": "ladder", "source": "\(a.path)#\(l.firstFrame)", "endpoint": l.endpoint,
                "target_host": l.targetHost, "target_port": l.targetPort as Any, "via_proxy": l.viaProxy,
                "proxy": l.proxy as Any, "ladder": l.ladderText, "outcome": l.outcome,
                "stage_reached": l.stageReached as Any, "failed_stage": l.failedStage as Any,
                "failure": l.failure.map(Redaction.redact) as Any, "frames": l.frames,
            ]))
        }
        for f in a.flows {
            lines.append(json([
                "type": "flow", "source": "\(a.path)#\(f.firstFrame)", "transport": f.transport, "client": f.client,
                "client_port": f.clientPort, "server": f.server, "server_port": f.serverPort,
                "first_frame": f.firstFrame, "last_frame": f.lastFrame, "client_hello_frames": f.clientHelloFrames,
                "sni": f.sni as Any,
                "connects": f.connects.map { c -> [String: Any] in
                    ["frame": c.frame, "target": c.target, "status": unwrap(c.status as Any),
                     "response_frame": unwrap(c.responseFrame as Any)]
                },
                "certificate_subjects": f.certificateSubjects, "certificate_issuers": f.certificateIssuers,
                "certificate_serials": f.certificateSerials,
            ]))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for e in a.events {
            guard let data = try? encoder.encode(e), var object = String(data: data, encoding: .utf8) else { continue }
            object = "{\"type\":\"event\",\"pointer\":\"\(e.source)\"," + object.dropFirst()
            lines.append(object)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Optionals stored as `Any` become their value or `NSNull`.
    private static func unwrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? NSNull()
    }

    private static func json(_ object: [String: Any]) -> String {
        let cleaned = object.mapValues(unwrap)
        guard let data = try? JSONSerialization.data(
            withJSONObject: cleaned, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
