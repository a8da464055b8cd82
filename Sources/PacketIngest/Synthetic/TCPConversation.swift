/// Writes one TCP conversation into a ``PcapWriter``, keeping sequence numbers and the clock consistent.
public struct TCPConversation {
    public let client: String, clientPort: UInt16, server: String, serverPort: UInt16
    private let clientISN: UInt32
    private var clientSeq: UInt32
    private var serverSeq: UInt32
    /// The capture clock in microseconds; each frame advances it by `step`.
    public var clock: Int64
    /// Microseconds between frames.
    public var step: Int64 = 1_000

    /// Creates a conversation starting at `clock` microseconds since the epoch.
    public init(
        client: String, clientPort: UInt16, server: String, serverPort: UInt16, clock: Int64,
        clientISN: UInt32 = 1_000, serverISN: UInt32 = 5_000
    ) {
        (self.client, self.clientPort, self.server, self.serverPort) = (client, clientPort, server, serverPort)
        self.clock = clock
        self.clientISN = clientISN
        clientSeq = clientISN &+ 1
        serverSeq = serverISN
    }

    /// SYN, SYN/ACK, ACK.
    public mutating func handshake(into w: inout PcapWriter) {
        syn(into: &w)
        write(&w, fromClient: false, seq: serverSeq, flags: FrameBuilder.syn | FrameBuilder.ack, payload: [])
        serverSeq &+= 1
        write(&w, fromClient: true, seq: clientSeq, flags: FrameBuilder.ack, payload: [])
    }

    /// A SYN (call again for a retry: same sequence number).
    public mutating func syn(into w: inout PcapWriter) {
        write(&w, fromClient: true, seq: clientISN, flags: FrameBuilder.syn, payload: [])
    }

    /// The server's RST/ACK answering a SYN (connection refused).
    public mutating func refuse(into w: inout PcapWriter) {
        write(&w, fromClient: false, seq: 0, flags: FrameBuilder.rst | FrameBuilder.ack, payload: [])
    }

    /// Sends `bytes` in segments of at most `segment` bytes.
    public mutating func send(_ bytes: [UInt8], fromClient: Bool, segment: Int = 1_400, into w: inout PcapWriter) {
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(bytes.count, i + segment)])
            let seq = fromClient ? clientSeq : serverSeq
            write(&w, fromClient: fromClient, seq: seq, flags: FrameBuilder.ack | FrameBuilder.psh, payload: chunk)
            if fromClient { clientSeq &+= UInt32(chunk.count) } else { serverSeq &+= UInt32(chunk.count) }
            i += segment
        }
    }

    /// FIN from both sides.
    public mutating func close(into w: inout PcapWriter) {
        write(&w, fromClient: true, seq: clientSeq, flags: FrameBuilder.fin | FrameBuilder.ack, payload: [])
        clientSeq &+= 1
        write(&w, fromClient: false, seq: serverSeq, flags: FrameBuilder.fin | FrameBuilder.ack, payload: [])
        serverSeq &+= 1
    }

    private mutating func write(_ w: inout PcapWriter, fromClient: Bool, seq: UInt32, flags: UInt8, payload: [UInt8]) {
        let f = fromClient
            ? FrameBuilder.tcp(src: client, srcPort: clientPort, dst: server, dstPort: serverPort, seq: seq,
                               ack: serverSeq, flags: flags, payload: payload)
            : FrameBuilder.tcp(src: server, srcPort: serverPort, dst: client, dstPort: clientPort, seq: seq,
                               ack: clientSeq, flags: flags, payload: payload)
        w.add(f, microseconds: clock)
        clock += step
    }
}
