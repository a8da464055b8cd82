import Foundation
import LicensingModel

/// The zone a wall-clock time is read in: a fixed UTC offset (`+05:30`, or a printed abbreviation such as `CEST`,
/// which names one offset) or an IANA zone (`Europe/Zurich`) whose offset follows the tz database's rules for the
/// date in question (DST).
public enum LocalZone: Hashable, Sendable, CustomStringConvertible {
    /// A fixed offset, seconds east of UTC.
    case fixed(Int)
    /// An IANA zone of Foundation's tz database.
    case named(NamedZone)

    /// An IANA zone by its identifier (`Asia/Kolkata`, `UTC`); nil for unknown identifiers and for bare
    /// abbreviations (`EST`, `IST`), which Foundation also accepts but which are not rules.
    public init?(identifier: String) {
        guard identifier.contains("/") || identifier == "UTC", let z = TimeZone(identifier: identifier) else { return nil }
        self = .named(NamedZone(identifier: identifier, zone: z))
    }

    /// `Europe/Zurich`, or `+05:30`.
    public var description: String {
        switch self {
        case .fixed(let o): return ZoneResolver.format(o)
        case .named(let n): return n.identifier
        }
    }

    /// The offset in force at `instant`.
    public func offset(at instant: Date) -> Int {
        switch self {
        case .fixed(let o): return o
        case .named(let n): return n.zone.secondsFromGMT(for: instant)
        }
    }

    /// The offsets under which the wall-clock time `wall` (seconds since 1970 read as if UTC) exists, the earlier
    /// instant first: one normally, two in the hour repeated when clocks go back, none in the hour skipped when
    /// they go forward. `before` is the offset in force a day earlier (used to place skipped times).
    public func offsets(wall: Int64) -> (valid: [Int], before: Int) {
        switch self {
        case .fixed(let o):
            return ([o], o)
        case .named(let n):
            let w = Double(wall)
            let before = n.zone.secondsFromGMT(for: Date(timeIntervalSince1970: w - 86_400))
            let after = n.zone.secondsFromGMT(for: Date(timeIntervalSince1970: w + 86_400))
            var valid: [Int] = []
            for o in Set([before, after]).sorted(by: >)
            where n.zone.secondsFromGMT(for: Date(timeIntervalSince1970: w - Double(o))) == o {
                valid.append(o)
            }
            return (valid, before)
        }
    }
}

/// An IANA zone: its identifier and Foundation's zone (compared by identifier).
public struct NamedZone: Hashable, Sendable {
    /// `Europe/Zurich`.
    public var identifier: String
    /// The zone with its rules.
    public var zone: TimeZone

    /// Creates a value.
    public init(identifier: String, zone: TimeZone) {
        self.identifier = identifier
        self.zone = zone
    }

    public static func == (a: NamedZone, b: NamedZone) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }
}
