/// The TCP connections being tracked, with eviction of the least recently active half when the table is full.
struct FlowTable {
    private(set) var flows: [TCPFlow] = []
    private var index: [FlowKey: Int] = [:]
    /// The connection of the previous packet: consecutive packets mostly belong to one connection, and comparing
    /// keys is cheaper than hashing one. Cleared whenever indices change.
    private var last: (key: FlowKey, index: Int)?
    let capacity: Int
    let streamLimit: Int

    init(capacity: Int, streamLimit: Int) {
        self.capacity = max(2, capacity)
        self.streamLimit = streamLimit
    }

    /// Routes a TCP packet to its connection and returns the connection's index and whether the packet started it
    /// (the caller then sets its ``TCPFlow/resolution``); connections that ended (replaced by a new SYN on the same
    /// ports, or evicted) are appended to `finished`.
    @discardableResult
    mutating func handle(
        _ p: DecodedPacket, frame: Int, time: FrameTime, finished: inout [TCPFlow]
    ) -> (index: Int, started: Bool) {
        let key = FlowKey(p)
        let known: Int?
        if let last, last.key == key { known = last.index } else { known = index[key] }
        if let i = known {
            last = (key, i)
            var started = false
            if flows[i].isNewConnection(p) {
                finished.append(flows[i])
                flows[i] = TCPFlow(packet: p, clientIsSource: true, frame: frame, time: time, limit: streamLimit)
                started = true
            }
            flows[i].handle(p, frame: frame, time: time)
            return (i, started)
        }
        if flows.count >= capacity { evictHalf(into: &finished) }
        var flow = TCPFlow(
            packet: p, clientIsSource: FlowKey.guessClientIsSource(p), frame: frame, time: time, limit: streamLimit)
        flow.handle(p, frame: frame, time: time)
        index[key] = flows.count
        flows.append(flow)
        last = (key, flows.count - 1)
        return (flows.count - 1, true)
    }

    /// Sets the DNS answer that named the server of connection `i`.
    mutating func setResolution(_ resolution: DNSTracker.Resolution?, at i: Int) {
        flows[i].resolution = resolution
    }

    /// Takes the DNS-over-TCP messages connection `i` decoded.
    mutating func takeDNSMessages(at i: Int) -> [(message: DNSMessage, frame: Int, fromClient: Bool)] {
        guard flows.indices.contains(i), !flows[i].app.dnsMessages.isEmpty else { return [] }
        defer { flows[i].app.dnsMessages = [] }
        return flows[i].app.dnsMessages
    }

    /// Capture seconds without a frame after which a connection counts as idle: it is finished, and a TLS handshake
    /// the server left part-way is judged a `timeout` (``TLSHandshakeReport``).
    static let idleSeconds: Int64 = 300

    /// Moves connections that closed at least 256 frames ago, or sat idle for five minutes of capture time, to
    /// `finished`, so a long capture holds only live connections.
    mutating func sweep(currentFrame: Int, now: FrameTime, into finished: inout [TCPFlow]) {
        let before = flows.count
        var kept: [TCPFlow] = []
        kept.reserveCapacity(flows.count)
        for f in flows {
            let idle = f.lastTime.seconds < now.seconds.subtractingSaturated(Self.idleSeconds)
            if (f.isClosed && f.lastFrame + 256 < currentFrame) || idle {
                finished.append(f)
            } else {
                kept.append(f)
            }
        }
        guard kept.count != before else { return }
        flows = kept
        rebuildIndex()
    }

    /// Every remaining connection, in order of first frame.
    mutating func drain() -> [TCPFlow] {
        let all = flows.sorted { $0.firstFrame < $1.firstFrame }
        flows = []
        index = [:]
        last = nil
        return all
    }

    private mutating func evictHalf(into finished: inout [TCPFlow]) {
        let sorted = flows.sorted { $0.lastFrame < $1.lastFrame }
        let cut = sorted.count / 2
        finished += sorted[..<cut]
        flows = Array(sorted[cut...])
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        index = [:]
        last = nil
        for (i, f) in flows.enumerated() {
            index[FlowKey(client: f.client, clientPort: f.clientPort, server: f.server, serverPort: f.serverPort)] = i
        }
    }
}

extension FlowKey {
    init(client: IPAddress, clientPort: UInt16, server: IPAddress, serverPort: UInt16) {
        if (client, clientPort) < (server, serverPort) {
            (a, aPort, b, bPort) = (client, clientPort, server, serverPort)
        } else {
            (a, aPort, b, bPort) = (server, serverPort, client, clientPort)
        }
    }
}
