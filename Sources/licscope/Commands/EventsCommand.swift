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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var damaged = false
        var eventCount = 0
        for path in Self.expand(paths) {
            let options = LogIngestOptions(zones: resolver, yearHints: hints, displayPath: path, catalog: catalog)
            let result = LogIngester.ingest(path: path, options: options)
            for event in result.events {
                switch format {
                case .text: print(Self.textLine(event))
                case .jsonl: print(String(decoding: try encoder.encode(EventLine(event)), as: UTF8.self))
                }
            }
            for d in result.damage { FileHandle.standardError.write(Data("licscope: \(d)\n".utf8)) }
            damaged = damaged || !result.damage.isEmpty
            eventCount += result.events.count
            let summary = "\(path): \(result.linesRead) lines, format \(result.format), \(result.events.count) events"
            FileHandle.standardError.write(Data("licscope: \(summary)\n".utf8))
        }
        let status = ExitStatus.of(findings: false, partlyUnreadable: damaged, evidence: eventCount > 0)
        if status != .healthy { throw ExitCode(status.rawValue) }
    }

    /// `2018-01-26T09:41:23Z  communication.failed  reason="…" url=…  slm.log:12` (`~` marks an assumed time).
    static func textLine(_ e: Event) -> String {
        let time = e.time.map { $0.instant.iso8601UTC + ($0.assumptions.isEmpty ? " " : "~") } ?? "-".padding(
            toLength: 21, withPad: " ", startingAt: 0)
        let fields = e.fields.keys.sorted().compactMap { k -> String? in
            guard let v = e.fields[k]?.text else { return nil }
            return v.contains(" ") || v.isEmpty ? "\(k)=\"\(v)\"" : "\(k)=\(v)"
        }
        return "\(time) \(e.kind.rawValue)  \(fields.joined(separator: " "))  \(e.source)"
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

/// One JSON line of `licscope events --format jsonl`.
struct EventLine: Encodable {
    var kind: String
    var time: String?
    var timeRaw: String?
    var timeAssumptions: [String]?
    var source: String
    var fields: [String: FieldValue]
    var excerpt: String?

    init(_ e: Event) {
        kind = e.kind.rawValue
        time = e.time?.instant.iso8601UTC
        timeRaw = e.time?.raw
        timeAssumptions = e.time.flatMap { $0.assumptions.isEmpty ? nil : $0.assumptions }
        source = e.source.description
        fields = e.fields
        excerpt = e.excerpt
    }

    enum CodingKeys: String, CodingKey {
        case kind, time, source, fields, excerpt
        case timeRaw = "time_raw"
        case timeAssumptions = "time_assumptions"
    }
}
