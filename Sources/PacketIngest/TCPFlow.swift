/// One TCP connection: its handshake facts and the two direction streams.
struct TCPFlow {
    var client: IPAddress
    var clientPort: UInt16
    var server: IPAddress
    var serverPort: UInt16
    var firstFrame: Int
    var lastFrame: Int
    var firstTime: FrameTime
    var lastTime: FrameTime
    /// Frames of the client's SYNs (retries included, at most 32 kept).
    var synFrames: [Int] = []
    var synSeq: UInt32?
    var synAckFrame: Int?
    var synTime: FrameTime?
    var synAckTime: FrameTime?
    var rstFrame: Int?
    var rstFromClient = false
    var finFromClient = false
    var finFromServer = false
    var toServer: DirectionStream
    var toClient: DirectionStream
    var app = FlowApplication()
    /// The DNS answer that named the server's address when the connection started, if any.
    var resolution: DNSTracker.Resolution?
    /// Capture times of the frames whose payload reached a decoder (the first 512), for event times: in frame
    /// order, as frames arrive, so a time is found by bisection (no hashing per payload frame).
    var payloadFrameTimes: [(frame: Int, time: FrameTime)] = []

    init(packet p: DecodedPacket, clientIsSource: Bool, frame: Int, time: FrameTime, limit: Int) {
        client = clientIsSource ? p.src : p.dst
        clientPort = clientIsSource ? p.srcPort : p.dstPort
        server = clientIsSource ? p.dst : p.src
        serverPort = clientIsSource ? p.dstPort : p.srcPort
        firstFrame = frame
        lastFrame = frame
        firstTime = time
        lastTime = time
        let dns = serverPort == 53
        toServer = DirectionStream(fromClient: true, isDNSPort: dns, limit: limit)
        toClient = DirectionStream(fromClient: false, isDNSPort: dns, limit: limit)
    }

    /// established, refused, reset or no_answer (the `tcp.attempt` outcome); nil when the SYN was not captured.
    var connectOutcome: String? {
        guard !synFrames.isEmpty else { return nil }
        if synAckFrame != nil { return "established" }
        if rstFrame != nil { return rstFromClient ? "reset" : "refused" }
        return "no_answer"
    }

    var isClosed: Bool { rstFrame != nil || (finFromClient && finFromServer) }
    /// Both directions have nothing more to decode.
    var isQuiet: Bool { toServer.isDone && toClient.isDone }

    /// Updates the connection with one of its packets.
    mutating func handle(_ p: DecodedPacket, frame: Int, time: FrameTime) {
        let fromClient = p.src == client && p.srcPort == clientPort
        lastFrame = frame
        lastTime = time
        if p.syn && !p.hasAck && fromClient {
            if synFrames.count < 32 { synFrames.append(frame) }
            if synSeq == nil {
                synSeq = p.seq
                synTime = time
            }
            toServer.reassembler.start(synSeq: p.seq)
        } else if p.syn && p.hasAck && !fromClient {
            if synAckFrame == nil {
                synAckFrame = frame
                synAckTime = time
            }
            toClient.reassembler.start(synSeq: p.seq)
        }
        if p.rst && rstFrame == nil {
            rstFrame = frame
            rstFromClient = fromClient
        }
        if p.fin {
            if fromClient { finFromClient = true } else { finFromServer = true }
        }
        guard p.wireLength > 0, !isQuiet else { return }
        if payloadFrameTimes.count < 512 { payloadFrameTimes.append((frame, time)) }
        if fromClient {
            toServer.add(seq: p.seq, payload: p.payload, wireLength: p.wireLength, frame: frame, app: &app)
        } else {
            toClient.add(seq: p.seq, payload: p.payload, wireLength: p.wireLength, frame: frame, app: &app)
        }
    }

    /// Whether a SYN on this 4-tuple starts a new connection rather than retrying this one.
    func isNewConnection(_ p: DecodedPacket) -> Bool {
        guard p.syn && !p.hasAck else { return false }
        return isClosed || (synSeq != nil && synSeq != p.seq && synAckFrame != nil)
    }

    /// The capture time of one of this connection's frames (its first frame's time when not recorded).
    func time(ofFrame frame: Int) -> FrameTime {
        if frame == synFrames.first, let synTime { return synTime }
        var low = 0
        var high = payloadFrameTimes.count
        while low < high {
            let mid = (low + high) / 2
            if payloadFrameTimes[mid].frame < frame { low = mid + 1 } else { high = mid }
        }
        return low < payloadFrameTimes.count && payloadFrameTimes[low].frame == frame
            ? payloadFrameTimes[low].time : firstTime
    }

    /// Flushes bodies that end with the connection.
    mutating func finish() {
        toServer.finish(app: &app)
        toClient.finish(app: &app)
    }
}
