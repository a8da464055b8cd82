import Foundation
import BundleIngest
import LicensingModel
import PacketIngest
import Reports
import TextIngest
import Timeline

/// Every input file turned into events, with its inventory line.
public struct CollectedEvidence: Sendable {
    /// Events per input file.
    public var sources: [SourceEvents] = []
    /// One line per input file, archive member, refusal or skip.
    public var inventory: [AnalysisReport.InventoryEntry] = []
    /// Every evidence kind seen (a mixed log can hold syslog and RTMT alerts at once).
    public var present: Set<EvidenceKind> = []
    /// Some input could not be read in full.
    public var partlyUnreadable = false
}

/// Reads each bundle entry with the parser its content calls for.
enum EvidenceCollector {
    static func collect(_ bundle: OpenedBundle, options: AnalysisOptions) -> CollectedEvidence {
        var out = CollectedEvidence()
        var byPath: [String: AnalysisReport.InventoryEntry] = [:]
        var order: [String] = []
        for item in bundle.inventory {
            let entry = AnalysisReport.InventoryEntry(
                path: item.displayPath, parsedAs: item.fileClass.rawValue, status: status(item.status), reason: item.reason,
                bytes: item.size)
            if byPath[item.displayPath] == nil { order.append(item.displayPath) }
            byPath[item.displayPath] = entry
        }
        // CLI outputs first: their printed years anchor yearless log lines.
        let entries = bundle.entries.sorted { rank($0.fileClass) < rank($1.fileClass) }
        var yearHints: [CiscoTimestamp.YearHint] = []
        for entry in entries {
            var inv = byPath[entry.displayPath]
                ?? AnalysisReport.InventoryEntry(path: entry.displayPath, parsedAs: entry.fileClass.rawValue, status: .parsed, bytes: entry.size)
            if byPath[entry.displayPath] == nil { order.append(entry.displayPath) }
            switch entry.fileClass {
            case .cli:
                let (group, lines, problems) = readCLI(entry, zones: options.zones)
                out.sources.append(group)
                out.present.insert(.cli)
                inv.lines = lines
                inv.events = group.events.count
                inv.reader = "show license parser"
                if !problems.isEmpty {
                    // Same rule as `licscope status`: lines that look like fields but cannot be read are lost evidence.
                    inv.status = .partlyUnreadable
                    inv.reason = listed(problems)
                }
                for e in group.events {
                    // The latest activity the output reports is closest to when the logs beside it were written.
                    if let s = e.snapshot, let t = SnapshotEvents.observationTime(s) {
                        let year = LicensingCalendar.components(of: t.instant, offsetSeconds: t.utcOffsetSeconds ?? 0).year
                        yearHints.append(.init(year: year, source: "\(entry.displayPath) (show license output)"))
                    }
                }
            case .pcap, .pcapng:
                let a = CaptureAnalyzer.analyze(
                    path: entry.localPath,
                    options: CaptureOptions(extraTrustAnchorsPEM: options.extraTrustAnchorsPEM, displayPath: entry.displayPath))
                out.sources.append(SourceEvents(path: entry.displayPath, kind: .capture, events: a.events))
                out.present.insert(.capture)
                inv.frames = a.framesRead
                inv.events = a.events.count
                inv.reader = a.reader
                if a.isPartlyUnreadable {
                    inv.status = .partlyUnreadable
                    inv.reason = listed(a.errors.map(\.description))
                }
            case .licenseLog, .syslog, .rtmtAlerts, .serviceList, .text:
                let r = LogIngester.ingest(
                    path: entry.localPath,
                    options: LogIngestOptions(zones: options.zones, yearHints: yearHints, displayPath: entry.displayPath,
                        catalog: options.catalog))
                // Unrecognised text still goes through the catalog (a pasted CLI session, say); with no licensing
                // event in it, it stays skipped with the classifier's reason.
                if entry.fileClass == .text && r.events.isEmpty { break }
                let kind = evidenceKind(entry.fileClass, r.evidenceKinds)
                var span: DateInterval?
                if let lo = r.firstTime, let hi = r.lastTime, hi >= lo { span = DateInterval(start: lo, end: hi) }
                out.sources.append(SourceEvents(path: entry.displayPath, kind: kind, events: r.events, span: span))
                if entry.fileClass == .text {
                    inv.status = .parsed
                    inv.reason = nil
                }
                out.present.formUnion(r.evidenceKinds)
                out.present.insert(kind)
                inv.lines = r.linesRead
                inv.events = r.events.count
                inv.reader = r.format
                if !r.damage.isEmpty {
                    inv.status = .partlyUnreadable
                    inv.reason = listed(r.damage.map(\.description))
                }
            case .archive, .binary, .unknown:
                break
            }
            byPath[entry.displayPath] = inv
        }
        out.inventory = order.compactMap { byPath[$0] }
        out.partlyUnreadable = out.inventory.contains { $0.status == .partlyUnreadable || $0.status == .refused }
            || bundle.hasUnreadableInput
        return out
    }

    static func readCLI(_ entry: BundleEntry, zones: ZoneResolver) -> (SourceEvents, Int, [String]) {
        let data = FileManager.default.contents(atPath: entry.localPath) ?? Data()
        let reading = SnapshotEvents.read(text: String(decoding: data, as: UTF8.self), path: entry.displayPath, zones: zones)
        return (SourceEvents(path: entry.displayPath, kind: .cli, events: reading.groups.flatMap { $0 }),
            reading.lineCount, reading.problems.flatMap { $0 })
    }

    private static func rank(_ c: FileClass) -> Int { c == .cli ? 0 : 1 }

    /// The first three problems, and how many more there are.
    static func listed(_ problems: [String]) -> String {
        let shown = problems.prefix(3).joined(separator: "; ")
        return problems.count > 3 ? "\(shown); and \(problems.count - 3) more" : shown
    }

    private static func evidenceKind(_ c: FileClass, _ found: Set<EvidenceKind>) -> EvidenceKind {
        switch c {
        case .serviceList: return .serviceList
        case .rtmtAlerts: return .rtmtAlert
        case .syslog: return .syslog
        case .text: return found.sorted { $0.rawValue < $1.rawValue }.first ?? .cli
        default: return found.contains(.licenseManagerLog) || found.isEmpty ? .licenseManagerLog : found.sorted { $0.rawValue < $1.rawValue }[0]
        }
    }

    private static func status(_ s: InventoryItem.Status) -> AnalysisReport.InventoryEntry.Status {
        switch s {
        case .parsed: return .parsed
        case .skipped: return .skipped
        case .refused: return .refused
        case .partlyUnreadable: return .partlyUnreadable
        }
    }
}
