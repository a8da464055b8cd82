import Foundation
import LicensingModel
import TextIngest
import Timeline

/// Resolves the repeated autumn hour across the rotations of one log (`slm.log.2.gz`, `slm.log.1`, `slm.log`): a
/// newer file whose first lines in that hour were read as its first occurrence, while the older file already reached
/// past them, belongs to the second occurrence. Each file is read on its own (on all cores), so this is settled once
/// all are read; the moved events say why.
enum RotationOrder {
    /// The note ``WallClockConverter`` writes on a time read as the repeated hour's first occurrence.
    static let firstOccurrence = "taken as the first occurrence"

    /// `sources` with those events moved; `zones` are the zones the zone-less sources were read in.
    static func apply(_ sources: [SourceEvents], zones: [SourceZone]) -> [SourceEvents] {
        let logs = sources.indices.filter { sources[$0].kind == .licenseManagerLog || sources[$0].kind == .syslog }
        let families = Dictionary(grouping: logs.compactMap { i in rotation(of: sources[i].path).map { (i, $0) } }) { $0.1.family }
        var out = sources
        for (_, members) in families where members.count > 1 {
            // Oldest first: the highest rotation index is the oldest file.
            let ordered = members.sorted { $0.1.index > $1.1.index }.map(\.0)
            for (older, newer) in zip(ordered, ordered.dropFirst()) {
                guard let end = out[older].span?.end,
                    let zoneName = zones.first(where: { $0.path == out[newer].path })?.zone,
                    let zone = LocalZone(identifier: zoneName)
                else { continue }
                let olderPath = out[older].path
                // Only events read as the repeated hour's first occurrence can move.
                guard out[newer].events.contains(where: { $0.time?.assumptions.contains { $0.contains(firstOccurrence) } ?? false })
                else { continue }
                // Occurrence by occurrence: some repeats of a folded message may lie in the first occurrence of the
                // hour and some after it; the moved ones fold again among themselves.
                let folded = out[newer].events.hasFoldedRepeats
                let events = folded ? out[newer].events.unfolded() : out[newer].events
                let placed = events.map { moved($0, before: end, zone: zone, olderPath: olderPath) }
                out[newer].events = folded ? EventFolder.fold(placed) : placed
            }
        }
        return out
    }

    /// `slm.log.2.gz` → family `…/slm.log`, index 2; `slm.log` → index 0; nil for names that are no rotation.
    static func rotation(of path: String) -> (family: String, index: Int)? {
        var name = Substring(path)
        if name.lowercased().hasSuffix(".gz") { name = name.dropLast(3) }
        if let dot = name.lastIndex(of: "."), let n = Int(name[name.index(after: dot)...]), n >= 0, n < 10_000 {
            return (String(name[..<dot]), n)
        }
        return (String(name), 0)
    }

    /// `e` moved to the repeated hour's second occurrence when it was read as the first but lies before `end`, the
    /// last line of the older rotation.
    static func moved(_ e: Event, before end: Date, zone: LocalZone, olderPath: String) -> Event {
        guard var t = e.time, let i = t.assumptions.firstIndex(where: { $0.contains(firstOccurrence) }),
            t.instant < end - WallClockConverter.reorderTolerance
        else { return e }
        let wall = Int64((t.instant.timeIntervalSince1970 + Double(t.utcOffsetSeconds ?? 0)).rounded(.down))
        let valid = zone.offsets(wall: wall).valid
        guard valid.count == 2, let later = valid.last, later != t.utcOffsetSeconds else { return e }
        t.instant += Double((t.utcOffsetSeconds ?? later) - later)
        t.utcOffsetSeconds = later
        t.assumptions[i] = t.assumptions[i].replacingOccurrences(
            of: firstOccurrence,
            with: "the second occurrence: the older rotation \(olderPath) had already passed the first")
            .replacingOccurrences(of: ZoneResolver.format(valid[0]), with: ZoneResolver.format(later))
        var copy = e
        copy.time = t
        return copy
    }
}
