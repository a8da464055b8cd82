/// Reads one direction of a TLS connection record by record and feeds handshake messages (which may span
/// records) to ``TLSHandshakeParser``. Stops at the first record that is not TLS, after the handshake
/// is over, or when its buffer would pass `limit`.
struct TLSRecordStream {
    let fromClient: Bool
    private var buffer: [UInt8] = []
    private var handshake: [UInt8] = []
    private var encrypted = false
    /// Nothing more to learn from this direction.
    private(set) var done = false
    /// The bytes did not look like TLS.
    private(set) var notTLS = false
    static let maxRecord = 16_384 + 2_048

    init(fromClient: Bool) { self.fromClient = fromClient }

    /// Bytes of an application-data record's body still to come. Its content is never read, so it is passed over
    /// rather than buffered (up to 16 KiB per record); the record still counts at the frame that completes it.
    private var skipping = 0

    /// Appends stream bytes delivered at `frame` and parses every complete record.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, frame: Int, into tls: inout TLSObservation) {
        guard !done else { return }
        var input = bytes
        if skipping > 0 {
            let n = min(skipping, input.count)
            skipping -= n
            input = input.slice(n, input.count)
            guard skipping == 0 else { return }
            record(type: 23, body: input.slice(0, 0), frame: frame, tls: &tls)
            if done { return }
        }
        buffer.append(contentsOf: input)
        var consumed = 0
        while !done && skipping == 0 {
            let parsed: Int? = buffer.withUnsafeBytes { raw in
                let b = raw.slice(consumed, raw.count)
                guard let type = b.u8(0), let major = b.u8(1), let length = b.be16(3) else { return nil }
                guard (20...24).contains(type), major == 3, Int(length) <= Self.maxRecord else {
                    notTLS = true
                    done = true
                    return nil
                }
                if type == 23 && b.count < 5 + Int(length) {
                    skipping = 5 + Int(length) - b.count
                    return b.count
                }
                guard b.count >= 5 + Int(length) else { return nil }
                record(type: type, body: b.slice(5, 5 + Int(length)), frame: frame, tls: &tls)
                return 5 + Int(length)
            }
            guard let parsed else { break }
            consumed += parsed
        }
        buffer.removeFirst(min(consumed, buffer.count))
        if done { buffer = [] }
    }

    private mutating func record(type: UInt8, body: UnsafeRawBufferPointer, frame: Int, tls: inout TLSObservation) {
        switch type {
        case 20:
            // A client's middlebox-compatibility CCS after a HelloRetryRequest precedes its second ClientHello.
            if !(fromClient && tls.serverHellos.last?.isHelloRetryRequest == true) { encrypted = true }
            if fromClient { tls.clientChangeCipherSpec = true } else { tls.serverChangeCipherSpec = true }
        case 21:
            let clear = !encrypted && body.count == 2
            tls.alerts.append(TLSObservation.Alert(
                frame: frame, fromClient: fromClient, level: clear ? body.u8(0) : nil,
                description: clear ? body.u8(1) : nil))
        case 22 where !encrypted:
            handshake.append(contentsOf: body)
            parseHandshakeMessages(frame: frame, tls: &tls)
        case 23:
            if fromClient {
                if tls.clientApplicationDataFrame == nil { tls.clientApplicationDataFrame = frame }
            } else if tls.serverApplicationDataFrame == nil {
                tls.serverApplicationDataFrame = frame
            }
            // In TLS 1.3 the rest of the handshake is inside application-data records.
            encrypted = true
            if tls.clientApplicationDataFrame != nil && tls.serverApplicationDataFrame != nil { done = true }
        default:
            break
        }
    }

    private mutating func parseHandshakeMessages(frame: Int, tls: inout TLSObservation) {
        var consumed = 0
        while true {
            let step: Int? = handshake.withUnsafeBytes { raw in
                let b = raw.slice(consumed, raw.count)
                guard let type = b.u8(0), let length = b.be24(1), b.count >= 4 + length else { return nil }
                let body = b.slice(4, 4 + length)
                switch type {
                case 1:
                    if let hello = TLSHandshakeParser.clientHello(body, frame: frame) { tls.clientHellos.append(hello) }
                case 2:
                    if let hello = TLSHandshakeParser.serverHello(body, frame: frame) {
                        tls.serverHellos.append(hello)
                        if hello.version == 0x0304 && !hello.isHelloRetryRequest { encrypted = true }
                    }
                case 11 where !tls.isTLS13:
                    if tls.certificateFrame == nil {
                        tls.certificateFrame = frame
                        tls.certificatesDER = TLSHandshakeParser.certificates(body)
                    }
                case 14 where !tls.isTLS13:
                    if tls.serverHelloDoneFrame == nil { tls.serverHelloDoneFrame = frame }
                default: break
                }
                return 4 + length
            }
            guard let step else { break }
            consumed += step
        }
        handshake.removeFirst(min(consumed, handshake.count))
        if handshake.count > 256 * 1024 { handshake = [] }
    }
}
