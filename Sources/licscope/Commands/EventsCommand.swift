import Analysis
import ArgumentParser
import BundleIngest
import Foundation
import LicensingModel
import PacketIngest
import Reports
import TextIngest

/// `licscope events PATH…`: the timeline events read from License Manager traces, syslog, RTMT alert lines and
/// `utils service list` outputs, each with its `path:line`.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print the events read from log files (plain or gzip'd), with path:line pointers.",
        discussion: """
            \(ExitStatus.helpTable) Damage (invalid UTF-8, NUL bytes, truncated gzip, over-long lines) is reported on stderr.
            """ + HelpExamples.events)

    /// What `events` can write.
    enum OutputFormat: String, OutputFormatChoice {
        case text, jsonl
        static var standard: OutputFormat { .text }
        static var uses: SharedOptionUse { [.window, .rules] }
    }

    @Argument(help: "Logs (plain or gzip'd), captures, folders (read recursively, in name order), archives, or - for standard input.", completion: .file())
    var paths: [String]

    @OptionGroup var shared: SharedOptions<OutputFormat>

    @Option(help: "Year for yearless timestamps (otherwise inferred from dated lines or the file's modification time).")
    var year: Int?


    func validate() throws {
        if let year, !(1970...2200).contains(year) { throw ValidationError("--year must be between 1970 and 2200") }
    }

    func run() throws {
        let resolver = try shared.zones.resolver()
        let window = try shared.window(zones: resolver)
        let catalog: MessageCatalog
        do { catalog = try MessageCatalog.bundled(rulesDirectory: shared.rules) } catch {
            throw CommandFailure("\(error)")
        }
        let inputs = try CommandInputs(paths)
        defer { inputs.remove() }
        let hints = year.map { [CiscoTimestamp.YearHint(year: $0, source: "--year")] } ?? []
        var out = OutputBuffer(fd: try shared.outputFile.openForStreaming(), redactor: shared.redact ? OutputRedactor() : nil)
        var damaged = !inputs.problems.isEmpty
        for problem in inputs.problems { Terminal.warn("licscope: \(problem)") }
        var tally = EventTally(window: window)
        let bar = ProgressBar(paths: paths)
        let files = inputs.files
        // The same zone decision as `analyze`: the zone of zone-less lines comes from the CLI outputs given beside them.
        let evidence = BundleZones.evidence(
            files: files.map(\.localPath), displayPaths: Dictionary(files.map { ($0.localPath, $0.displayPath) }) { a, _ in a }
        ).evidence
        for file in files {
            let emit: (Event) -> Void = { event in
                guard tally.admit(event) else { return }
                switch shared.format {
                case .text:
                    out.append(TerminalText.escaped(EventRecord.text(event)))
                    out.append(byte: 0x0A)
                case .jsonl: if !out.append(eventRecord: event) { tally.fileUntimed += 1 }
                }
            }
            var summary: String
            if file.kind?.isCapture == true {
                let analysis = CaptureAnalyzer.analyze(path: file.localPath, options: CaptureOptions(displayPath: file.displayPath))
                tally.startFile()
                analysis.events.forEach(emit)
                for error in analysis.errors { Terminal.warn("licscope: \(file.displayPath): \(error)") }
                damaged = damaged || analysis.isPartlyUnreadable
                summary = "\(file.displayPath): \(analysis.framesRead) frames, reader \(analysis.reader), \(tally.fileCount) events"
            } else if !file.named, let skip = Self.skipReason(file.kind) {
                Terminal.warn("licscope: \(file.displayPath): skipped: \(skip)")
                continue
            } else {
                let (zones, zone) = ZoneDecision.decide(for: file.displayPath, evidence: evidence, resolver: resolver)
                let options = LogIngestOptions(zones: zones, yearHints: hints, displayPath: file.displayPath, catalog: catalog)
                tally.startFile()
                let result = LogIngester.stream(path: file.localPath, options: options, progress: bar.update, sink: emit)
                for d in result.damage { Terminal.warn("licscope: \(d)") }
                damaged = damaged || !result.damage.isEmpty
                summary = "\(file.displayPath): \(result.linesRead) lines, format \(result.format), \(tally.fileCount) events"
                if tally.fileUnzoned {
                    summary += "; zone-less lines read in \(zone.zone) (\(zone.reason))"
                    if let w = zone.warning { summary += "; warning: \(w)" }
                }
            }
            out.flush(final: true)
            bar.fileDone(size: ProgressBar.files(under: file.localPath).first?.1 ?? 0)
            bar.finish()
            if tally.fileUntimed > 0 { summary += "; \(tally.fileUntimed) untimed events left out of the JSON Lines" }
            if let note = tally.fileWindowNote { summary += "; \(note)" }
            Terminal.warn("licscope: \(summary)")
        }
        if let window { Terminal.warn("licscope: kept events \(window.description)") }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: tally.total > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }

    /// Why a file found in a folder or an archive is passed over, or nil when `events` reads it.
    static func skipReason(_ kind: ContentKind?) -> String? {
        switch kind {
        case .binary?: return "binary content, neither a log nor a capture"
        case .archive?: return "an archive that could not be expanded"
        case nil: return "cannot be read"
        default: return nil
        }
    }
}
