import Foundation

/// The zone a zone-less source (a trace, syslog without zone, RTMT alert lines) is read in, and why.
public struct SourceZone: Hashable, Sendable, Codable {
    /// The source's display path.
    public var path: String
    /// The zone (`Europe/Zurich`, `+05:30`, `UTC`).
    public var zone: String
    /// Why (`--tz Europe/Zurich`, `show timezone config in cm/tz.txt:2 prints …`).
    public var reason: String
    /// A check by matching instants, when one was possible (`confirmed: …`, or what disagrees).
    public var check: String?
    /// What is missing or disagrees, said prominently (nil when the zone is well founded).
    public var warning: String?

    /// Creates a value.
    public init(path: String, zone: String, reason: String, check: String? = nil, warning: String? = nil) {
        self.path = path
        self.zone = zone
        self.reason = reason
        self.check = check
        self.warning = warning
    }
}
