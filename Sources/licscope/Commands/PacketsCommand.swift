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
        var framesRead = 0
        let bar = ProgressBar(paths: files)
        for path in files {
            let analysis = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(extraTrustAnchorsPEM: anchors))
            var out = BufferedOutput()
            if format == "jsonl" { PacketsOutput.jsonl(analysis, to: &out) } else { PacketsOutput.text(analysis, to: &out) }
            out.flush()
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

/// Writes to standard output in 64 KiB chunks, so large outputs are never built as one string.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        Terminal.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Renders a ``CaptureAnalysis`` as text or JSON Lines, line by line.
enum PacketsOutput {
    static func text(_ a: CaptureAnalysis, to out: inout BufferedOutput) {
        var line = "== \(a.path): \(a.framesRead) frames, reader \(a.reader)"
        if let first = a.firstFrameTime, let last = a.lastFrameTime {
            line += ", \(first.iso8601UTC) … \(last.iso8601UTC)"
        }
        out.write(TerminalText.escaped(line) + "\n-- ladders (\(a.ladders.count))\n")
        for l in a.ladders {
            var text = "\(a.path)#\(l.firstFrame)  \(l.endpoint)  \(l.ladderText)  \(l.outcome)"
            if let failure = l.failure { text += " — \(Redaction.redact(failure))" }
            out.write(TerminalText.escaped(text) + "  frames \(l.frames.map(String.init).joined(separator: ","))\n")
        }
        out.write("-- flows (\(a.flows.count))\n")
        for f in a.flows {
            var text = "\(a.path)#\(f.firstFrame)  \(f.transport) \(f.client):\(f.clientPort) → \(f.server):\(f.serverPort)"
            if !f.clientHelloFrames.isEmpty {
                text += "  ClientHello #\(f.clientHelloFrames.map(String.init).joined(separator: ",#")) sni=\(f.sni ?? "-")"
            }
            for c in f.connects { text += "  CONNECT \(c.target) → \(c.status.map(String.init) ?? "no answer")" }
            if let leaf = f.certificateSubjects.first { text += "  cert \(leaf)" }
            out.write(TerminalText.escaped(text) + "\n")
        }
        out.write("-- events (\(a.events.count))\n")
        for e in a.events {
            let fields = e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
            out.write(TerminalText.escaped("\(e.source)  \(e.time?.raw ?? "-")  \(e.kind)  \(fields)") + "\n")
        }
    }

    static func jsonl(_ a: CaptureAnalysis, to out: inout BufferedOutput) {
        let errors = a.errors.map { e in
            JSON.object([("message", JSON.string(e.message)), ("offset", JSON.int(e.offset)), ("frame", JSON.int(e.frame))])
        }
        out.write(JSON.object([
            ("type", JSON.string("capture")), ("path", JSON.string(a.path)), ("frames", JSON.int(a.framesRead)),
            ("reader", JSON.string(a.reader)), ("first_frame_time", JSON.string(a.firstFrameTime?.iso8601UTC)),
            ("last_frame_time", JSON.string(a.lastFrameTime?.iso8601UTC)), ("errors", JSON.array(errors)),
        ]) + "\n")
        for l in a.ladders {
            out.write(JSON.object([
                ("type", JSON.string("ladder")), ("source", JSON.string("\(a.path)#\(l.firstFrame)")),
                ("endpoint", JSON.string(l.endpoint)), ("target_host", JSON.string(l.targetHost)),
                ("target_port", JSON.int(l.targetPort)), ("via_proxy", l.viaProxy ? "true" : "false"),
                ("proxy", JSON.string(l.proxy)), ("ladder", JSON.string(l.ladderText)),
                ("outcome", JSON.string(l.outcome)), ("stage_reached", JSON.string(l.stageReached)),
                ("failed_stage", JSON.string(l.failedStage)), ("failure", JSON.string(l.failure.map(Redaction.redact))),
                ("frames", JSON.array(l.frames.map { JSON.int($0) })),
            ]) + "\n")
        }
        for f in a.flows {
            let connects = f.connects.map { c in
                JSON.object([("frame", JSON.int(c.frame)), ("target", JSON.string(c.target)),
                             ("status", JSON.int(c.status)), ("response_frame", JSON.int(c.responseFrame))])
            }
            out.write(JSON.object([
                ("type", JSON.string("flow")), ("source", JSON.string("\(a.path)#\(f.firstFrame)")),
                ("transport", JSON.string(f.transport)), ("client", JSON.string(f.client)),
                ("client_port", JSON.int(f.clientPort)), ("server", JSON.string(f.server)),
                ("server_port", JSON.int(f.serverPort)), ("first_frame", JSON.int(f.firstFrame)),
                ("last_frame", JSON.int(f.lastFrame)),
                ("client_hello_frames", JSON.array(f.clientHelloFrames.map { JSON.int($0) })),
                ("sni", JSON.string(f.sni)), ("connects", JSON.array(connects)),
                ("certificate_subjects", JSON.array(f.certificateSubjects.map { JSON.string($0) })),
                ("certificate_issuers", JSON.array(f.certificateIssuers.map { JSON.string($0) })),
                ("certificate_serials", JSON.array(f.certificateSerials.map { JSON.string($0) })),
            ]) + "\n")
        }
        for e in a.events {
            let fields = e.fields.sorted { $0.key < $1.key }.map { ($0.key, JSON.value($0.value)) }
            out.write(JSON.object([
                ("type", JSON.string("event")), ("kind", JSON.string(e.kind.rawValue)),
                ("pointer", JSON.string(e.source.description)), ("time", JSON.string(e.time?.raw)),
                ("instant", JSON.string(e.time?.instant.iso8601UTC)), ("fields", JSON.object(fields)),
                ("excerpt", JSON.string(e.excerpt)),
            ]) + "\n")
        }
    }
}

/// A minimal JSON text builder for the JSON Lines output (keys in the order given; nil becomes null).
enum JSON {
    static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        // Most values (names, addresses, ladders) need no escaping: one byte scan instead of a rebuild per scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += "\\u00" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func value(_ v: FieldValue) -> String {
        switch v {
        case .string(let s): return string(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .time(let t): return string(t.iso8601UTC)
        case .list(let l): return array(l.map(value))
        }
    }
}
