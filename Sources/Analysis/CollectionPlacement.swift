import Foundation
import LicensingModel
import TextIngest
import Timeline

/// Places `show license` outputs whose transcript printed no collection time: at the archive member's own date,
/// else at the last line of the node's License Manager trace (the bundle collects both at once), when either is not
/// before the latest activity the output reports; otherwise they stay at that latest activity. The assumption on
/// each moved event says which.
///
/// Member dates are trusted only when the archive's logs do not contradict them. A trace member dated more than
/// ``repackTolerance`` after its own last line suggests the archive was packed again later (a TAC engineer unpacks
/// and repacks an upload), so its dates are the repacking's; the member date is then not used, and the assumption
/// says so as an inference. Within the tolerance a member date may be the collection's own (a quiet trace), and
/// stays in use.
enum CollectionPlacement {
    /// How far a trace member's date may lie after its last line before the archive's dates are taken as a repack's:
    /// two days, longer than a License Manager trace of a running node stays quiet [inferred].
    static let repackTolerance: TimeInterval = 2 * 86400

    /// The prefix of the placement assumption `SnapshotEvents` writes for an output placed at its latest activity.
    static let placedAtActivity = "the output does not print when it ran; placed at the latest activity"

    /// `sources` with the outputs placed; `memberDates` are the archive member dates by display path (CLI outputs'
    /// and logs').
    static func apply(_ sources: [SourceEvents], memberDates: [String: Date]) -> [SourceEvents] {
        let logs = sources.filter { $0.kind == .licenseManagerLog || $0.kind == .syslog }
        let repacked = repackedTrace(logs, memberDates: memberDates)
        return sources.map { group in
            guard group.kind == .cli else { return group }
            var g = group
            g.events = group.events.map { e in
                guard let t = e.time, t.assumptions.contains(where: { $0.hasPrefix(placedAtActivity) }) else { return e }
                guard
                    let (at, why) = placement(
                        for: group.path, after: t.instant, memberDates: repacked == nil ? memberDates : [:], logs: logs)
                else { return e }
                var assumptions = t.assumptions.filter { !$0.hasPrefix(placedAtActivity) }
                    + ["the output does not print when it ran; placed at \(why) (\(at.iso8601UTC))"]
                if let r = repacked, memberDates[group.path] != nil {
                    let days = Int(saturating: r.date.timeIntervalSince(r.lastLine) / 86400)
                    assumptions.append(
                        "its archive member date was not used: \(r.path)'s member date (\(r.date.iso8601UTC)) is "
                            + "\(days) days after its last line: the archive was probably packed again later [inferred]")
                }
                var moved = e
                moved.time = EventTime(
                    instant: at, raw: at.iso8601UTC, utcOffsetSeconds: t.utcOffsetSeconds, zoneLabel: t.zoneLabel,
                    assumptions: assumptions)
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

    /// The first trace whose member date lies more than ``repackTolerance`` after its own last line, if any.
    private static func repackedTrace(_ logs: [SourceEvents], memberDates: [String: Date])
        -> (path: String, date: Date, lastLine: Date)?
    {
        for log in logs.sorted(by: { $0.path < $1.path }) {
            guard let end = log.span?.end, let date = memberDates[log.path],
                date.timeIntervalSince(end) > repackTolerance
            else { continue }
            return (log.path, date, end)
        }
        return nil
    }
}
