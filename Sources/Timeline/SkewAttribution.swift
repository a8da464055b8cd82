import Foundation
import LicensingModel

/// Which of the two clocks a log-vs-capture clock error (the part that is not a zone) is likelier to be, and on what
/// evidence: the `clock-skew` finding states it.
public enum SkewAttribution: String, Hashable, Sendable, Codable, CaseIterable {
    /// The node's clock: the engine found it wrong (CSSM-issued deadlines shifted), or its own `utils ntp status`
    /// says it is not held to NTP (unsynchronised, or an ntpq offset of 3 s or more).
    case node
    /// The capturing host's clock [inferred]: the node's `utils ntp status` shows it synchronised within 3 s.
    case captureHost = "capture_host"
    /// Nothing in the bundle says which: the timeline keeps the node's clock, as an assumption.
    case either

    /// The attribution for an estimate: the engine's finding first, then the node's NTP state.
    public init(_ s: SkewEstimate) {
        if s.nodeClockSuspect || s.nodeNtp?.bearing == .nodeClockOff {
            self = .node
        } else if s.nodeNtp?.bearing == .nodeClockHeld {
            self = .captureHost
        } else {
            self = .either
        }
    }

    /// One sentence naming the likelier wrong clock, the size of the error and the evidence.
    public static func sentence(_ s: SkewEstimate) -> String {
        let size = DurationFormat.compact.text(abs(s.clockErrorSeconds))
        let relation = s.clockErrorSeconds > 0 ? "ahead of" : "behind"
        let pairs = "\(s.matchedPairs) attempt(s) matched in logs and captures"
        switch SkewAttribution(s) {
        case .node:
            let why = s.nodeClockSuspect
                ? "CSSM-issued deadlines put the node's clock off" + (s.nodeNtp.map { "; \($0.described)" } ?? "")
                : "\(s.nodeNtp?.described ?? "its NTP status") [inferred: the status is the node's state when the command ran]"
            let placed = s.nodeClockSuspect ? "the logs are rebuilt on the capture clock"
                : "the timeline keeps the node's clock (no CSSM-issued deadline shows it off)"
            return "the node's clock is the likelier one off: the capture clock is \(relation) it by \(size) (\(pairs)); \(why); \(placed)"
        case .captureHost:
            return "the capturing host's clock is the likelier one off [inferred]: it is \(relation) the node's by \(size) (\(pairs)), and \(s.nodeNtp?.described ?? "the node is synchronised") within \(Int(NodeNtp.offsetThresholdMs / 1000)) s of its NTP server; the capture is moved onto the node's clock"
        case .either:
            return "one of the two clocks is off by \(size) (the capture clock \(relation) the node's, \(pairs)); nothing in the bundle says which; the timeline keeps the node's clock [assumption]"
        }
    }
}
