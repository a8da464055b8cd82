import Foundation
import BundleIngest
import LicensingModel
import TextIngest
import Timeline

/// `utils ntp status` outputs (``NtpStatusReader``), recognised by their own lines in the registry's text vote. The
/// rest of such a transcript is still read by the message catalog, as unclaimed text would be; a `show license`
/// transcript holding an NTP status is read by ``ShowLicenseEvidenceReader``, which adds these events.
public struct NtpStatusEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "utils ntp status" }
    /// The catalog's pass: the transcript's other lines may need the years `show license` outputs print.
    public var pass: Int { 1 }

    /// The kind the inventory shows for such a transcript.
    public static let kind = ContentKind("ntpStatus")

    /// The output's own lines (Cisco 118718, Cisco community 3166570; `Tests/TextIngestTests/Fixtures/ntp/README.md`).
    public var textMarkers: [TextMarkers] {
        [TextMarkers(Self.kind, markers: [
            "utils ntp status", "ntpd (pid ", "synchronised to NTP server", "unsynchronised", "time server re-starting",
            "time correct to within ", "polling server every ",
        ], nameHints: ["ntp"])]
    }

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        // Read once (a transcript is small): the catalog reads the bytes as text nobody claimed — what it finds is
        // kept, nothing is filed as a log — and the NTP reader reads the same bytes. A file that cannot be read is
        // left to the catalog, which says so.
        var asText = entry
        asText.content = .text
        let contents = FileManager.default.contents(atPath: entry.localPath).map { [UInt8]($0) }
        var out = CatalogLogEvidenceReader().read(asText, contents: contents, context: context)
        let text = String(decoding: contents ?? [], as: UTF8.self)
        let (events, problems) = NtpStatusReader.events(text: text, path: entry.displayPath)
        guard !events.isEmpty else { return out }
        let catalogFound = !out.nothingFound && out.eventCount > 0
        Self.add(events, problems: problems, path: entry.displayPath, to: &out)
        out.reader = catalogFound || out.reader == "show timezone config" ? "\(out.reader) + \(name)" : name
        out.nothingFound = false
        out.lines = out.lines ?? TextLineCount.of(text)
        return out
    }

    /// Adds the NTP events to `reading` as a CLI source of their own, with the rows that could not be read as damage.
    static func add(_ events: [Event], problems: [Damage], path: String, to reading: inout EvidenceReading) {
        reading.sources.append(SourceEvents(path: path, kind: .cli, events: events))
        reading.present.insert(.cli)
        reading.damage += problems
    }
}
