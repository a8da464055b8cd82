import Foundation
import LicensingModel

/// Decides each zone-less source's zone from the bundle's ``ZoneEvidence``: `--tz` first, then the node's
/// `show timezone config`, then the abbreviations its `show license` outputs print; the evidence nearest to the
/// source in the bundle's folders counts as its node's. Without evidence UTC is assumed, and said.
public enum ZoneDecision {
    /// The resolver to read `path` with, and the statement for the report.
    public static func decide(for path: String, evidence: [ZoneEvidence], resolver: ZoneResolver)
        -> (ZoneResolver, SourceZone)
    {
        if resolver.unzonedFromCommandLine, let z = resolver.unzoned {
            let disagreeing = Set(evidence.filter { !same($0.zone, z) }.map(\.zone.description)).sorted()
            let warning = disagreeing.isEmpty ? nil
                : "--tz \(z) overrides the bundle, which points at \(disagreeing.joined(separator: ", "))"
            return (resolver, SourceZone(path: path, zone: z.description, reason: resolver.unzonedReason ?? "--tz", warning: warning))
        }
        guard let best = best(for: path, evidence: evidence) else {
            return (resolver, SourceZone(
                path: path, zone: "UTC",
                reason: "no zone evidence in the bundle (no show timezone config, no zone printed by a show license output)",
                warning: "\(path) prints no zone and the bundle names none: read as UTC; say the node's zone with --tz (e.g. --tz Europe/Zurich)"))
        }
        let rivals = evidence.filter { $0.kind == best.kind && !same($0.zone, best.zone) && distance(path, $0.path) == distance(path, best.path) }
        var warnings: [String] = []
        if !rivals.isEmpty {
            warnings.append("evidence disagrees: " + ([best] + rivals).map(\.detail).joined(separator: "; "))
        }
        if best.kind == .timezoneConfig,
            let abbr = evidence.first(where: { $0.kind == .printedAbbreviations && !same($0.zone, best.zone) && !printsOwn($0, best.zone) })
        {
            warnings.append("\(abbr.detail), which differs from the configured \(best.zone)")
        }
        var reason = best.detail
        if let note = best.note { reason += " (\(note))" }
        let resolved = resolver.withUnzoned(best.zone, reason: best.detail)
        return (resolved, SourceZone(
            path: path, zone: best.zone.description, reason: reason,
            warning: warnings.isEmpty ? nil : warnings.joined(separator: "; ")))
    }

    /// `resolver` with the configured zone (`show timezone config`) nearest to `path`, which settles the
    /// ambiguous abbreviations the file prints (see ``ZoneResolver/configuredZone``).
    public static func withConfiguredZone(for path: String, evidence: [ZoneEvidence], resolver: ZoneResolver) -> ZoneResolver {
        guard let best = best(for: path, evidence: evidence.filter { $0.kind == .timezoneConfig }) else { return resolver }
        return resolver.withConfiguredZone(best.zone, reason: best.detail)
    }

    /// The strongest evidence, nearest to `path` first.
    static func best(for path: String, evidence: [ZoneEvidence]) -> ZoneEvidence? {
        evidence.min { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            let (da, db) = (distance(path, a.path), distance(path, b.path))
            return da != db ? da < db : a.path < b.path
        }
    }

    /// Whether the abbreviations behind `evidence` are ones `zone` prints with another meaning (IST under Asia/Jerusalem).
    static func printsOwn(_ evidence: ZoneEvidence, _ zone: LocalZone) -> Bool {
        guard case .named(let n) = zone else { return false }
        return evidence.labels.contains { ZoneTable.otherZones(printing: $0).contains(n.identifier) }
    }

    /// Folder steps between two files (fewer means more likely the same node's).
    public static func distance(_ a: String, _ b: String) -> Int { BundlePath.distance(a, b) }

    /// Two zones with the same offsets over the years logs cover (Europe/Paris and Europe/Zurich).
    static func same(_ a: LocalZone, _ b: LocalZone) -> Bool {
        if a == b { return true }
        // Compare offsets at each month's middle over two recent years, and at the EU and US change days.
        let start = 1_704_067_200.0  // 2024-01-01
        for k in 0..<48 {
            let t = Date(timeIntervalSince1970: start + Double(k) * 15.2 * 86_400)
            if a.offset(at: t) != b.offset(at: t) { return false }
        }
        return true
    }
}
