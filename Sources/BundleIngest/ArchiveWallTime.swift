import Foundation
import LicensingModel

/// A date and time an archive header records as wall-clock time with no zone: a zip member's DOS date and time,
/// which is the zipping host's local time. It becomes an instant only once a zone is decided for it (the analysis
/// reads it in the zone decided for the node, and says so).
public struct ArchiveWallTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The calendar fields as recorded.
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// Creates a value; nil when the fields do not form a real date and time.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard LicensingCalendar.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: 0) != nil
        else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The DOS date and time fields (`date`: bits 15–9 years since 1980, 8–5 month, 4–0 day; `time`: 15–11 hour,
    /// 10–5 minute, 4–0 seconds/2); nil when they do not form a real date (zero in archives written without one).
    public init?(dosTime time: Int, date: Int) {
        self.init(
            year: 1980 + (date >> 9), month: (date >> 5) & 0xF, day: date & 0x1F,
            hour: time >> 11, minute: (time >> 5) & 0x3F, second: min((time & 0x1F) * 2, 59))
    }

    /// The instant under a fixed offset (seconds east of UTC).
    public func instant(offsetSeconds: Int) -> Date? {
        LicensingCalendar.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offsetSeconds)
    }

    /// `2018-03-26 16:26:48` (no zone: there is none).
    public var description: String {
        String(format: "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second)
    }
}
