import Foundation
import LicensingModel

/// A wall-clock timestamp as a log line printed it, before a year or zone is decided.
///
/// Log layouts print every subset of date, year, fraction and zone; ``LogTimestampScanner`` fills what the line
/// says and leaves the rest nil so that year inference (``YearInference``) and zone resolution can fill the gaps
/// and record how.
public struct WallStamp: Hashable, Sendable {
    /// The year when printed.
    public var year: Int?
    /// The 1-based month when a date was printed.
    public var month: Int?
    /// The day of month when a date was printed.
    public var day: Int?
    /// Hour, minute, second and nanoseconds of the clock.
    public var hour: Int, minute: Int, second: Int, nanosecond: Int
    /// The zone token as printed (`IST`, `+05:30`, `Z`), nil when none.
    public var zone: String?
    /// The timestamp text as printed.
    public var raw: String

    /// Creates a stamp.
    public init(
        year: Int?, month: Int?, day: Int?, hour: Int, minute: Int, second: Int, nanosecond: Int = 0,
        zone: String? = nil, raw: String
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.zone = zone
        self.raw = raw
    }

    /// Whether a month and day were printed.
    public var hasDate: Bool { month != nil && day != nil }

    /// This clock on another stamp's date (a continuation line printing only `HH:MM:SS.mmm`).
    public func onDate(of other: WallStamp) -> WallStamp {
        var s = self
        s.year = other.year
        s.month = other.month
        s.day = other.day
        if s.zone == nil { s.zone = other.zone }
        return s
    }

    /// The instant, given the year to use when none was printed (a lone stamp: a repeated autumn hour is read
    /// as its first occurrence).
    /// - Parameters:
    ///   - inferredYear: the year for a yearless stamp, with the assumption text explaining it.
    ///   - zones: zone resolution with the user's overrides.
    /// - Returns: nil when no date is known, the date does not exist, or the zone is unknown.
    public func resolve(inferredYear: (year: Int, assumption: String)?, zones: ZoneResolver) -> EventTime? {
        var converter = WallClockConverter()
        return resolve(inferredYear: inferredYear, zones: zones, converter: &converter)
    }

    /// The instant of one stamp of a source read in order: `converter` carries the order across stamps so that a
    /// repeated autumn hour is resolved by it; `afterRepeatedWall` says an earlier line of the source (one that made
    /// no event) had already passed this wall time in that hour.
    public func resolve(
        inferredYear: (year: Int, assumption: String)?, zones: ZoneResolver, converter: inout WallClockConverter,
        afterRepeatedWall: Bool = false
    ) -> EventTime? {
        guard let month, let day else { return nil }
        var assumptions: [String] = []
        let y: Int
        if let year { y = year } else if let inferredYear {
            y = inferredYear.year
            assumptions.append(inferredYear.assumption)
        } else { return nil }
        guard let resolution = zones.resolve(zone.map { Substring($0) }) else { return nil }
        if let a = resolution.assumption { assumptions.append(a) }
        guard
            let c = converter.convert(
                year: y, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond,
                zone: resolution.zone, afterRepeatedWall: afterRepeatedWall && zone == nil)
        else { return nil }
        if let note = c.note { assumptions.append(note) }
        return EventTime(
            instant: c.instant, raw: raw, utcOffsetSeconds: c.offsetSeconds, zoneLabel: resolution.label,
            assumptions: assumptions)
    }
}
