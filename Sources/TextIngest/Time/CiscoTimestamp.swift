import Foundation
import LicensingModel

/// Reads the timestamps Smart Licensing CLI outputs and syslog print, in any of the orders seen in the field:
/// `Jan 26 15:11:23 2018 IST` (CUCM, IOS), `Dec 03 2018 16:43:48 UTC` (ASA agent ≥ 4.x, year before time),
/// `Nov 9 23:46:35 2017 IST` (un-padded day), `Jan 26 15:11:23.123 IST` (yearless, milliseconds),
/// `2018-01-26 15:11:23 +0530`.
public enum CiscoTimestamp {
    /// A year to use when the text prints none, and where it came from (for the assumption text).
    public struct YearHint: Hashable, Sendable {
        /// The year.
        public var year: Int
        /// Where it came from.
        public var source: String
        /// Creates a value.
        public init(year: Int, source: String) {
            self.year = year
            self.source = source
        }
    }

    /// Parses `text`; nil when it is not a timestamp, the date does not exist, or the zone is unknown.
    /// - Parameters:
    ///   - text: the timestamp text alone (callers cut it out of the line).
    ///   - zones: zone resolution with the user's overrides.
    ///   - yearHint: the year to assume for yearless text; without it yearless text is not parsed.
    public static func parse(_ text: some StringProtocol, zones: ZoneResolver, yearHint: YearHint? = nil) -> EventTime? {
        let raw = text.trimmingCharacters(in: .whitespaces)
        var year: Int?, month: Int?, day: Int?
        var clock: (h: Int, m: Int, s: Int, ns: Int)?
        var zoneToken: Substring?
        for token in raw.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let tok = token.hasSuffix(",") ? token.dropLast() : token
            if clock == nil, let c = parseClock(tok) { clock = c; continue }
            if let (y, m, d) = parseISODate(tok), year == nil, month == nil { (year, month, day) = (y, m, d); continue }
            if month == nil, tok.count >= 3, tok.allSatisfy(\.isLetter), let m = LicensingCalendar.month(named: tok),
                tok.count == 3 || LicensingCalendar.monthNames[m - 1].count <= tok.count
            {
                month = m
                continue
            }
            if tok.allSatisfy(\.isNumber) {
                if tok.count == 4, year == nil, let y = Int(tok) { year = y; continue }
                if tok.count <= 2, day == nil, month != nil, let d = Int(tok) { day = d; continue }
                return nil
            }
            if zoneToken == nil, clock != nil, isZoneToken(tok) { zoneToken = tok; continue }
            // Weekday names (`Mon`) are tolerated; anything else means this is not a bare timestamp.
            if tok.count == 3, tok.allSatisfy(\.isLetter), weekdays.contains(tok.lowercased()) { continue }
            return nil
        }
        guard let month, let day, let clock else { return nil }
        var assumptions: [String] = []
        let resolvedYear: Int
        if let year { resolvedYear = year }
        else if let yearHint {
            resolvedYear = yearHint.year
            assumptions.append("year \(yearHint.year) inferred from \(yearHint.source)")
        } else { return nil }
        guard let zone = zones.resolve(zoneToken) else { return nil }
        if let a = zone.assumption { assumptions.append(a) }
        var converter = WallClockConverter()
        guard
            let c = converter.convert(
                year: resolvedYear, month: month, day: day, hour: clock.h, minute: clock.m, second: clock.s,
                nanosecond: clock.ns, zone: zone.zone)
        else { return nil }
        if let note = c.note { assumptions.append(note) }
        return EventTime(
            instant: c.instant, raw: raw, utcOffsetSeconds: c.offsetSeconds, zoneLabel: zone.label,
            assumptions: assumptions)
    }

    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `HH:MM:SS`, `HH:MM:SS.fff`, `HH:MM:SS,fff`.
    static func parseClock(_ tok: Substring) -> (h: Int, m: Int, s: Int, ns: Int)? {
        let parts = tok.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count == 2 else { return nil }
        let secPart = parts[2]
        let secDigits = secPart.prefix { $0.isNumber }
        guard secDigits.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(secDigits) else {
            return nil
        }
        var ns = 0
        let frac = secPart.dropFirst(2)
        if !frac.isEmpty {
            guard frac.first == "." || frac.first == ",", frac.count > 1, frac.count <= 10 else { return nil }
            let digits = frac.dropFirst()
            guard digits.allSatisfy(\.isNumber), let v = Int(digits) else { return nil }
            ns = v * Int(pow(10.0, Double(9 - digits.count)))
        }
        guard h < 24, m < 60, s <= 60 else { return nil }
        return (h, m, s, ns)
    }

    /// `2018-01-26`.
    static func parseISODate(_ tok: Substring) -> (Int, Int, Int)? {
        let p = tok.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2, let y = Int(p[0]), let m = Int(p[1]),
            let d = Int(p[2])
        else { return nil }
        return (y, m, d)
    }

    private static func isZoneToken(_ tok: Substring) -> Bool {
        if ZoneResolver.parseOffset(tok) != nil { return true }
        return tok.count >= 1 && tok.count <= 5 && tok.allSatisfy { $0.isLetter }
    }
}
