import Foundation
import LicensingModel

/// What one file of a bundle says about the zone its node runs in: a `show timezone config` output (the node's
/// configured IANA zone), or the zone abbreviations its `show license` outputs print (mapped to an IANA zone).
public struct ZoneEvidence: Hashable, Sendable {
    /// How strong the evidence is; lower is stronger.
    public enum Kind: Int, Hashable, Sendable, Comparable {
        /// `show timezone config`: the configured zone itself.
        case timezoneConfig = 0
        /// Abbreviations printed by `show license` outputs.
        case printedAbbreviations = 1

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// How strong it is.
    public var kind: Kind
    /// The file it came from (display path).
    public var path: String
    /// The zone it points at.
    public var zone: LocalZone
    /// What was read (`show timezone config: Central European Time (Europe/Zurich)`, `CET, CEST printed`).
    public var detail: String
    /// What the mapping leaves open (IST is also Israel and Ireland), when anything.
    public var note: String?
    /// The abbreviations printed (upper-cased), for printed-abbreviation evidence.
    public var labels: [String] = []

    /// Creates a value.
    public init(kind: Kind, path: String, zone: LocalZone, detail: String, note: String? = nil) {
        self.kind = kind
        self.path = path
        self.zone = zone
        self.detail = detail
        self.note = note
    }

    /// The evidence in one CLI file's text: its `show timezone config` lines and, when the file was recognised as
    /// `show license` output (`showLicenseOutput`: the evidence readers' registry decides what a file is, not this
    /// reader), the abbreviations its outputs print.
    public static func read(text: String, path: String, showLicenseOutput: Bool) -> [ZoneEvidence] {
        var out: [ZoneEvidence] = []
        if TimezoneConfigReader.mentionsTimezoneConfig(text) {
            for c in TimezoneConfigReader.read(text) {
                guard let zone = LocalZone(identifier: c.identifier) else { continue }
                out.append(ZoneEvidence(
                    kind: .timezoneConfig, path: path, zone: zone,
                    detail: "show timezone config in \(path):\(c.line) prints \(c.name.isEmpty ? "" : c.name + " ")(\(c.identifier))"))
            }
        }
        if showLicenseOutput {
            let labels = ShowLicenseParser.parse(text, zones: ZoneResolver()).flatMap { printedZoneLabels(in: $0.snapshot) }
            if let e = fromAbbreviations(labels, path: path) { out.append(e) }
        }
        return out
    }

    /// The IANA zone the printed abbreviations stand for (the most printed one's zone when they disagree).
    public static func fromAbbreviations(_ labels: [String], path: String) -> ZoneEvidence? {
        var counts: [String: Int] = [:]
        for l in labels where ZoneTable.ianaZone(for: l) != nil { counts[l.uppercased(), default: 0] += 1 }
        guard !counts.isEmpty else { return nil }
        var byZone: [String: Int] = [:]
        for (abbr, n) in counts { byZone[ZoneTable.ianaZone(for: abbr)!.identifier, default: 0] += n }
        let ranked = byZone.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let zone = LocalZone(identifier: ranked[0].key) else { return nil }
        let abbrs = counts.keys.sorted()
        // A standard-time abbreviation's doubt (EST without EDT …) is settled when its summer partner is printed too.
        let partners = ["EST": "EDT", "CST": "CDT", "MST": "MDT", "GMT": "BST", "BST": "GMT"]
        let notes = Set(abbrs.filter { partners[$0].map { counts[$0] == nil } ?? true }
            .compactMap { ZoneTable.ianaZone(for: $0)?.note }).sorted()
        var note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        if ranked.count > 1 {
            let others = ranked.dropFirst().map(\.key).joined(separator: ", ")
            note = [note, "the abbreviations also point at \(others)"].compactMap { $0 }.joined(separator: "; ")
        }
        var evidence = ZoneEvidence(
            kind: .printedAbbreviations, path: path, zone: zone,
            detail: "\(path) prints times in \(abbrs.joined(separator: ", ")), taken as \(ranked[0].key)", note: note)
        evidence.labels = abbrs
        return evidence
    }

    /// Every zone label of the times a snapshot holds (bounded reflection over its fields).
    static func printedZoneLabels(in value: Any, depth: Int = 0) -> [String] {
        if let t = value as? EventTime {
            // Only labels the text printed (an unzoned time carries the zone it was read in).
            guard let l = t.zoneLabel, t.raw.uppercased().contains(l.uppercased()) else { return [] }
            return [l]
        }
        guard depth < 6 else { return [] }
        return Mirror(reflecting: value).children.flatMap { printedZoneLabels(in: $0.value, depth: depth + 1) }
    }
}
