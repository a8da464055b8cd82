import Foundation

/// Proleptic Gregorian calendar arithmetic on epoch seconds, without Foundation's locale or zone database.
///
/// Analysis runs on evidence time and must give the same answer on every machine, so the few calendar
/// operations licscope needs are done here with fixed offsets.
public enum LicensingCalendar {
    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date for a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether a civil date exists (`Feb 30` does not).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        // Years outside 1...9999 cannot be printed and would overflow the day arithmetic for absurd input.
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return false }
        let (y, m, d) = civilFromDays(daysFromCivil(year: year, month: month, day: day))
        return y == year && m == month && d == day
    }

    /// The instant of a wall-clock time at a fixed UTC offset, or nil when the date or time does not exist.
    public static func instant(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanoseconds: Int = 0, offsetSeconds: Int
    ) -> Date? {
        guard isValid(year: year, month: month, day: day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return Date(timeIntervalSince1970: TimeInterval(secs) + TimeInterval(nanoseconds) / 1e9)
    }

    /// Epoch seconds of the first and last instants licscope prints (0001-01-01 and 9999-12-31); dates computed from
    /// absurd input (a remaining period of 10^300 days) are pinned to them instead of overflowing.
    public static let printableRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Whole epoch seconds of `date`, pinned to ``printableRange`` (NaN reads as 0).
    public static func clampedEpochSeconds(_ date: Date) -> Int64 {
        let t = date.timeIntervalSince1970.rounded(.down)
        guard t.isFinite else { return 0 }
        if t <= Double(printableRange.lowerBound) { return printableRange.lowerBound }
        if t >= Double(printableRange.upperBound) { return printableRange.upperBound }
        return Int64(t)
    }

    /// The wall-clock fields of an instant at a fixed offset.
    public static func components(of date: Date, offsetSeconds: Int) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    ) {
        let secs = clampedEpochSeconds(date) + Int64(offsetSeconds)
        let days = Int(secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400)
        let rem = Int(secs - Int64(days) * 86_400)
        let (y, m, d) = civilFromDays(days)
        return (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }

    /// ISO-8601 text for epoch seconds at a fixed offset (`Z` for zero).
    public static func iso8601(epochSeconds: Int64, offsetSeconds: Int) -> String {
        let c = components(of: Date(timeIntervalSince1970: TimeInterval(epochSeconds)), offsetSeconds: offsetSeconds)
        // Written digit by digit: `String(format:)` costs microseconds per call, and every event's time goes
        // through here. Years outside 0...9999 (clamped instants) keep the printf form.
        guard (0...9999).contains(c.year) else {
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour, c.minute, c.second)
                + offsetSuffix(offsetSeconds)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        UTCTimestampWriter.appendDate(year: c.year, month: c.month, day: c.day, to: &bytes)
        UTCTimestampWriter.appendClock(hour: c.hour, minute: c.minute, second: c.second, to: &bytes)
        return String(decoding: bytes, as: UTF8.self) + offsetSuffix(offsetSeconds)
    }

    /// `Z`, `+05:30`, `-08:00`.
    public static func offsetSuffix(_ offsetSeconds: Int) -> String {
        if offsetSeconds == 0 { return "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let a = abs(offsetSeconds)
        return sign + String(format: "%02d:%02d", a / 3600, a % 3600 / 60)
    }

    /// The CLI's own style (`Jul 25 15:11:23 2018`) for an instant at a fixed offset.
    public static func ciscoStyle(_ date: Date, offsetSeconds: Int) -> String {
        let c = components(of: date, offsetSeconds: offsetSeconds)
        return monthNames[c.month - 1] + String(format: " %d %02d:%02d:%02d %04d", c.day, c.hour, c.minute, c.second, c.year)
    }

    /// English three-letter month abbreviations, January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The 1-based month for an English abbreviation or full name, case-insensitive.
    public static func month(named name: some StringProtocol) -> Int? {
        let p = name.prefix(3).lowercased()
        return monthNames.firstIndex { $0.lowercased() == p }.map { $0 + 1 }
    }
}
