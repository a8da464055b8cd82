import Foundation

/// The time of an observation: a UTC instant, the text it was read from, and every assumption made to get there.
///
/// Logs and CLI outputs print local wall-clock times, often without a year or with an ambiguous zone
/// abbreviation (IST). The instant is what the analysis uses; `raw` and `assumptions` let a report say
/// exactly how it was derived.
public struct EventTime: Hashable, Sendable, Codable, Comparable {
    /// The UTC instant.
    public var instant: Date
    /// The timestamp text as it appeared in the source (`Jan 26 15:11:23 2018 IST`).
    public var raw: String
    /// The UTC offset, in seconds, that was applied to the wall-clock time (nil when the source was already an instant).
    public var utcOffsetSeconds: Int?
    /// The zone label as printed or assumed (`IST`, `+05:30`, `UTC`).
    public var zoneLabel: String?
    /// Human-readable assumptions (`zone IST taken as +05:30 (India); also used for Israel and Ireland`,
    /// `year 2018 inferred from show license all in the same bundle`). Empty when nothing was assumed.
    public var assumptions: [String]

    /// Creates a time value.
    public init(
        instant: Date, raw: String, utcOffsetSeconds: Int? = nil, zoneLabel: String? = nil, assumptions: [String] = []
    ) {
        self.instant = instant
        self.raw = raw
        self.utcOffsetSeconds = utcOffsetSeconds
        self.zoneLabel = zoneLabel
        self.assumptions = assumptions
    }

    /// Orders by instant only.
    public static func < (lhs: EventTime, rhs: EventTime) -> Bool { lhs.instant < rhs.instant }
}

extension Date {
    /// ISO-8601 in UTC with a `Z` suffix and whole seconds (`2018-07-25T09:41:23Z`), the form reports print.
    public var iso8601UTC: String {
        LicensingCalendar.iso8601(epochSeconds: LicensingCalendar.clampedEpochSeconds(self), offsetSeconds: 0)
    }

    /// ISO-8601 in a fixed offset (`2018-07-25T15:11:23+05:30`).
    public func iso8601(offsetSeconds: Int) -> String {
        LicensingCalendar.iso8601(epochSeconds: LicensingCalendar.clampedEpochSeconds(self), offsetSeconds: offsetSeconds)
    }
}
