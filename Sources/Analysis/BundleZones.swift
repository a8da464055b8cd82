import Foundation
import Inflate
import BundleIngest
import LicensingModel
import TextIngest

/// Gathers what a bundle says about its nodes' zones, for ``ZoneDecision``.
public enum BundleZones {
    /// CLI transcripts and unclassified text larger than this are not searched for zone evidence.
    static let maxBytes = 4 << 20

    /// Zone evidence from every entry the registry recognised as CLI output or left as unclassified text (a
    /// `show timezone config` transcript), of at most 4 MiB; only `show license` outputs give printed
    /// abbreviations. Logs and captures are not read here (a log is read once, by its reader). The one path of
    /// `analyze` and `events`: only regular files are opened (``RandomAccessFile`` refuses a FIFO, which would block
    /// until a writer comes, a device, which has no end, and a directory).
    public static func evidence(_ entries: [EvidenceEntry]) -> [ZoneEvidence] {
        entries.filter { ($0.content == .cli || $0.content == .text) && $0.size <= maxBytes }.flatMap { e -> [ZoneEvidence] in
            guard let file = try? RandomAccessFile(path: e.localPath), file.size <= maxBytes,
                let bytes = try? file.read(at: 0, count: file.size)
            else { return [] }
            return ZoneEvidence.read(
                text: String(decoding: bytes, as: UTF8.self), path: e.displayPath, showLicenseOutput: e.content == .cli)
        }
    }

    /// Whether some event was read from a stamp that printed no zone.
    static func readUnzoned(_ events: [Event]) -> Bool { events.contains(where: readUnzoned) }

    /// Whether `event` was read from a stamp that printed no zone.
    static func readUnzoned(_ event: Event) -> Bool {
        event.time?.assumptions.contains { $0.hasPrefix("no zone printed") } ?? false
    }
}
