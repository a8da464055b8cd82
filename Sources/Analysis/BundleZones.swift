import Foundation
import BundleIngest
import LicensingModel
import TextIngest

/// Gathers what a bundle says about its nodes' zones, for ``ZoneDecision``.
enum BundleZones {
    /// CLI transcripts and unclassified text larger than this are not searched for zone evidence.
    static let maxBytes = 4 << 20

    /// Zone evidence from every CLI output and unclassified text file (a `show timezone config` transcript).
    static func evidence(_ entries: [BundleEntry]) -> [ZoneEvidence] {
        entries.filter { ($0.fileClass == .cli || $0.fileClass == .text) && $0.size <= maxBytes }.flatMap { e -> [ZoneEvidence] in
            guard let data = FileManager.default.contents(atPath: e.localPath) else { return [] }
            return ZoneEvidence.read(text: String(decoding: data, as: UTF8.self), path: e.displayPath)
        }
    }

    /// Whether some event was read from a stamp that printed no zone.
    static func readUnzoned(_ events: [Event]) -> Bool {
        events.contains { $0.time?.assumptions.contains { $0.hasPrefix("no zone printed") } ?? false }
    }
}
