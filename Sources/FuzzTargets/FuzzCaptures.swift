import PacketIngest

/// Capture-decoding targets: the bytes are written as a capture file and analyzed like `licscope packets`.
enum FuzzCaptures {
    static func analyze(_ bytes: [UInt8]) {
        FuzzScratch.withFile("capture.pcap", bytes) { path in
            _ = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(streamByteLimit: 64 * 1024))
        }
    }
}

/// Builds small captures around fuzz bytes, so the protocol decoders behind the capture reader see them.
enum SyntheticCapture {
    /// A little-endian pcapng section header block (version 1.0, unknown section length).
    static let pcapngSectionHeader: [UInt8] = [0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0]
        + [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0]

    /// A pcap (microseconds, Ethernet) with one UDP datagram from 127.0.0.1:40000 to 127.0.0.2:`port`.
    static func udp(port: Int, payload: [UInt8]) -> [UInt8] {
        let udp = be16(40_000) + be16(port) + be16(8 + payload.count) + be16(0) + payload
        return pcapHeader + frame(second: 1, ipv4(protocolNumber: 17, body: udp))
    }

    /// A pcap with a TCP handshake, then `client` from 127.0.0.1:40001 and `server` from 127.0.0.2:`clientPort`.
    static func tcp(clientPort port: Int, client: [UInt8], server: [UInt8]) -> [UInt8] {
        var out = pcapHeader
        func segment(fromClient: Bool, seq: Int, ack: Int, flags: UInt8, _ data: [UInt8]) -> [UInt8] {
            let ports = fromClient ? be16(40_001) + be16(port) : be16(port) + be16(40_001)
            let tcp = ports + be32(seq) + be32(ack) + [0x50, flags] + be16(65_535) + be16(0) + be16(0) + data
            return ipv4(protocolNumber: 6, body: tcp, reversed: !fromClient)
        }
        out += frame(second: 1, segment(fromClient: true, seq: 100, ack: 0, flags: 0x02, []))
        out += frame(second: 1, segment(fromClient: false, seq: 500, ack: 101, flags: 0x12, []))
        out += frame(second: 1, segment(fromClient: true, seq: 101, ack: 501, flags: 0x10, []))
        var clientSeq = 101
        var serverSeq = 501
        for chunk in chunks(client) {
            out += frame(second: 2, segment(fromClient: true, seq: clientSeq, ack: serverSeq, flags: 0x18, Array(chunk)))
            clientSeq += chunk.count
        }
        for chunk in chunks(server) {
            out += frame(second: 3, segment(fromClient: false, seq: serverSeq, ack: clientSeq, flags: 0x18, Array(chunk)))
            serverSeq += chunk.count
        }
        out += frame(second: 4, segment(fromClient: true, seq: clientSeq, ack: serverSeq, flags: 0x11, []))
        return out
    }

    private static let pcapHeader: [UInt8] = [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0] + [UInt8](repeating: 0, count: 8)
        + [0xff, 0xff, 0, 0, 1, 0, 0, 0]

    private static func chunks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: 1400).map { bytes[$0..<min($0 + 1400, bytes.count)] }
    }

    private static func frame(second: Int, _ ip: [UInt8]) -> [UInt8] {
        let ethernet = [UInt8](repeating: 2, count: 6) + [UInt8](repeating: 4, count: 6) + [0x08, 0x00] + ip
        return le32(second) + le32(0) + le32(ethernet.count) + le32(ethernet.count) + ethernet
    }

    private static func ipv4(protocolNumber: UInt8, body: [UInt8], reversed: Bool = false) -> [UInt8] {
        let a: [UInt8] = [127, 0, 0, 1]
        let b: [UInt8] = [127, 0, 0, 2]
        return [0x45, 0] + be16(20 + body.count) + [0, 1, 0x40, 0, 64, protocolNumber, 0, 0]
            + (reversed ? b + a : a + b) + body
    }

    private static func be16(_ v: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)] }
    private static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v) }
    private static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }
}
