import Foundation
import LicensingModel

/// Parses the HTTP `Date` header (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`).
public enum HTTPDate {
    /// The instant, or nil when the text is not an IMF-fixdate.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(parts[2])) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...9999).contains(year), (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            (0...60).contains(clock[2])
        else { return nil }
        var c = DateComponents()
        c.year = year
        c.month = monthIndex + 1
        c.day = day
        c.hour = clock[0]
        c.minute = clock[1]
        c.second = clock[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar.date(from: c)
    }

    /// The `Date` header's clock minus the observer's clock at `observedAt`, in whole seconds (`Date` has whole
    /// seconds, so the sender's clock lies in [Date, Date + 1 s)); nil when the header cannot be read.
    public static func offsetSeconds(_ header: String, observedAt: Date) -> Int? {
        parse(header).map { Int(saturating: ($0.timeIntervalSince(observedAt) + 0.5).rounded()) }
    }
}
