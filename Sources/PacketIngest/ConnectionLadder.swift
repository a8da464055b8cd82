import Foundation
import LicensingModel

/// One attempt to reach a licensing endpoint, as a ladder of stages
/// (`EventVocabulary.ladderStages`: dns → tcp → proxy → tls → certificate → http → licensing).
public struct ConnectionLadder: Sendable, Hashable {
    /// One observed stage.
    public struct Stage: Sendable, Hashable {
        /// The stage name, one of `EventVocabulary.ladderStages`.
        public var name: String
        /// Whether the stage succeeded; nil when it was seen but cannot be judged (TLS 1.3 certificates).
        public var ok: Bool?
        /// A short qualifier shown in parentheses (`407`, `NXDOMAIN`, `unknown_ca`).
        public var detail: String?
        /// The frame that decided the stage.
        public var frame: Int?

        /// Creates a stage.
        public init(name: String, ok: Bool?, detail: String? = nil, frame: Int? = nil) {
            self.name = name
            self.ok = ok
            self.detail = detail
            self.frame = frame
        }

        /// `tcp✓`, `proxy✗(407)`, `certificate?(not visible)`.
        public var text: String {
            let mark = ok.map { $0 ? "✓" : "✗" } ?? "?"
            return name + mark + (detail.map { "(\($0))" } ?? "")
        }
    }

    /// The licensing endpoint (`tools.cisco.com`, `smartreceiver.cisco.com`, or a satellite URL).
    public var endpoint: String
    /// The host the client wanted to reach.
    public var targetHost: String
    /// The port the client wanted to reach, when known.
    public var targetPort: Int?
    /// Whether the attempt went through an HTTP proxy (CONNECT or absolute-URI request).
    public var viaProxy: Bool
    /// The proxy's `address:port`, when a proxy was used.
    public var proxy: String?
    /// The stages observed, in ladder order.
    public var stages: [Stage]
    /// A one-line failure description, nil when the attempt succeeded.
    public var failure: String?
    /// Every frame that contributed, ascending.
    public var frames: [Int]
    /// When the attempt started.
    public var time: Date?

    /// Creates a ladder.
    public init(
        endpoint: String, targetHost: String, targetPort: Int?, viaProxy: Bool, proxy: String?, stages: [Stage],
        failure: String?, frames: [Int], time: Date?
    ) {
        self.endpoint = endpoint
        self.targetHost = targetHost
        self.targetPort = targetPort
        self.viaProxy = viaProxy
        self.proxy = proxy
        self.stages = stages
        self.failure = failure
        self.frames = frames
        self.time = time
    }

    /// The last stage that succeeded.
    public var stageReached: String? { stages.last(where: { $0.ok == true })?.name }
    /// The first stage that failed.
    public var failedStage: String? { stages.first(where: { $0.ok == false })?.name }
    /// `ok` when no stage failed, else `failed`.
    public var outcome: String { failedStage == nil ? "ok" : "failed" }
    /// `dns✓ tcp✓ proxy✗(407)`.
    public var ladderText: String { stages.map(\.text).joined(separator: " ") }
    /// The first frame of the attempt.
    public var firstFrame: Int { frames.first ?? 0 }
}
