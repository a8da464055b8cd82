import Analysis
import BundleIngest
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
            """ + HelpExamples.packets)

    @Argument(help: "Captures (pcap, pcapng), folders and archives holding them, or - for standard input.", completion: .file())
    var files: [String] = []

    /// What `packets` can write.
    enum OutputFormat: String, OutputFormatChoice {
        case text, jsonl
        static var standard: OutputFormat { .text }
        static var uses: SharedOptionUse { .window }
    }

    @OptionGroup var shared: SharedOptions<OutputFormat>

    @Option(name: .customLong("ca-file"), help: "PEM file of extra trust anchors (a customer's own or proxy CA).")
    var caFiles: [String] = []

    func run() throws {
        guard !files.isEmpty else { throw CommandFailure("give at least one capture file") }
        let window = try shared.window(zones: try shared.zones.resolver())
        var anchors: [String] = []
        for path in caFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure("cannot read --ca-file \(path)")
            }
            anchors.append(text)
        }
        let inputs = try CommandInputs(files)
        defer { inputs.remove() }
        let output = try shared.outputFile.openForStreaming()
        var out = OutputSink.stream(fd: output.fd, redact: shared.redact)
        var partlyUnreadable = inputs.warnUnread()
        let passedOver = inputs.files.filter { !$0.named && $0.kind?.isCapture != true }
        if let first = passedOver.first {
            Terminal.warn("licscope: skipped \(passedOver.count) file(s) that are not captures (\(first.displayPath)\(passedOver.count > 1 ? ", …" : ""))")
        }
        var framesRead = 0
        let bar = ProgressBar(paths: files)
        for file in inputs.files where file.named || file.kind?.isCapture == true {
            var analysis = CaptureAnalyzer.analyze(
                path: file.localPath, options: CaptureOptions(extraTrustAnchorsPEM: anchors, displayPath: file.displayPath))
            var summary = "licscope: \(file.displayPath): \(analysis.framesRead) frames, reader \(analysis.reader)"
            if let window {
                let outside = PacketsOutput.keep(window, in: &analysis)
                if outside > 0 { summary += "; \(outside) records outside --since/--until (or untimed) left out" }
            }
            if shared.format == .jsonl {
                let untimed = PacketsOutput.jsonl(analysis, to: &out)
                if untimed > 0 { summary += "; \(untimed) untimed records left out of the JSON Lines" }
                Terminal.warn(summary)
            } else {
                PacketsOutput.text(analysis, to: &out)
                if window != nil { Terminal.warn(summary) }
            }
            out.finish()
            bar.fileDone(size: ProgressBar.files(under: file.localPath).first?.1 ?? 0)
            bar.finish()
            for error in analysis.errors {
                Terminal.warn("licscope: \(file.displayPath): \(error)")
            }
            partlyUnreadable = partlyUnreadable || analysis.isPartlyUnreadable
            framesRead += analysis.framesRead
            KeptUntilExit.keep(analysis)
        }
        try output.finish()
        if let window { Terminal.warn("licscope: kept records \(window.description)") }
        let status = ExitStatus.of(findings: false, partlyUnreadable: partlyUnreadable, evidence: framesRead > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }
}
