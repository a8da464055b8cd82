import Foundation
import BundleIngest
import LicensingModel
import TextIngest

/// Turns the zone-less wall times archives record for their members (a zip's DOS date and time, when no extra
/// field gives the time in UTC) into instants: read in the zone decided for the member's node — the zipping host's
/// zone is unknown, and the node's is the best evidence the bundle holds — or as UTC when the bundle names no zone.
/// Either way the report says so; a DOS time is never read as UTC silently.
enum MemberDates {
    /// The instant of `wall` for the member `path`, and the assumption it rests on.
    static func resolve(_ wall: ArchiveWallTime, path: String, evidence: [ZoneEvidence], resolver: ZoneResolver)
        -> (date: Date, assumption: String)?
    {
        let (zones, decision) = ZoneDecision.decide(for: path, evidence: evidence, resolver: resolver)
        let what = "zip member dates with no UTC extra field are DOS times, the zipping host's local wall time"
        guard let zone = zones.unzoned else {
            guard let date = wall.instant(offsetSeconds: 0) else { return nil }
            return (date, "\(what): read as UTC because the bundle names no zone (they may be off by that host's UTC offset; --tz sets it)")
        }
        var converter = WallClockConverter()
        guard let c = converter.convert(
            year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second,
            zone: zone)
        else { return nil }
        return (c.instant, "\(what): read in \(zone) (\(decision.reason)), taking the zipping host to be in the node's zone")
    }

    /// `entries` with every zone-less member time turned into ``BundleEntry/memberDate``, and the assumptions made.
    static func resolve(_ entries: [RecognisedEntry], evidence: [ZoneEvidence], resolver: ZoneResolver)
        -> (entries: [RecognisedEntry], assumptions: [String])
    {
        var assumptions: [String] = []
        let out = entries.map { r -> RecognisedEntry in
            let e = r.entry
            guard e.memberDate == nil, let wall = e.memberWallTime,
                let (date, why) = resolve(wall, path: e.displayPath, evidence: evidence, resolver: resolver)
            else { return r }
            var copy = r
            copy.entry.memberDate = date
            if !assumptions.contains(why) { assumptions.append(why) }
            return copy
        }
        return (out, assumptions)
    }
}
