import Foundation

/// What was decoded from one conversation: endpoints, TCP handshake, and the application-layer facts
/// the ladders and interop checks use (ClientHello frames and SNI, CONNECT targets, certificate subjects).
public struct FlowSummary: Sendable, Hashable {
    /// `tcp` or `udp`.
    public var transport: String
    /// Client `address` and port.
    public var client: String
    public var clientPort: Int
    /// Server address and port.
    public var server: String
    public var serverPort: Int
    /// First and last frame of the conversation.
    public var firstFrame: Int
    public var lastFrame: Int
    /// Frames carrying a TLS ClientHello, and the SNI of the first one.
    public var clientHelloFrames: [Int]
    public var sni: String?
    /// `CONNECT` targets with their frames and the proxy's status (nil when unanswered).
    public var connects: [ConnectRequest]
    /// Subjects and issuers of the server certificates, leaf first.
    public var certificateSubjects: [String]
    public var certificateIssuers: [String]
    /// Serial numbers of the server certificates (upper-case hex).
    public var certificateSerials: [String]

    /// One CONNECT request.
    public struct ConnectRequest: Sendable, Hashable {
        public var frame: Int
        public var target: String
        public var status: Int?
        public var responseFrame: Int?
    }
}
