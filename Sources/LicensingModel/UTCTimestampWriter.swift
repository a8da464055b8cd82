import Foundation

/// Writes instants as ISO-8601 UTC text with whole seconds (`2018-07-25T09:41:23Z`, exactly ``Foundation/Date/iso8601UTC``)
/// straight into a byte buffer, without a formatter or an intermediate string. The date part of the last day written
/// is kept, so a stream of records from one day computes its calendar date once.
public struct UTCTimestampWriter: Sendable {
    /// Days since 1970-01-01 of ``dayText``.
    private var day = Int64.min
    /// `YYYY-MM-DDT` of ``day``.
    private var dayText: [UInt8] = []

    /// Creates a writer with nothing remembered.
    public init() {}

    /// Appends `date` as `YYYY-MM-DDThh:mm:ssZ`: seconds rounded down (pre-1970 instants too), instants outside
    /// 0001…9999 pinned to those years (``LicensingCalendar/clampedEpochSeconds(_:)``).
    public mutating func append(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = LicensingCalendar.clampedEpochSeconds(date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        if days != day {
            let (y, m, d) = LicensingCalendar.civilFromDays(Int(days))
            dayText.removeAll(keepingCapacity: true)
            Self.appendDate(year: y, month: m, day: d, to: &dayText)
            day = days
        }
        bytes.append(contentsOf: dayText)
        let rem = Int(seconds - days * 86_400)
        Self.appendClock(hour: rem / 3600, minute: rem % 3600 / 60, second: rem % 60, to: &bytes)
        bytes.append(0x5A)  // Z
    }

    /// Appends `YYYY-MM-DDT` (a year in 0…9999).
    static func appendDate(year: Int, month: Int, day: Int, to bytes: inout [UInt8]) {
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(0x2D)
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(0x2D)
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(0x54)
    }

    /// Appends `hh:mm:ss`.
    static func appendClock(hour: Int, minute: Int, second: Int, to bytes: inout [UInt8]) {
        appendDigits(hour, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendDigits(minute, width: 2, to: &bytes)
        bytes.append(0x3A)
        appendDigits(second, width: 2, to: &bytes)
    }

    /// Appends the last `width` decimal digits of `value` (non-negative), zero-padded.
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var div = 1
        for _ in 1..<width { div *= 10 }
        while div > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + value / div % 10))
            div /= 10
        }
    }
}
