import Foundation
import LicensingModel
import Testing

@testable import PacketIngest

/// Drip-fed TCP reassembly: byte by byte, out of order, retransmitted, overlapping — same stream every time.
struct ReassemblyTests {
    /// Feeds `segments` (sequence offset, bytes) and returns what was delivered, in order.
    static func deliver(_ segments: [(Int, [UInt8])], limit: Int = 1 << 20, isn: UInt32 = 0xFFFF_FF00) -> ([UInt8], StreamReassembler) {
        var r = StreamReassembler(limit: limit)
        r.start(synSeq: isn &- 1)
        var out: [UInt8] = []
        for (i, (offset, bytes)) in segments.enumerated() {
            bytes.withUnsafeBytes { raw in
                r.add(seq: isn &+ UInt32(offset), payload: raw, wireLength: raw.count, frame: i + 1) { chunk, _ in
                    out += chunk
                }
            }
        }
        return (out, r)
    }

    static let message = Array("CONNECT tools.cisco.com:443 HTTP/1.1\r\nHost: tools.cisco.com:443\r\n\r\n".utf8)

    @Test func byteByByteAcrossSequenceWrap() {
        let segments = Self.message.enumerated().map { ($0.offset, [$0.element]) }
        let (out, _) = Self.deliver(segments)
        #expect(out == Self.message)
    }

    @Test func outOfOrderSegmentsWaitForTheGap() {
        let m = Self.message
        let (out, r) = Self.deliver([(20, Array(m[20..<40])), (40, Array(m[40...])), (0, Array(m[0..<20]))])
        #expect(out == m)
        #expect(r.outOfOrder == 2)
    }

    @Test func retransmissionsAreDropped() {
        let m = Self.message
        let (out, r) = Self.deliver([(0, Array(m[0..<30])), (0, Array(m[0..<30])), (30, Array(m[30...]))])
        #expect(out == m)
        #expect(r.retransmissions == 1)
    }

    @Test func overlapsDeliverOnlyNewBytes() {
        let m = Self.message
        let (out, r) = Self.deliver([(0, Array(m[0..<30])), (10, Array(m[10..<50])), (45, Array(m[45...]))])
        #expect(out == m)
        #expect(r.overlaps == 2)
    }

    @Test func budgetBoundsDelivery() {
        let big = [UInt8](repeating: 7, count: 10_000)
        let (out, r) = Self.deliver([(0, big)], limit: 4_096)
        #expect(out.count == 4_096)
        #expect(r.isFinished)
    }

    @Test func unfillableHoleStalls() {
        var segments: [(Int, [UInt8])] = []
        for i in 1...70 { segments.append((i * 10, [UInt8](repeating: 1, count: 10))) }
        let (out, r) = Self.deliver(segments)
        #expect(out.isEmpty)
        #expect(r.stalled)
    }

    @Test func clientHelloSplitOneByteSegmentsGivesSameHandshake() throws {
        let chain = [try TestSupport.der("certs/leaf-tools.pem")]
        let whole = try TestSupport.analyze(Scenario.tls(chain: chain, clientAlert: 48))
        let dripped = try TestSupport.analyze(Scenario.tls(chain: chain, clientAlert: 48, segment: 1))
        let a = try #require(whole.events(.tlsHandshake).first)
        let b = try #require(dripped.events(.tlsHandshake).first)
        #expect(a.fields == b.fields)
        #expect(b.fields["sni"] == "tools.cisco.com")
    }

    @Test func corpusSplitClientHelloIsReassembled() throws {
        let a = try TestSupport.analyzeFixture("hrr.pcap")
        let flow = try #require(a.flows.first)
        #expect(flow.clientHelloFrames == [4, 8])
        let tls = try #require(a.events(.tlsHandshake).first)
        #expect(tls.fields["server_version"] == "TLS 1.3")
        #expect(tls.fields["chain_verdict"] == "not_visible")
        #expect(tls.fields["certificates_visible"] == .bool(false))
    }
}
