import Foundation
import BundleIngest
import LicensingModel
import TextIngest
import Timeline

/// License Manager traces, syslog, RTMT alert lines, `utils service list` outputs — everything the message
/// catalog reads — and unrecognised text, which is read through the catalog too (a pasted CLI session, say) but
/// stays skipped when no licensing event is in it.
public struct CatalogLogEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "message catalog" }
    public var pass: Int { 1 }

    /// Syslog, RTMT alerts, `utils service list` and License Manager traces (``CatalogLogMarkers``).
    public var textMarkers: [TextMarkers] { CatalogLogMarkers.all }

    /// Unclaimed text is read through the catalog too (a pasted CLI session holds configuration commands).
    public var readsUnclaimedText: Bool { true }

    /// `slm.log.1.gz` is inflated as it is read (``LogIngester``), never expanded to disk first.
    public var readsGzip: Bool { true }

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        read(entry, contents: nil, context: context)
    }

    /// Reads `entry` whose decompressed bytes a reader already holds (`contents`), without opening it again;
    /// yearless stamps are dated as from the file (its member date, else its modification time). Nil: from the file.
    func read(_ entry: EvidenceEntry, contents: [UInt8]?, context: EvidenceReaderContext) -> EvidenceReading {
        var (options, zone) = Self.options(entry, context: context)
        // Taken before the file is read: a file that changes while or after it is read is not re-read.
        let lineFile = options.keepLineText ? nil : LogLineFile(localPath: entry.localPath)
        let r: LogIngestResult
        if let contents {
            options.modificationTime = options.modificationTime
                ?? (try? FileManager.default.attributesOfItem(atPath: entry.localPath))?[.modificationDate] as? Date
            r = LogIngester.ingest(bytes: contents, options: options)
        } else {
            r = LogIngester.ingest(path: entry.localPath, options: options)
        }
        var out = EvidenceReading(reader: r.format)
        if let lineFile { out.excerptFiles = [entry.displayPath: lineFile] }
        if entry.content == .text && r.events.isEmpty {
            // A `show timezone config` transcript is read (for the zone decision), not skipped.
            if context.zoneEvidence.contains(where: { $0.path == entry.displayPath }) {
                out.reader = "show timezone config"
            } else {
                out.nothingFound = true
            }
            return out
        }
        if BundleZones.readUnzoned(r.events) { out.timeZones = [zone] }
        var span: DateInterval?
        if let lo = r.firstTime, let hi = r.lastTime, hi >= lo { span = DateInterval(start: lo, end: hi) }
        let kind = Self.kind(entry.content, found: r.evidenceKinds)
        out.sources = [SourceEvents(path: entry.displayPath, kind: kind, events: r.events, span: span)]
        // Unrecognised text shows only the kinds the catalog found in it, never a kind it was filed under.
        out.present = entry.content == .text ? r.evidenceKinds : r.evidenceKinds.union([kind])
        out.lines = r.linesRead
        out.damage = r.damage
        return out
    }

    /// Streams the file through the catalog (``LogIngester/stream(path:options:progress:sink:)``), holding no
    /// events: lines, format and damage come back, and the zone zone-less lines were read in when there were any.
    /// Text with no event in it is still reported with its lines (`events` lists every file it reads).
    public func stream(
        _ entry: EvidenceEntry, context: EvidenceReaderContext, progress: ((Int) -> Void)?, sink: (Event) -> Void
    ) -> EvidenceReading {
        var (options, zone) = Self.options(entry, context: context)
        options.foldRepeats = false
        var unzoned = false
        let r = LogIngester.stream(path: entry.localPath, options: options, progress: progress) { event in
            if !unzoned, BundleZones.readUnzoned(event) { unzoned = true }
            sink(event)
        }
        var out = EvidenceReading(reader: r.format)
        if unzoned { out.timeZones = [zone] }
        let kind = Self.kind(entry.content, found: r.evidenceKinds)
        out.present = entry.content == .text ? r.evidenceKinds : r.evidenceKinds.union([kind])
        out.lines = r.linesRead
        out.damage = r.damage
        return out
    }

    /// The log options for `entry` (its zone decided from the bundle's evidence), and that decision.
    private static func options(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> (LogIngestOptions, SourceZone) {
        let (zones, zone) = ZoneDecision.decide(
            for: entry.displayPath, evidence: context.zoneEvidence, resolver: context.options.zones)
        var options = LogIngestOptions(
            zones: zones, yearHints: context.yearHints, displayPath: entry.displayPath,
            catalog: context.options.catalog, modificationTime: entry.memberDate)
        options.keepLineText = context.options.keepLogLineText
        options.foldRepeats = context.options.foldRepeats
        options.splitAcrossCores = context.splitLargeFiles
        return (options, zone)
    }

    /// The kind the timeline files the source under. Unrecognised text whose events name no kind is filed as
    /// syslog-like text: shifted with the other logs on a clock skew, and no License Manager coverage.
    static func kind(_ c: ContentKind, found: Set<EvidenceKind>) -> EvidenceKind {
        switch c {
        case .serviceList: return .serviceList
        case .rtmtAlerts: return .rtmtAlert
        case .syslog: return .syslog
        case .text: return found.sorted { $0.rawValue < $1.rawValue }.first ?? .syslog
        default:
            return found.contains(.licenseManagerLog) || found.isEmpty
                ? .licenseManagerLog : found.sorted { $0.rawValue < $1.rawValue }[0]
        }
    }
}
