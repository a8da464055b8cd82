/// Builds Ethernet/IPv4 frames carrying TCP or UDP (checksums left zero, as many captures with offload show).
public enum FrameBuilder {
    /// TCP flag bits.
    public static let fin: UInt8 = 0x01, syn: UInt8 = 0x02, rst: UInt8 = 0x04, psh: UInt8 = 0x08, ack: UInt8 = 0x10

    /// An IPv4 address from dotted text (`127.0.0.1`); 0.0.0.0 when malformed.
    public static func ipv4(_ text: String) -> UInt32 {
        let parts = text.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4 else { return 0 }
        return parts.reduce(0) { $0 << 8 | ($1 & 0xFF) }
    }

    /// An Ethernet frame with an IPv4/TCP packet.
    public static func tcp(
        src: String, srcPort: UInt16, dst: String, dstPort: UInt16, seq: UInt32, ack ackNumber: UInt32,
        flags: UInt8, payload: [UInt8] = []
    ) -> [UInt8] {
        var tcp = be16(srcPort) + be16(dstPort) + be32(seq) + be32(ackNumber)
        tcp += [0x50, flags] + be16(65_535) + [0, 0, 0, 0]
        return ethernet(ipv4Packet(src: src, dst: dst, proto: 6, body: tcp + payload))
    }

    /// An Ethernet frame with an IPv4/UDP packet.
    public static func udp(src: String, srcPort: UInt16, dst: String, dstPort: UInt16, payload: [UInt8]) -> [UInt8] {
        let udp = be16(srcPort) + be16(dstPort) + be16(UInt16(truncatingIfNeeded: 8 + payload.count)) + [0, 0]
        return ethernet(ipv4Packet(src: src, dst: dst, proto: 17, body: udp + payload))
    }

    static func ipv4Packet(src: String, dst: String, proto: UInt8, body: [UInt8]) -> [UInt8] {
        let total = UInt16(truncatingIfNeeded: 20 + body.count)
        return [0x45, 0] + be16(total) + [0, 1, 0x40, 0, 64, proto, 0, 0] + be32(ipv4(src)) + be32(ipv4(dst)) + body
    }

    static func ethernet(_ ip: [UInt8]) -> [UInt8] {
        [0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00] + ip
    }

    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    static func be24(_ v: Int) -> [UInt8] { [UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
}
