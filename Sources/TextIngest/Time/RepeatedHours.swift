import Foundation

/// The wall-clock hours a zone repeats when its clocks go back (02:00–02:59 on Europe's last Sunday of October,
/// 01:00–01:59 on the first Sunday of November in the US), as month, day and hour, over the years logs can cover.
///
/// The log scanner asks it, for each event line, whether the line's wall time may be the first or the second
/// occurrence; only then does it look at the lines before (event lines or not) to see whether the log had already
/// passed that wall time. Yearless stamps are matched by month, day and hour alone (a false match only costs that look).
struct RepeatedHours: Sendable {
    private var keys: Set<Int> = []

    /// Empty for fixed offsets and zones without DST.
    init(zone: LocalZone?) {
        guard case .named(let n)? = zone else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? n.zone
        var t = Date(timeIntervalSince1970: 0)  // 1970
        let end = Date(timeIntervalSince1970: 4_102_444_800)  // 2100
        var guardCount = 0
        while let next = n.zone.nextDaylightSavingTimeTransition(after: t), next < end, guardCount < 1000 {
            guardCount += 1
            let before = n.zone.secondsFromGMT(for: next - 1)
            let after = n.zone.secondsFromGMT(for: next)
            if after < before {
                // Wall times from (change + after) to (change + before) occur twice.
                var wall = next.addingTimeInterval(Double(after))
                let stop = next.addingTimeInterval(Double(before))
                while wall < stop {
                    let c = calendar.dateComponents([.month, .day, .hour], from: wall)
                    if let m = c.month, let d = c.day, let h = c.hour { keys.insert(Self.key(m, d, h)) }
                    wall += 3600
                }
            }
            t = next
        }
    }

    /// True when the zone has any repeated hour.
    var isEmpty: Bool { keys.isEmpty }

    /// Whether `month`/`day` `hour` is a repeated hour in some year.
    func contains(month: Int, day: Int, hour: Int) -> Bool { keys.contains(Self.key(month, day, hour)) }

    /// Whether the stamp's wall time lies in a repeated hour.
    func contains(_ s: WallStamp) -> Bool {
        guard s.zone == nil, let m = s.month, let d = s.day else { return false }
        return contains(month: m, day: d, hour: s.hour)
    }

    private static func key(_ m: Int, _ d: Int, _ h: Int) -> Int { m * 10_000 + d * 100 + h }
}
