import Foundation
import LicensingModel

/// Turns wall-clock times of one source, in source order, into instants under a ``LocalZone``, applying the zone's
/// DST rules for each time's own date.
///
/// The hour repeated when clocks go back is resolved by order: a wall time in that hour is its first occurrence
/// unless the previous converted time already lies after that first occurrence, or the caller saw an earlier line
/// (one not converted here) already past it — the log went back by up to an hour right after the change — in which
/// case it is the second. A wall time in the skipped spring hour is read with
/// the offset in force before the change (02:30 becomes 03:30 summer time). Both are recorded as assumptions.
public struct WallClockConverter: Sendable {
    /// The previous instant converted, for the repeated hour.
    public private(set) var previous: Date?
    /// Out-of-order lines within this many seconds still count as the first occurrence.
    public static let reorderTolerance: TimeInterval = 60
    private var cacheHour: Int64 = .min
    private var cacheZone: LocalZone?
    private var cached: (valid: [Int], before: Int) = ([], 0)

    /// A converter with no history.
    public init() {}

    /// One converted time.
    public struct Converted: Hashable, Sendable {
        /// The instant.
        public var instant: Date
        /// The offset applied.
        public var offsetSeconds: Int
        /// What had to be assumed (repeated or skipped hour), nil when nothing.
        public var note: String?
    }

    /// Converts a wall-clock time; nil when the date does not exist. `afterRepeatedWall`: an earlier line of the
    /// source had already passed this wall time (see the type's description).
    public mutating func convert(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int = 0, zone: LocalZone,
        afterRepeatedWall: Bool = false
    ) -> Converted? {
        guard
            let asUTC = LicensingCalendar.instant(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                nanoseconds: nanosecond, offsetSeconds: 0)
        else { return nil }
        let wall = Int64(asUTC.timeIntervalSince1970.rounded(.down))
        let (valid, before) = offsets(wall: wall, zone: zone)
        let out: Converted
        switch valid.count {
        case 1:
            out = Converted(instant: asUTC - Double(valid[0]), offsetSeconds: valid[0])
        case 0:
            out = Converted(
                instant: asUTC - Double(before), offsetSeconds: before,
                note: "\(Self.clock(hour, minute)) does not exist on \(Self.date(year, month, day)) in \(zone) (clocks went forward); read with the offset before the change (\(ZoneResolver.format(before)))")
        default:
            let early = asUTC - Double(valid[0])
            let late = asUTC - Double(valid[valid.count - 1])
            let afterEvent = previous.map { $0 > early + Self.reorderTolerance } ?? false
            let second = afterEvent || afterRepeatedWall
            let chosen = second ? valid[valid.count - 1] : valid[0]
            let which = afterEvent ? "the second occurrence: the log had already passed the first"
                : second ? "the second occurrence: an earlier line of the log had already passed the first"
                : "the first occurrence"
            out = Converted(
                instant: second ? late : early, offsetSeconds: chosen,
                note: "\(Self.clock(hour, minute)) occurs twice on \(Self.date(year, month, day)) in \(zone) (clocks went back); taken as \(which) (\(ZoneResolver.format(chosen)))")
        }
        previous = max(previous ?? out.instant, out.instant)
        return out
    }

    private mutating func offsets(wall: Int64, zone: LocalZone) -> (valid: [Int], before: Int) {
        if case .fixed(let o) = zone { return ([o], o) }
        // Consecutive lines mostly share an hour: ask the tz database once per wall-clock hour. Hours that contain a
        // change are never cached (they are rare and their answer depends on the minute).
        let hourKey = wall >= 0 ? wall / 3600 : (wall - 3599) / 3600
        if hourKey == cacheHour, cacheZone == zone { return cached }
        let start = zone.offsets(wall: hourKey * 3600)
        let end = zone.offsets(wall: hourKey * 3600 + 3599)
        if start.valid == end.valid, start.valid.count == 1 {
            (cacheHour, cacheZone, cached) = (hourKey, zone, start)
            return start
        }
        return zone.offsets(wall: wall)
    }

    private static func clock(_ h: Int, _ m: Int) -> String { String(format: "%02d:%02d", h, m) }
    private static func date(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }
}
