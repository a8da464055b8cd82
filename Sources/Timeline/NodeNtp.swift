import Foundation
import LicensingModel

/// What the node's own `utils ntp status` says about its clock, set beside a log-vs-capture clock error.
///
/// The status is the node's view when the command ran, not at the time of the logs: it supports or contradicts a
/// clock error, it does not measure one.
public struct NodeNtp: Hashable, Sendable, Codable {
    /// How the status bears on the node's clock.
    public enum Bearing: String, Hashable, Sendable, Codable {
        /// `unsynchronised`, or the ntpq offset at or beyond ``NodeNtp/offsetThresholdMs``: the node's clock is not
        /// held to its NTP server.
        case nodeClockOff = "node_clock_off"
        /// Synchronised with an offset under the threshold: the node's clock was right when the command ran.
        case nodeClockHeld = "node_clock_held"
        /// No state line was printed (a cut output).
        case inconclusive
    }

    /// `synchronised`, `unsynchronised` or `unknown`, as printed.
    public var state: String
    /// The offset of the peer in use (or the furthest one heard from), in milliseconds, when printed.
    public var offsetMs: Double?
    /// The status line.
    public var source: SourcePointer
    /// What it says about the node's clock.
    public var bearing: Bearing

    /// The ntpq offset from which the node's clock counts as off: 3 s, the offset at which CUCM's NTP watchdog
    /// restarts ntpd ("restarts NTP if the time is offset by more than three seconds", Cisco document 118718).
    public static let offsetThresholdMs: Double = 3_000

    /// Reads an `ntp.status` event; nil for any other event.
    public init?(_ e: Event) {
        guard e.kind == .ntpStatus, case .string(let state)? = e.fields["state"] else { return nil }
        self.state = state
        self.offsetMs = e.fields["offset_ms"]?.number
        self.source = e.source
        let offsetOff = offsetMs.map { abs($0) >= Self.offsetThresholdMs } ?? false
        switch state {
        case "unsynchronised": bearing = .nodeClockOff
        case "synchronised": bearing = offsetOff ? .nodeClockOff : .nodeClockHeld
        default: bearing = offsetOff ? .nodeClockOff : .inconclusive
        }
    }

    /// The status of the node that wrote `path`: the `ntp.status` event nearest to it in the bundle's folders (ties
    /// to the first), nil when the bundle holds none.
    public static func nearest(_ statuses: [Event], to path: String?) -> NodeNtp? {
        let readings = statuses.compactMap(NodeNtp.init)
        guard let path else { return readings.first }
        return readings.enumerated().min { a, b in
            let (da, db) = (BundlePath.distance(path, a.element.source.path), BundlePath.distance(path, b.element.source.path))
            return da != db ? da < db : a.offset < b.offset
        }?.element
    }

    /// The status in words, with its pointer: `utils ntp status (cm/ntp.txt:6) prints unsynchronised, offset +492.965 ms`.
    public var described: String {
        let offset = offsetMs.map { String(format: ", ntpq offset %+.3f ms", $0) } ?? ""
        return "utils ntp status (\(source)) prints \(state)\(offset)"
    }
}
