import Foundation

/// How a capture is analyzed.
public struct CaptureOptions: Sendable {
    /// PEM texts of extra trust anchors (`--ca-file` contents), added to the bundled public roots.
    public var extraTrustAnchorsPEM: [String]
    /// The path shown in source pointers (`bundle.zip!packets.cap`); the file's own path when nil.
    public var displayPath: String?
    /// Bytes kept per TCP direction for handshake and head parsing (the reassembly bound).
    public var streamByteLimit: Int
    /// Most TCP flows tracked at once; older flows are finalized and evicted beyond it.
    public var maxTrackedFlows: Int
    /// The most wall time reading one capture file may take (nil: no limit); past it the rest of the file is
    /// damage at the offset reached, and the run goes on with the other files.
    public var timeLimit: Duration?

    /// Creates options.
    public init(
        extraTrustAnchorsPEM: [String] = [], displayPath: String? = nil, streamByteLimit: Int = 256 * 1024,
        maxTrackedFlows: Int = 50_000, timeLimit: Duration? = .seconds(600)
    ) {
        self.extraTrustAnchorsPEM = extraTrustAnchorsPEM
        self.displayPath = displayPath
        self.streamByteLimit = streamByteLimit
        self.maxTrackedFlows = maxTrackedFlows
        self.timeLimit = timeLimit
    }
}
