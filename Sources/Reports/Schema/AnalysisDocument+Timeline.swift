import Foundation
import LicensingModel
import StateEngine

extension AnalysisDocument {
    /// A state interval of one dimension.
    public struct Interval: Sendable, Codable, Hashable {
        public var dimension: String
        public var value: String
        public var start: Date?
        public var end: Date?
        public var cause: String
        public var evidence: [Pointer]

        /// Maps an engine interval.
        public init(_ i: StateInterval) {
            dimension = i.dimension.rawValue
            value = i.value
            start = i.start
            end = i.end
            cause = i.cause
            evidence = i.evidence.map(Pointer.init)
        }
    }

    /// A state change (`transitions`) or a projected one (`runway`).
    public struct Transition: Sendable, Codable, Hashable {
        public var at: Date
        public var dimension: String
        public var from: String
        public var to: String
        public var cause: String
        public var byTimer: Bool
        public var evidence: [Pointer]

        /// Maps a report row.
        public init(_ t: AnalysisReport.TransitionRow) {
            at = t.at
            dimension = t.dimension.rawValue
            from = t.from
            to = t.to
            cause = t.cause
            byTimer = t.byTimer
            evidence = t.evidence.map(Pointer.init)
        }
    }

    /// A timer or expected activity due after the last evidence.
    public struct Deadline: Sendable, Codable, Hashable {
        public var name: String
        public var due: Date
        public var basis: String
        public var consequence: String?
        public var evidence: [Pointer]

        /// Maps an engine deadline.
        public init(_ d: StateEngine.Deadline) {
            name = d.name
            due = d.due
            basis = d.basis
            consequence = d.consequence
            evidence = d.evidence.map(Pointer.init)
        }
    }

    /// Evidence that does not fit the model.
    public struct Anomaly: Sendable, Codable, Hashable {
        public var name: String
        public var detail: String
        public var at: Date?
        public var evidence: [Pointer]
        public var field: String?
        public var printed: Date?
        public var derived: Date?
        public var expectedAt: Date?

        /// Maps an engine anomaly.
        public init(_ a: EngineAnomaly) {
            name = a.name.rawValue
            detail = a.detail
            at = a.at
            evidence = a.evidence.map(Pointer.init)
            field = a.field
            printed = a.printed
            derived = a.derived
            expectedAt = a.expectedAt
        }
    }

    /// One input file: what it was read as, how much, or why not.
    public struct InventoryEntry: Sendable, Codable, Hashable {
        public var path: String
        public var parsedAs: String
        public var status: String
        public var reason: String?
        public var bytes: Int?
        public var lines: Int?
        public var frames: Int?
        public var events: Int
        public var memberDate: Date?
        public var reader: String?
        public var storedName: String?

        /// Maps an inventory entry.
        public init(_ e: AnalysisReport.InventoryEntry) {
            path = e.path
            parsedAs = e.parsedAs
            status = e.status.rawValue
            reason = e.reason
            bytes = e.bytes
            lines = e.lines
            frames = e.frames
            events = e.events
            memberDate = e.memberDate
            reader = e.reader
            storedName = e.storedName
        }
    }

    /// A connection ladder the captures show, identical attempts grouped.
    public struct Connection: Sendable, Codable, Hashable {
        public var at: Date?
        public var lastAt: Date?
        public var count: Int
        public var endpoint: String
        public var proxy: String?
        public var ladder: String
        public var outcome: String?
        public var failedStage: String?
        public var failure: String?
        public var source: Pointer

        /// Maps a connections row.
        public init(_ c: ConnectionRow) {
            at = c.at
            lastAt = c.lastAt
            count = c.count
            endpoint = c.endpoint
            proxy = c.proxy
            ladder = c.ladder
            outcome = c.outcome
            failedStage = c.failedStage
            failure = c.failure
            source = Pointer(c.source)
        }
    }
}
