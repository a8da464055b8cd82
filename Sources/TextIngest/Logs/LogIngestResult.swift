import Foundation
import LicensingModel

/// What one log file yielded: its events, how much was read, what it looked like, and what was damaged.
public struct LogIngestResult: Sendable {
    /// Events in file order, each with `path:line`.
    public var events: [Event]
    /// Lines read (of the decompressed text).
    public var linesRead: Int
    /// Bytes read (of the decompressed text).
    public var bytesRead: Int
    /// The layout: `cuslmsvr-trace`, `log4j`, `syslog`, `rtmt-alerts`, `service-list`, `mixed`, or `unknown`.
    public var format: String
    /// The kinds of evidence the file holds (rules' `requires`).
    public var evidenceKinds: Set<EvidenceKind>
    /// Damage: non-empty means the input was partly unreadable.
    public var damage: [Damage]
    /// The first timestamp of the file (coverage, not only events).
    public var firstTime: Date?
    /// The last timestamp of the file.
    public var lastTime: Date?

    /// Creates a result.
    public init(
        events: [Event] = [], linesRead: Int = 0, bytesRead: Int = 0, format: String = "unknown",
        evidenceKinds: Set<EvidenceKind> = [], damage: [Damage] = [], firstTime: Date? = nil, lastTime: Date? = nil
    ) {
        self.events = events
        self.linesRead = linesRead
        self.bytesRead = bytesRead
        self.format = format
        self.evidenceKinds = evidenceKinds
        self.damage = damage
        self.firstTime = firstTime
        self.lastTime = lastTime
    }
}
