import Foundation

/// `--since` / `--until`: the span of time a command keeps evidence from. Either end may be open.
public struct TimeWindow: Sendable, Hashable {
    /// The first instant kept (inclusive), or nil for no lower bound.
    public var since: Date?
    /// The instant from which nothing is kept (exclusive), or nil for no upper bound. A date given to `--until`
    /// means its whole day: the bound is the next midnight.
    public var until: Date?
    /// How zone-less values were read: `UTC` or the `--tz` zone (`Europe/Zurich`).
    public var zoneOfZonelessValues: String

    /// Creates a window.
    public init(since: Date?, until: Date?, zoneOfZonelessValues: String) {
        self.since = since
        self.until = until
        self.zoneOfZonelessValues = zoneOfZonelessValues
    }

    /// Whether `instant` falls inside the window.
    public func contains(_ instant: Date) -> Bool {
        if let since, instant < since { return false }
        if let until, instant >= until { return false }
        return true
    }

    /// Whether the event is kept: timed and inside the window (an untimed event cannot be placed in it).
    public func keeps(_ event: Event) -> Bool {
        guard let time = event.time else { return false }
        return contains(time.instant)
    }

    /// `from 2026-07-05T00:00:00Z until 2026-07-06T00:00:00Z (excluded; zone-less --since/--until values read in
    /// UTC)`; an open end reads `the first evidence` / `the last evidence`.
    public var description: String {
        let from = since.map(\.iso8601UTC) ?? "the first evidence"
        let to = until.map { "\($0.iso8601UTC) (excluded" } ?? "the last evidence ("
        let separator = until == nil ? "" : "; "
        return "from \(from) until \(to)\(separator)zone-less --since/--until values read in \(zoneOfZonelessValues))"
    }
}
