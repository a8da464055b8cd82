import Foundation
import LicensingModel
import PacketIngest
import Rules

/// Everything one pre-flight found: the stages, the ladder, the events, the rules' findings, and what follows.
public struct PreflightResult: Sendable {
    /// A version- or configuration-dependent warning tied to a rule (CSCvc94366 for a proxy on port 443).
    public struct Caveat: Sendable, Hashable, Codable {
        /// The rule id.
        public var rule: String
        /// What applies and how sure it is.
        public var text: String
    }

    /// The live ladder against the ladder the packet pipeline read from the pre-flight's own capture.
    public struct CaptureComparison: Sendable, Hashable, Codable {
        /// The pcap file written.
        public var path: String
        /// Frames captured.
        public var frames: Int
        /// The capture pipeline's ladders (`dns✓ tcp✓ proxy✗(407)`).
        public var ladders: [String]
        /// The capture pipeline's failing stage of the attempt toward the target, nil when it found none failing.
        public var failedStage: String?
        /// Whether live and offline name the same failing stage (ladder stages only; `clock` is live-only).
        public var agrees: Bool
        /// Rule ids the capture's events match.
        public var findings: [String]
        /// Why no capture was made or analyzed, when it was not.
        public var error: String?
    }

    /// The licensing URL tried.
    public var target: String
    /// `host:port` of the proxy, when one was used.
    public var proxy: String?
    /// The stages run, in order; the last one failed unless everything passed.
    public var stages: [PreflightStage]
    /// The `connectivity.attempt` ladder (the same stages and names as capture analysis).
    public var ladder: ConnectionLadder
    /// Every event, ladder event included, in the capture pipeline's vocabulary.
    public var events: [Event]
    /// Findings of the rules over those events (plus `--status` events).
    public var findings: [Finding]
    /// Version- or configuration-dependent warnings.
    public var caveats: [Caveat]
    /// With `--status`: what happens if nothing succeeds (`authorization expires on … unless this is fixed`).
    public var runway: [String]
    /// With `--capture`: the offline reading of the same packets.
    public var capture: CaptureComparison?
    /// When the pre-flight started (injected clock).
    public var startedAt: Date

    /// The first failing stage, nil when all passed.
    public var failedStage: PreflightStage? { stages.first { !$0.ok } }

    /// 0 when every stage passed, else the code that names the failing stage (`PreflightStage.exitCodes`).
    public var exitCode: Int32 { failedStage.flatMap { PreflightStage.exitCodes[$0.name] } ?? 0 }
}
