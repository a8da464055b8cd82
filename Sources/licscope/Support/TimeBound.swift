import ArgumentParser
import Foundation
import LicensingModel
import TextIngest

/// One `--since` / `--until` value as typed: an ISO 8601 date (`2026-07-05`) or date and time
/// (`2026-07-05T10:00`, `2026-07-05 10:00:30.5`), with an optional `Z` or `±HH[:MM]` offset. A value without one is
/// read in the `--tz` zone, else UTC. Anything else is refused by the parser (a usage error, exit 2).
struct TimeBound: ExpressibleByArgument, Sendable, Equatable {
    /// The wall-clock value as seconds since 1970 read as if UTC.
    var wall: Int64
    /// Fraction of a second.
    var fraction: Double
    /// The offset written with the value, seconds east of UTC; nil when zone-less.
    var offsetSeconds: Int?
    /// Only a date was given (`--until` then means the end of that day).
    var dateOnly: Bool
    /// The value as typed (`triage` hands it on to each `analyze` it runs).
    var argument: String

    init?(argument: String) {
        self.argument = argument
        let pattern = #/(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?/#
        guard let m = try? pattern.wholeMatch(in: argument),
            let year = Int(m.1), let month = Int(m.2), let day = Int(m.3),
            (1970...2200).contains(year), (1...12).contains(month), (1...Self.daysIn(month, of: year)).contains(day)
        else { return nil }
        let hour = m.4.flatMap { Int($0) } ?? 0
        let minute = m.5.flatMap { Int($0) } ?? 0
        let second = m.6.flatMap { Int($0) } ?? 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        wall = Self.daysSince1970(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        fraction = m.7.flatMap { Double("0." + $0) } ?? 0
        dateOnly = m.4 == nil
        if let zone = m.8 {
            if zone == "Z" || zone == "z" {
                offsetSeconds = 0
            } else {
                guard let o = ZoneResolver.parseOffset(zone), abs(o) <= 14 * 3600 else { return nil }
                offsetSeconds = o
            }
        } else {
            offsetSeconds = nil
        }
    }

    /// The instant this value names: with its own offset, or read in `zone` (the earlier instant of a repeated
    /// hour; a time skipped by a DST change is read with the offset in force before it). `endOfDay` moves a date
    /// to the next midnight (for `--until`).
    func instant(in zone: LocalZone, endOfDay: Bool) -> Date {
        let w = wall + (dateOnly && endOfDay ? 86_400 : 0)
        let offset = offsetSeconds ?? {
            let o = zone.offsets(wall: w)
            return o.valid.first ?? o.before
        }()
        return Date(timeIntervalSince1970: Double(w - Int64(offset)) + fraction)
    }

    static var defaultCompletionKind: CompletionKind { .list(["2026-07-05", "2026-07-05T10:00", "2026-07-05T10:00Z"]) }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// How `--since` / `--until` (part of ``SharedOptions``) become a window.
enum TimeWindowReading {
    /// The window, or nil when neither bound was given. Zone-less values are read in the `--tz` zone when one
    /// was given, else UTC; an empty window is a usage error.
    static func window(since: TimeBound?, until: TimeBound?, zones: ZoneResolver) throws -> TimeWindow? {
        guard since != nil || until != nil else { return nil }
        let zone = zones.unzonedFromCommandLine ? zones.unzoned : nil
        let read = zone ?? .fixed(0)
        let window = TimeWindow(
            since: since?.instant(in: read, endOfDay: false), until: until?.instant(in: read, endOfDay: true),
            zoneOfZonelessValues: zone.map { "\($0) (--tz)" } ?? "UTC")
        if let s = window.since, let u = window.until, s >= u {
            throw ValidationError("--since must be before --until (\(s.iso8601UTC) is not before \(u.iso8601UTC))")
        }
        return window
    }
}
