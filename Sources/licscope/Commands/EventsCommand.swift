import Analysis
import ArgumentParser
import Foundation
import LicensingModel
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
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Log files or folders (folders are read recursively, in name order).")
    var paths: [String]

    @Option(help: "Output format: text or jsonl.")
    var format: OutputFormat = .text

    @OptionGroup var zones: ZoneOptions

    @Option(help: "Year for yearless timestamps (otherwise inferred from dated lines or the file's modification time).")
    var year: Int?

    @Option(help: "Rules directory; the message catalog is its messages/ folder.")
    var rules: String?

    func validate() throws {
        if let year, !(1970...2200).contains(year) { throw ValidationError("--year must be between 1970 and 2200") }
    }

    func run() throws {
        let resolver = try zones.resolver()
        let catalog: MessageCatalog
        do { catalog = try MessageCatalog.bundled(rulesDirectory: rules) } catch {
            throw CommandFailure("\(error)")
        }
        let hints = year.map { [CiscoTimestamp.YearHint(year: $0, source: "--year")] } ?? []
        var out = OutputBuffer()
        var damaged = false
        var eventCount = 0
        let bar = ProgressBar(paths: paths)
        let files = Self.expand(paths)
        // The same zone decision as `analyze`: the zone of zone-less lines comes from the CLI outputs given beside them.
        let evidence = BundleZones.evidence(files: files).evidence
        for path in files {
            let (zones, zone) = ZoneDecision.decide(for: path, evidence: evidence, resolver: resolver)
            let options = LogIngestOptions(zones: zones, yearHints: hints, displayPath: path, catalog: catalog)
            var count = 0
            var unzoned = false
            var untimed = 0
            let result = LogIngester.stream(path: path, options: options, progress: bar.update) { event in
                count += 1
                if !unzoned, event.time?.assumptions.contains(where: { $0.hasPrefix("no zone printed") }) == true {
                    unzoned = true
                }
                switch format {
                case .text:
                    out.append(TerminalText.escaped(EventRecord.text(event)))
                    out.append(byte: 0x0A)
                case .jsonl: if !out.append(eventRecord: event) { untimed += 1 }
                }
            }
            out.flush()
            bar.fileDone(size: ProgressBar.files(under: path).first?.1 ?? 0)
            bar.finish()
            for d in result.damage { FileHandle.standardError.write(Data("licscope: \(d)\n".utf8)) }
            damaged = damaged || !result.damage.isEmpty
            eventCount += count
            var summary = "\(path): \(result.linesRead) lines, format \(result.format), \(count) events"
            if unzoned {
                summary += "; zone-less lines read in \(zone.zone) (\(zone.reason))"
                if let w = zone.warning { summary += "; warning: \(w)" }
            }
            if untimed > 0 { summary += "; \(untimed) untimed events left out of the JSON Lines" }
            FileHandle.standardError.write(Data("licscope: \(summary)\n".utf8))
        }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: eventCount > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }

    /// Files of `paths`, folders expanded recursively in name order.
    static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue else {
                out.append(p)
                continue
            }
            let files = (fm.enumerator(atPath: p)?.compactMap { $0 as? String } ?? []).sorted()
            for f in files {
                let full = (p as NSString).appendingPathComponent(f)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { out.append(full) }
            }
        }
        return out
    }
}
