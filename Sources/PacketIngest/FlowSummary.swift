import Foundation

/// What was decoded from one conversation: endpoints, TCP handshake, and the application-layer facts
/// the ladders and interop checks use (ClientHello frames and SNI, CONNECT targets, certificate subjects).
public struct FlowSummary: Sendable, Hashable {
    /// `tcp` or `udp`.
    public var transport: String
    /// The client's address (the side that sent the SYN, or talked to the lower port).
    public var client: String
    /// The client's port.
    public var clientPort: Int
    /// The server's address.
    public var server: String
    /// The server's port.
    public var serverPort: Int
    /// The first frame of the conversation.
    public var firstFrame: Int
    /// The last frame seen before the conversation was finished.
    public var lastFrame: Int
    /// Frames carrying a TLS ClientHello (two after a HelloRetryRequest).
    public var clientHelloFrames: [Int]
    /// The SNI of the first ClientHello.
    public var sni: String?
    /// `CONNECT` targets with their frames and the proxy's status (nil when unanswered).
    public var connects: [ConnectRequest]
    /// Subjects of the server certificates (RFC 2253), leaf first.
    public var certificateSubjects: [String]
    /// Issuers of the server certificates (RFC 2253), leaf first.
    public var certificateIssuers: [String]
    /// Serial numbers of the server certificates (upper-case hex).
    public var certificateSerials: [String]

    /// One CONNECT request.
    public struct ConnectRequest: Sendable, Hashable {
        /// The frame that completed the request head.
        public var frame: Int
        /// `host:port` as requested.
        public var target: String
        /// The proxy's status code; nil when unanswered.
        public var status: Int?
        /// The frame of the proxy's answer.
        public var responseFrame: Int?
    }
}
