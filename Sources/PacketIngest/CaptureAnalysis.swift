import Foundation
public import LicensingModel

/// Damage found while reading a capture: what, where (byte offset), and at which frame.
public struct CaptureError: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What went wrong (`truncated record: 16-byte header, only 7 bytes left`).
    public var message: String
    /// The byte offset in the file where the damaged record starts, when known.
    public var offset: Int?
    /// The 1-based number the damaged frame would have had.
    public var frame: Int?

    /// Creates an error.
    public init(message: String, offset: Int?, frame: Int?) {
        self.message = message
        self.offset = offset
        self.frame = frame
    }

    /// `message (offset N, frame M)`.
    public var description: String {
        var parts: [String] = []
        if let offset { parts.append("offset \(offset)") }
        if let frame { parts.append("frame \(frame)") }
        return parts.isEmpty ? message : "\(message) (\(parts.joined(separator: ", ")))"
    }
}

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
    /// Damage; non-empty means the input was partly unreadable.
    public var errors: [CaptureError]

    /// Creates an analysis.
    public init(
        path: String, events: [Event] = [], ladders: [ConnectionLadder] = [], flows: [FlowSummary] = [],
        framesRead: Int = 0, reader: String = "", firstFrameTime: Date? = nil, lastFrameTime: Date? = nil,
        errors: [CaptureError] = []
    ) {
        self.path = path
        self.events = events
        self.ladders = ladders
        self.flows = flows
        self.framesRead = framesRead
        self.reader = reader
        self.firstFrameTime = firstFrameTime
        self.lastFrameTime = lastFrameTime
        self.errors = errors
    }

    /// Whether part of the input could not be read.
    public var isPartlyUnreadable: Bool { !errors.isEmpty }
}
