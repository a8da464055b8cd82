import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Link-layer and network-layer vectors: 802.1Q / QinQ, SLL2, BSD loopback, IPv6 extension headers, fragments.
struct LinkLayerTests {
    /// An IPv4/UDP DNS packet (no link layer).
    static let ipv4: [UInt8] = Array(FrameBuilder.udp(
        src: "192.0.2.1", srcPort: 3333, dst: "192.0.2.53", dstPort: 53,
        payload: MessageBuilder.dnsQuery(id: 5, name: "tools.cisco.com")).dropFirst(14))

    static func decode(_ frame: [UInt8], linkType: Int) -> DecodedPacket? {
        frame.withUnsafeBytes { b -> DecodedPacket? in
            guard case .network(let start) = LinkLayerDecoder.locate(linkType: linkType, in: b),
                case .packet(var p) = IPDecoder.decode(b, start: start.offset, etherType: start.etherType)
            else { return nil }
            p.payload = UnsafeRawBufferPointer(start: nil, count: 0)  // do not let the borrowed bytes escape
            return p
        }
    }

    @Test func ethernetWithQinQTags() {
        let mac = [UInt8](repeating: 2, count: 12)
        let frame = mac + [0x88, 0xA8, 0x00, 0x64] + [0x81, 0x00, 0x00, 0xC8] + [0x08, 0x00] + Self.ipv4
        let p = Self.decode(frame, linkType: 1)
        #expect(p?.dstPort == 53)
        #expect(p?.dst.description == "192.0.2.53")
        let located = frame.withUnsafeBytes { LinkLayerDecoder.locate(linkType: 1, in: $0) }
        guard case .network(let start) = located else { Issue.record("not IP"); return }
        #expect(start.vlanTags == 2)
    }

    @Test func linuxSLL2AndLoopback() {
        let sll2 = [0x08, 0x00] + [UInt8](repeating: 0, count: 18) + Self.ipv4
        #expect(Self.decode(sll2, linkType: 276)?.srcPort == 3333)
        let null = [2, 0, 0, 0] + Self.ipv4
        #expect(Self.decode(null, linkType: 0)?.srcPort == 3333)
        #expect(Self.decode([0x08, 0x06] + [UInt8](repeating: 0, count: 30), linkType: 276) == nil)  // ARP
    }

    @Test func ipv6ExtensionHeadersAreWalked() {
        let udp: [UInt8] = [0x0D, 0x05, 0x00, 0x35, 0x00, 0x08, 0, 0]
        let hopByHop: [UInt8] = [60, 0, 1, 4, 0, 0, 0, 0]  // next: destination options
        let destOpts: [UInt8] = [17, 0, 1, 4, 0, 0, 0, 0]  // next: UDP
        let payload = hopByHop + destOpts + udp
        var ip: [UInt8] = [0x60, 0, 0, 0, 0, UInt8(payload.count), 0, 64]
        ip += [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [1]
        ip += [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [2]
        let p = Self.decode(ip + payload, linkType: 229)
        #expect(p?.dstPort == 53)
        #expect(p?.src.description == "2001:db8::1")
    }

    @Test func fragmentsAreNotedNotDecoded() {
        var fragment = Self.ipv4
        fragment[6] = 0x00
        fragment[7] = 0x10  // offset 16 * 8 bytes
        let result = fragment.withUnsafeBytes { IPDecoder.decode($0, start: 0, etherType: 0x0800) }
        guard case .fragment = result else { Issue.record("expected a fragment"); return }
    }

    @Test func ipv4TotalLengthBelowHeaderIsMalformed() {
        var bad = Self.ipv4
        bad[2] = 0
        bad[3] = 8
        let result = bad.withUnsafeBytes { IPDecoder.decode($0, start: 0, etherType: 0x0800) }
        guard case .malformed = result else { Issue.record("expected malformed"); return }
    }

    @Test func manyConnectionsWithTinyTableStillReportEveryAttempt() throws {
        var w = PcapWriter()
        for i in 0..<40 {
            var c = TCPConversation(client: "192.0.2.10", clientPort: UInt16(30_000 + i), server: "198.51.100.20",
                                    serverPort: 443, clock: Int64(i) * 10_000)
            c.handshake(into: &w)
        }
        let path = try TestSupport.temporaryFile(w.bytes)
        defer { TestSupport.removeTemporaryFile(path) }
        let a = CaptureAnalyzer.analyze(path: path, options: CaptureOptions(maxTrackedFlows: 4))
        #expect(a.events(.tcpAttempt).count == 40)
        #expect(a.events(.tcpAttempt).allSatisfy { $0.fields["outcome"] == "established" })
    }
}
