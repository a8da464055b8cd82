import BundleIngest
import Foundation
import LicensingModel
import TextIngest
import Timeline

/// `show license …` outputs: snapshots of the product's own view, whose printed years anchor yearless log lines.
public struct ShowLicenseEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "show license parser" }
    public var pass: Int { 0 }

    public func recognises(_ entry: EvidenceEntry) -> Bool { entry.contentClass == .cli }

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        let data = FileManager.default.contents(atPath: entry.localPath) ?? Data()
        let reading = SnapshotEvents.read(
            text: String(decoding: data, as: UTF8.self), path: entry.displayPath, zones: context.options.zones)
        let events = reading.groups.flatMap { $0 }
        var out = EvidenceReading(reader: name)
        out.sources = [SourceEvents(path: entry.displayPath, kind: .cli, events: events)]
        out.present = [.cli]
        out.lines = reading.lineCount
        // Same rule as `licscope status`: lines that look like fields but cannot be read are lost evidence.
        out.damage = reading.problems.flatMap { $0 }
        for e in events {
            // The latest activity the output reports is closest to when the logs beside it were written.
            if let s = e.snapshot, let t = SnapshotEvents.observationTime(s) {
                let year = LicensingCalendar.components(of: t.instant, offsetSeconds: t.utcOffsetSeconds ?? 0).year
                out.yearHints.append(.init(year: year, source: "\(entry.displayPath) (show license output)"))
            }
        }
        return out
    }
}
