import LicensingModel

/// Decodes frames one at a time and keeps the per-capture state: connections, DNS pairing, anomalies,
/// and the events and ladders produced as connections finish.
struct PacketProcessor {
    var sink: EventSink
    private var table: FlowTable
    private var dns = DNSTracker()
    private var verifier: ChainVerifierCache
    private(set) var ladders: [ConnectionLadder] = []
    private(set) var flows: [FlowSummary] = []
    private var anomalies: [String: (count: Int, frame: Int, time: FrameTime, detail: String)] = [:]
    private(set) var firstTime: FrameTime?
    private(set) var lastTime: FrameTime?
    static let maxFlowSummaries = 100_000

    init(path: String, options: CaptureOptions) {
        sink = EventSink(path: path)
        table = FlowTable(capacity: options.maxTrackedFlows, streamLimit: options.streamByteLimit)
        verifier = ChainVerifierCache(extraAnchorsPEM: options.extraTrustAnchorsPEM)
    }

    mutating func process(_ frame: RawFrame) {
        let time = FrameTime(seconds: frame.seconds, nanoseconds: frame.nanoseconds)
        if firstTime == nil { firstTime = time }
        lastTime = time
        if frame.number % 8192 == 0 {
            var finished: [TCPFlow] = []
            table.sweep(currentFrame: frame.number, now: time, into: &finished)
            for f in finished { finish(f) }
        }
        let b = frame.bytes
        switch LinkLayerDecoder.locate(linkType: frame.linkType, in: b) {
        case .notIP: return
        case .unsupportedLinkType:
            note("unsupported_link_type", frame.number, time, "link type \(frame.linkType) is not decoded")
        case .tooShort:
            note("short_frame", frame.number, time, "frame too short for its link-layer header")
        case .network(let start):
            switch IPDecoder.decode(b, start: start.offset, etherType: start.etherType) {
            case .packet(let p): route(p, frame: frame.number, time: time)
            case .fragment: note("ip_fragment", frame.number, time, "IP fragment (not reassembled)")
            case .otherProtocol: return
            case .malformed(let why):
                // A snaplen cut is not damage: only complain when the frame was captured whole.
                if b.count >= frame.originalLength { note("malformed_packet", frame.number, time, why) }
            }
        }
    }

    private mutating func route(_ p: DecodedPacket, frame: Int, time: FrameTime) {
        if p.isTCP {
            var finished: [TCPFlow] = []
            let (i, started) = table.handle(p, frame: frame, time: time, finished: &finished)
            if started { table.setResolution(dns.resolutions[table.flows[i].server], at: i) }
            for m in table.takeDNSMessages(at: i) {
                let server = m.fromClient ? (p.dst, p.dstPort) : (p.src, p.srcPort)
                let client = m.fromClient ? (p.src, p.srcPort) : (p.dst, p.dstPort)
                let (src, dst) = m.fromClient ? (client, server) : (server, client)
                dns.handle(m.message, frame: m.frame, time: time, src: src.0, srcPort: src.1, dst: dst.0,
                           dstPort: dst.1, transport: "tcp", sink: &sink)
            }
            for f in finished { finish(f) }
        } else if p.srcPort == 53 || p.dstPort == 53 {
            guard let m = DNSMessage.parse(p.payload) else {
                note("malformed_dns", frame, time, "undecodable DNS message")
                return
            }
            dns.handle(m, frame: frame, time: time, src: p.src, srcPort: p.srcPort, dst: p.dst, dstPort: p.dstPort,
                       transport: "udp", sink: &sink)
        }
    }

    private mutating func note(_ anomaly: String, _ frame: Int, _ time: FrameTime, _ detail: String) {
        if var a = anomalies[anomaly] {
            a.count += 1
            anomalies[anomaly] = a
        } else {
            anomalies[anomaly] = (1, frame, time, detail)
        }
    }

    /// Turns a finished connection into events, a flow summary and, toward a licensing endpoint, a ladder.
    private mutating func finish(_ flowIn: TCPFlow) {
        var flow = flowIn
        flow.finish()
        let tlsObservation = flow.app.tls
        let exchanges = FlowEventWriter.exchanges(flow.app.httpMessages)
        let host = tlsObservation.clientHellos.first?.sni
            ?? exchanges.compactMap { $0.request?.head.isConnect == true ? $0.request?.head.uri : nil }.last
                .map { HostPort.split($0, defaultPort: 443).host }
        let tls = tlsObservation.clientHellos.isEmpty && tlsObservation.serverHellos.isEmpty
            ? nil : TLSHandshakeReport(
                tlsObservation, flow: flow, host: host, captureTime: lastTime, verifier: &verifier)
        let summary = FlowEventWriter.write(flow: flow, tls: tls, exchanges: exchanges, sink: &sink)
        if (tls != nil || !exchanges.isEmpty) && flows.count < Self.maxFlowSummaries { flows.append(summary) }
        if let ladder = LadderBuilder.ladder(
            flow: flow, tls: tls, exchanges: exchanges, resolution: flow.resolution)
        {
            ladders.append(ladder)
        }
    }

    /// Ends the capture: finishes every connection, reports unanswered DNS queries, DNS-only ladders and anomalies.
    mutating func finishCapture() {
        for f in table.drain() { finish(f) }
        dns.finish(sink: &sink)
        ladders += DNSFailureLadders.ladders(dns.failures)
        for (name, a) in anomalies.sorted(by: { $0.value.frame < $1.value.frame }) {
            sink.addAnomaly(name, detail: "\(a.detail) (\(a.count) frame(s), first shown)", frame: a.frame, time: a.time)
        }
        ladders.sort { $0.firstFrame < $1.firstFrame }
        for ladder in ladders { sink.appendSummary(LadderEvent.event(ladder, path: sink.path)) }
        if sink.dropped > 0 {
            sink.addAnomaly(
                "event_limit", detail: "\(sink.dropped) per-packet events beyond \(sink.limit) not kept (ladders are all kept)",
                frame: 1, time: firstTime)
        }
    }
}
