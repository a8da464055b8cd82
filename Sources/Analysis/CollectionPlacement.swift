import Foundation
import LicensingModel
import TextIngest
import Timeline

/// Places `show license` outputs whose transcript printed no collection time: at the archive member's own date,
/// else at the last line of the node's License Manager trace (the bundle collects both at once), when either is not
/// before the latest activity the output reports; otherwise they stay at that latest activity. The assumption on
/// each moved event says which.
enum CollectionPlacement {
    /// The prefix of the placement assumption `SnapshotEvents` writes for an output placed at its latest activity.
    static let placedAtActivity = "the output does not print when it ran; placed at the latest activity"

    /// `sources` with the outputs placed; `memberDates` are the CLI files' archive member dates by display path.
    static func apply(_ sources: [SourceEvents], memberDates: [String: Date]) -> [SourceEvents] {
        let logs = sources.filter { $0.kind == .licenseManagerLog || $0.kind == .syslog }
        return sources.map { group in
            guard group.kind == .cli else { return group }
            var g = group
            g.events = group.events.map { e in
                guard let t = e.time, t.assumptions.contains(where: { $0.hasPrefix(placedAtActivity) }) else { return e }
                guard let (at, why) = placement(for: group.path, after: t.instant, memberDates: memberDates, logs: logs)
                else { return e }
                var moved = e
                moved.time = EventTime(
                    instant: at, raw: at.iso8601UTC, utcOffsetSeconds: t.utcOffsetSeconds, zoneLabel: t.zoneLabel,
                    assumptions: t.assumptions.filter { !$0.hasPrefix(placedAtActivity) }
                        + ["the output does not print when it ran; placed at \(why) (\(at.iso8601UTC))"])
                return moved
            }
            return g
        }
    }

    private static func placement(for path: String, after latest: Date, memberDates: [String: Date], logs: [SourceEvents])
        -> (Date, String)?
    {
        if let d = memberDates[path], d >= latest { return (d, "the archive member date of \(path)") }
        let nearest = logs.filter { $0.span != nil }.min { a, b in
            let (da, db) = (ZoneDecision.distance(path, a.path), ZoneDecision.distance(path, b.path))
            return da != db ? da < db : a.span!.end > b.span!.end
        }
        if let n = nearest, let end = n.span?.end, end >= latest { return (end, "the last line of \(n.path)") }
        return nil
    }
}
