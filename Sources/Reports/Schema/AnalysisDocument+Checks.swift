import Foundation
import LicensingModel
import StateEngine
import Timeline

extension AnalysisDocument {
    /// A `show license` output checked against the replayed state.
    public struct SnapshotCheck: Sendable, Codable, Hashable {
        public var source: Pointer
        public var observedAt: Date
        public var stateComparisons: [StateComparison]
        public var timers: [TimerComparison]

        /// Maps an engine snapshot check.
        public init(_ s: StateEngine.SnapshotCheck) {
            source = Pointer(s.source)
            observedAt = s.observedAt
            stateComparisons = s.stateComparisons.map(StateComparison.init)
            timers = s.timers.map(TimerComparison.init)
        }
    }

    /// A printed state next to the replayed one.
    public struct StateComparison: Sendable, Codable, Hashable {
        public var dimension: String
        public var printed: String
        public var replayed: String

        /// Maps an engine comparison.
        public init(_ c: StateEngine.StateComparison) {
            dimension = c.dimension.rawValue
            printed = c.printed
            replayed = c.replayed
        }
    }

    /// A printed timer next to the one the engine derives.
    public struct TimerComparison: Sendable, Codable, Hashable {
        public var name: String
        public var label: String
        public var printed: PrintedTime?
        public var derived: Date?
        public var basis: String
        public var verdict: String
        public var differenceSeconds: Int?
        public var toleranceSeconds: Int
        public var source: Pointer?

        /// Maps an engine timer comparison.
        public init(_ t: StateEngine.TimerComparison) {
            name = t.name
            label = t.label
            printed = t.printed.map(PrintedTime.init)
            derived = t.derived
            basis = t.basis
            verdict = t.verdict.rawValue
            differenceSeconds = t.differenceSeconds
            toleranceSeconds = t.toleranceSeconds
            source = t.source.map(Pointer.init)
        }
    }

    /// A time as the product printed it, and how it was read.
    public struct PrintedTime: Sendable, Codable, Hashable {
        public var instant: Date
        public var raw: String
        public var utcOffsetSeconds: Int?
        public var zoneLabel: String?
        public var assumptions: [String]

        /// Maps an event time.
        public init(_ t: EventTime) {
            instant = t.instant
            raw = t.raw
            utcOffsetSeconds = t.utcOffsetSeconds
            zoneLabel = t.zoneLabel
            assumptions = t.assumptions
        }
    }

    /// The clock skew between logs and captures.
    public struct Skew: Sendable, Codable, Hashable {
        public var offsetSeconds: Double
        public var matchedPairs: Int
        public var logAttempts: Int
        public var captureAttempts: Int
        public var pairs: [[Pointer]]
        public var interpretation: String
        public var zoneOffsetSeconds: Int
        public var clockErrorSeconds: Double
        public var nodeClockSuspect: Bool
        /// The node's own `utils ntp status`, when the bundle holds one.
        public var nodeNtp: NodeNtpRow?

        /// What the node's `utils ntp status` says about its clock.
        public struct NodeNtpRow: Sendable, Codable, Hashable {
            public var state: String
            public var offsetMs: Double?
            public var source: Pointer
            public var bearing: String
        }

        /// Maps a skew estimate.
        public init(_ s: SkewEstimate) {
            offsetSeconds = s.offsetSeconds
            matchedPairs = s.matchedPairs
            logAttempts = s.logAttempts
            captureAttempts = s.captureAttempts
            pairs = s.pairs.map { $0.map(Pointer.init) }
            interpretation = s.interpretation
            zoneOffsetSeconds = s.zoneOffsetSeconds
            clockErrorSeconds = s.clockErrorSeconds
            nodeClockSuspect = s.nodeClockSuspect
            nodeNtp = s.nodeNtp.map {
                NodeNtpRow(state: $0.state, offsetMs: $0.offsetMs, source: Pointer($0.source), bearing: $0.bearing.rawValue)
            }
        }
    }

    /// The zone a zone-less source was read in, and why.
    public struct SourceZone: Sendable, Codable, Hashable {
        public var path: String
        public var zone: String
        public var reason: String
        public var check: String?
        public var warning: String?

        /// Maps a source zone.
        public init(_ z: LicensingModel.SourceZone) {
            path = z.path
            zone = z.zone
            reason = z.reason
            check = z.check
            warning = z.warning
        }
    }
}
