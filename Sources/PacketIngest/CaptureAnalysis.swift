import Foundation
public import LicensingModel

/// Everything learned from one capture file.
public struct CaptureAnalysis: Sendable {
    /// The path used in source pointers.
    public var path: String
    /// All events (dns.*, tcp.attempt, proxy.connect, tls.handshake, http.*, licensing.message,
    /// connectivity.attempt, capture.anomaly), each with a `path#frame` source, in frame order.
    public var events: [Event]
    /// One ladder per connectivity attempt toward a licensing endpoint.
    public var ladders: [ConnectionLadder]
    /// One summary per TCP or UDP conversation that carried something licscope decodes.
    public var flows: [FlowSummary]
    /// Frames read from the file.
    public var framesRead: Int
    /// Which reader was used (`libpcap 1.10.3`, or `pcapng block reader (libpcap refused: …)`).
    public var reader: String
    /// Timestamp of the first frame.
    public var firstFrameTime: Date?
    /// Timestamp of the last frame.
    public var lastFrameTime: Date?
    /// Damage, each in `path` with its byte offset and frame where known; non-empty means the input was partly
    /// unreadable.
    public var errors: [Damage]

    /// Creates an analysis.
    public init(
        path: String, events: [Event] = [], ladders: [ConnectionLadder] = [], flows: [FlowSummary] = [],
        framesRead: Int = 0, reader: String = "", firstFrameTime: Date? = nil, lastFrameTime: Date? = nil,
        errors: [Damage] = []
    ) {
        self.path = path
        self.events = events
        self.ladders = ladders
        self.flows = flows
        self.framesRead = framesRead
        self.reader = reader
        self.firstFrameTime = firstFrameTime
        self.lastFrameTime = lastFrameTime
        // The readers know positions, not the name the file is shown under.
        self.errors = errors.map { $0.named(path) }
    }

    /// Whether part of the input could not be read.
    public var isPartlyUnreadable: Bool { !errors.isEmpty }
}
