import Analysis
import ArgumentParser
import BundleIngest
import Foundation
import LicensingModel
import PacketIngest
import Reports
import TextIngest

/// `licscope events PATH…`: the timeline events every registered evidence reader reads — License Manager traces,
/// syslog, RTMT alert lines and `utils service list` outputs (the message catalog), `show license` outputs, `utils
/// ntp status` outputs and captures — each with its `path:line` (or `capture#frame`), each file recognised and read
/// by the reader `analyze` picks for it (``EvidenceReaderRegistry``), streamed where the reader streams.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print the events read from logs (plain or gzip'd), CLI outputs and captures, with path:line pointers.",
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
        let output = try shared.outputFile.openForStreaming()
        let out = EventOutputPipe(
            OutputSink.stream(fd: output.fd, redact: shared.redact),
            format: shared.format == .text ? .text : .jsonl)
        var damaged = inputs.warnUnread()
        var tally = EventTally(window: window)
        let bar = ProgressBar(paths: paths)
        let files = inputs.files
        // The same zone decision as `analyze`, by the same path: the zone of zone-less lines comes from the CLI outputs
        // (and unclassified text) given beside them.
        let evidence = BundleZones.evidence(files.compactMap { $0.kind == nil ? nil : $0.entry })
        var options = AnalysisOptions(zones: resolver, rules: nil, catalog: catalog)
        options.keepLogLineText = true
        options.foldRepeats = false
        // The reader the registry picked (as `analyze` does); a file named on the command line that no reader
        // claims (binary content) is still read as text, so its damage is said.
        let readers = files.map { $0.recognition?.reader ?? ($0.named ? Self.registry.textReader : nil) }
        // The passes `analyze` reads in: every pass but the last (`show license` outputs, small) is read before
        // anything is written, so the years those outputs print date the yearless lines of the logs streamed after
        // them; their events are written in their turn.
        var early: [Int: EvidenceReading] = [:]
        let context = ReadingPasses.read(
            ReadingPasses(readers: readers).batches.dropLast(),
            context: EvidenceReaderContext(options: options, yearHints: hints, zoneEvidence: evidence),
            read: { batch, context in batch.map { readers[$0]?.read(files[$0].entry, context: context) } },
            take: { i, reading in early[i] = reading })
        func send(_ event: Event) {
            // Rendered and written on the pipe's thread while this one reads on.
            if tally.admit(event), !out.send(event) { tally.fileUntimed += 1 }
        }
        for (i, file) in files.enumerated() {
            guard let reader = readers[i] else {
                Terminal.warn("licscope: \(file.displayPath): skipped: \(file.skipReason)")
                continue
            }
            tally.startFile()
            let reading: EvidenceReading
            if var read = early.removeValue(forKey: i) {
                read.handOutEvents(to: send)
                reading = read
            } else {
                reading = reader.stream(file.entry, context: context, progress: bar.update, sink: send)
            }
            for d in reading.damage { Terminal.warn("licscope: \(Self.warning(d, in: file.displayPath))") }
            damaged = damaged || !reading.damage.isEmpty
            var summary = "\(file.displayPath): "
            if let frames = reading.frames {
                summary += "\(frames) frames, reader \(reading.reader), \(tally.fileCount) events"
            } else {
                summary += "\(reading.lines ?? 0) lines, format \(reading.reader), \(tally.fileCount) events"
            }
            if tally.fileUnzoned, let zone = reading.timeZones.first {
                summary += "; zone-less lines read in \(zone.zone) (\(zone.reason))"
                if let w = zone.warning { summary += "; warning: \(w)" }
            }
            out.finish()
            bar.fileDone(size: ProgressBar.files(under: file.localPath).first?.1 ?? 0)
            bar.finish()
            if tally.fileUntimed > 0 { summary += "; \(tally.fileUntimed) untimed events left out of the JSON Lines" }
            if let note = tally.fileWindowNote { summary += "; \(note)" }
            Terminal.warn("licscope: \(summary)")
        }
        try output.finish()
        if let window { Terminal.warn("licscope: kept events \(window.description)") }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: tally.total > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }

    /// The readers `events` reads with: the same as `analyze`'s.
    static let registry = EvidenceReaderRegistry.standard

    /// A damage line on stderr: a log reader's damage names its file and line; other readers' damage is prefixed
    /// with the file (`capture.pcap: truncated record (offset 24, frame 1)`, `show-license-all.txt: line 12: …`).
    static func warning(_ damage: Damage, in path: String) -> String {
        damage.form == .pointer ? damage.description : "\(path): \(damage)"
    }
}
