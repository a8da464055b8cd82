import Foundation
import BundleIngest
import LicensingModel
import TextIngest

/// Gathers what a bundle says about its nodes' zones, for ``ZoneDecision``.
public enum BundleZones {
    /// CLI transcripts and unclassified text larger than this are not searched for zone evidence.
    static let maxBytes = 4 << 20

    /// Zone evidence from loose files (what `events` is given), found as `analyze` finds it: only files of at most
    /// 4 MiB whose first bytes classify as CLI output or unrecognised text are read in full, so a log is read once,
    /// by its ingest, not a second time for evidence it does not hold.
    /// `displayPaths` names files whose pointers differ from their paths (archive members, standard input).
    /// - Returns: the evidence, and the files read in full for it.
    public static func evidence(files: [String], displayPaths: [String: String] = [:])
        -> (evidence: [ZoneEvidence], readInFull: [String])
    {
        var evidence: [ZoneEvidence] = []
        var read: [String] = []
        for path in files {
            // Only regular files: opening a FIFO for reading blocks until a writer comes (events on a folder
            // holding one hung here), and a device has no end.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? NSNumber,
                size.intValue <= maxBytes, let handle = FileHandle(forReadingAtPath: path)
            else { continue }
            defer { try? handle.close() }
            let prefix = [UInt8]((try? handle.read(upToCount: EvidenceReaderRegistry.prefixLength)) ?? Data())
            let kind = EvidenceReaderRegistry.standard.recognise(prefix: prefix, name: path).kind
            guard kind == .cli || kind == .text else { continue }
            let rest = (try? handle.readToEnd()) ?? Data()
            read.append(path)
            evidence += ZoneEvidence.read(
                text: String(decoding: prefix + [UInt8](rest), as: UTF8.self), path: displayPaths[path] ?? path,
                showLicenseOutput: kind == .cli)
        }
        return (evidence, read)
    }

    /// Zone evidence from every CLI output and unclassified text file (a `show timezone config` transcript); only
    /// files the registry recognised as `show license` output give printed abbreviations.
    static func evidence(_ entries: [(BundleEntry, ContentKind)]) -> [ZoneEvidence] {
        entries.filter { ($1 == .cli || $1 == .text) && $0.size <= maxBytes }.flatMap { e, kind -> [ZoneEvidence] in
            guard let data = FileManager.default.contents(atPath: e.localPath) else { return [] }
            return ZoneEvidence.read(
                text: String(decoding: data, as: UTF8.self), path: e.displayPath, showLicenseOutput: kind == .cli)
        }
    }

    /// Whether some event was read from a stamp that printed no zone.
    static func readUnzoned(_ events: [Event]) -> Bool { events.contains(where: readUnzoned) }

    /// Whether `event` was read from a stamp that printed no zone.
    static func readUnzoned(_ event: Event) -> Bool {
        event.time?.assumptions.contains { $0.hasPrefix("no zone printed") } ?? false
    }
}
