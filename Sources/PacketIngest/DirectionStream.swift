/// What the two directions of one connection have decoded so far.
struct FlowApplication {
    var tls = TLSObservation()
    var httpMessages: [HTTPMessage] = []
    /// Request methods awaiting a response, so a response knows what it answers.
    var httpMethods: [String] = []
    /// DNS-over-TCP messages not yet handed to the DNS tracker.
    var dnsMessages: [(message: DNSMessage, frame: Int, fromClient: Bool)] = []
    static let maxHTTPMessages = 64
}

/// One direction of a TCP connection: reassembly, then the decoder chosen from the first bytes
/// (TLS, HTTP/1.x, or DNS over TCP on port 53). After a CONNECT tunnel opens, the decoder is chosen again.
struct DirectionStream {
    let fromClient: Bool
    let isDNSPort: Bool
    var reassembler: StreamReassembler
    private var tls: TLSRecordStream?
    private var http: HTTPStream?
    private var dnsBuffer: [UInt8]?
    private var ignored = false
    private var switches = 0

    init(fromClient: Bool, isDNSPort: Bool, limit: Int) {
        self.fromClient = fromClient
        self.isDNSPort = isDNSPort
        self.reassembler = StreamReassembler(limit: limit)
    }

    /// Nothing more will be learned from this direction (kept as a flag: it is read for every packet).
    private(set) var isDone = false

    private mutating func updateDone() {
        isDone = ignored || reassembler.isFinished || (tls?.done ?? false)
            || (http.map { $0.done && $0.tunnelBytes == nil } ?? false)
    }

    /// Feeds one TCP segment.
    mutating func add(
        seq: UInt32, payload: UnsafeRawBufferPointer, wireLength: Int, frame: Int, app: inout FlowApplication
    ) {
        guard !isDone else { return }
        var r = reassembler
        reassembler = StreamReassembler(limit: 0)
        r.add(seq: seq, payload: payload, wireLength: wireLength, frame: frame) { bytes, f in
            decode(bytes, frame: f, app: &app)
        }
        reassembler = r
        updateDone()
    }

    /// Flushes a body that runs until the connection closes.
    mutating func finish(app: inout FlowApplication) {
        http?.finish(out: &app.httpMessages)
    }

    private mutating func decode(_ bytes: UnsafeRawBufferPointer, frame: Int, app: inout FlowApplication) {
        guard !ignored, bytes.count > 0 else { return }
        if tls == nil && http == nil && dnsBuffer == nil { choose(bytes) }
        if tls != nil {
            tls?.feed(bytes, frame: frame, into: &app.tls)
        } else if http != nil {
            var out: [HTTPMessage] = []
            http?.feed(bytes, frame: frame, methods: &app.httpMethods, out: &out)
            if app.httpMessages.count < FlowApplication.maxHTTPMessages { app.httpMessages += out }
            if let rest = http?.tunnelBytes, switches < 4 {
                http = nil
                switches += 1
                rest.withUnsafeBytes { decode($0, frame: frame, app: &app) }
            }
        } else if dnsBuffer != nil {
            dnsBuffer?.append(contentsOf: bytes)
            drainDNS(frame: frame, app: &app)
        }
    }

    private mutating func choose(_ b: UnsafeRawBufferPointer) {
        if isDNSPort {
            dnsBuffer = []
        } else if b.u8(0) == 0x16 || (b.u8(0).map { (20...23).contains($0) } ?? false && b.u8(1) == 3) {
            tls = TLSRecordStream(fromClient: fromClient)
        } else if HTTPHead.looksLikeHTTP(b) {
            http = HTTPStream(fromClient: fromClient)
        } else {
            ignored = true
        }
    }

    private mutating func drainDNS(frame: Int, app: inout FlowApplication) {
        while let buffer = dnsBuffer, let length = buffer.withUnsafeBytes({ $0.be16(0) }), buffer.count >= 2 + Int(length) {
            if let message = buffer.withUnsafeBytes({ DNSMessage.parse($0.slice(2, 2 + Int(length))) }) {
                app.dnsMessages.append((message, frame, fromClient))
            }
            dnsBuffer?.removeFirst(2 + Int(length))
        }
    }
}
