import Foundation
import LicensingModel
import TestSupport
import Testing

@testable import PacketIngest

/// Truncated files, bad magic, absurd lengths and garbage link layers: every complete record is used,
/// the error names the offset and frame, nothing crashes.
struct DamagedCaptureTests {
    @Test func fuzzedRecordHeaderKeepsFirstFrameAndNamesOffset() throws {
        let a = try TestSupport.analyzeFixture("fuzz.pcap")
        #expect(a.framesRead == 1)
        let e = try #require(a.errors.first)
        #expect(e.offset == 228)
        #expect(e.frame == 2)
        #expect(e.reason.contains("bigger than snaplen"))
        #expect(a.isPartlyUnreadable)
        #expect(a.events(.captureAnomaly).contains { $0.fields["anomaly"] == "read_error" })
    }

    @Test func truncatedLastRecordKeepsEveryCompleteRecord() throws {
        var bytes = Scenario.dnsNXDOMAIN()
        let secondRecordStart = 24 + 16 + Int(bytes[32])  // caplen of record 1 (LE, < 256)
        bytes.removeLast(5)
        let a = try TestSupport.analyze(bytes)
        #expect(a.framesRead == 1)
        let e = try #require(a.errors.first)
        #expect(e.frame == 2)
        #expect(e.offset == secondRecordStart)
        #expect(a.events(.dnsQuery).count == 1)
    }

    @Test func truncatedRecordHeader() throws {
        var bytes = Scenario.dnsNXDOMAIN()
        let secondRecordStart = 24 + 16 + Int(bytes[32])  // caplen of record 1 (LE, < 256)
        bytes = Array(bytes.prefix(secondRecordStart + 7))
        let a = try TestSupport.analyze(bytes)
        #expect(a.framesRead == 1)
        #expect(a.errors.first?.offset == secondRecordStart)
        #expect(a.errors.first?.frame == 2)
    }

    @Test func badMagicIsAnErrorNotACrash() throws {
        let a = try TestSupport.analyze(Array("this is not a capture file at all".utf8))
        #expect(a.framesRead == 0)
        #expect(a.errors.first?.reason.contains("bad magic") == true)
        #expect(a.errors.first?.offset == 0)
    }

    @Test func emptyFileIsAnError() throws {
        let a = try TestSupport.analyze([])
        #expect(a.isPartlyUnreadable)
    }

    @Test func pcapngOptionOverrunIsReported() throws {
        let a = try TestSupport.analyzeFixture("shb-option-too-long.pcapng")
        #expect(a.framesRead == 0)
        #expect(a.errors.first?.offset == 0)
        #expect(a.reader.hasPrefix("pcapng block reader"))
    }

    @Test func pcapngAbsurdBlockLengthStopsWithOffset() throws {
        let frame = FrameBuilder.udp(src: "192.0.2.1", srcPort: 1000, dst: "192.0.2.53", dstPort: 53,
                                     payload: MessageBuilder.dnsQuery(id: 1, name: "a.example"))
        var bytes = PcapngBytes.section(linkType: 1, tsresol: 6, frames: [(frame, 1), (frame, 2)])
        let secondEPB = bytes.count - (bytes.count - 28 - 32) / 2  // both EPBs have the same size
        bytes.replaceSubrange((secondEPB + 4)..<(secondEPB + 8), with: PcapngBytes.le32(0x7FFF_FFF0))
        let path = try TestSupport.temporaryFile(bytes, name: "absurd.pcapng")
        defer { TestSupport.removeTemporaryFile(path) }
        let errors = PcapngBlockReader(path: path, why: "test").forEachFrame { _ in }
        #expect(errors.first?.offset == secondEPB)
        #expect(errors.first?.reason.contains("absurd block length") == true)
    }

    @Test func garbageFramesAreAnomaliesNotErrors() throws {
        var w = PcapWriter()
        var rng = SplitMix(seed: 42)
        for i in 0..<300 {
            let length = Int(rng.next() % 120)
            var frame = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if i % 3 == 0, frame.count > 14 { frame[12] = 0x08; frame[13] = 0x00 }  // claim IPv4
            w.add(frame, microseconds: Int64(i))
        }
        let a = try TestSupport.analyze(w.bytes)
        #expect(a.framesRead == 300)
        #expect(a.errors.isEmpty)
    }

    @Test func snaplenCutIsNotMalformed() throws {
        var w = PcapWriter(snaplen: 60)
        var c = TCPConversation(client: "192.0.2.1", clientPort: 4000, server: "192.0.2.2", serverPort: 80, clock: 0)
        c.handshake(into: &w)
        let full = FrameBuilder.tcp(src: "192.0.2.1", srcPort: 4000, dst: "192.0.2.2", dstPort: 80, seq: 1001, ack: 5001,
                                    flags: FrameBuilder.ack, payload: [UInt8](repeating: 0x41, count: 500))
        w.add(Array(full.prefix(60)), microseconds: 10, originalLength: full.count)
        let a = try TestSupport.analyze(w.bytes)
        #expect(a.errors.isEmpty)
        #expect(!a.events(.captureAnomaly).contains { $0.fields["anomaly"] == "malformed_packet" })
    }
}


/// Mutation fuzzing: corrupt packet bytes (record headers intact) of real and synthetic captures; decoding must
/// never trap and must still count every frame.
struct MutationFuzzTests {
    static func mutate(_ bytes: [UInt8], seed: UInt64, flips: Int) -> [UInt8] {
        var out = bytes
        var rng = SplitMix(seed: seed)
        // Walk the records so only packet bytes change.
        var spans: [Range<Int>] = []
        var i = 24
        while i + 16 <= out.count {
            let caplen = Int(out[i + 8]) | Int(out[i + 9]) << 8 | Int(out[i + 10]) << 16 | Int(out[i + 11]) << 24
            guard i + 16 + caplen <= out.count else { break }
            if caplen > 0 { spans.append((i + 16)..<(i + 16 + caplen)) }
            i += 16 + caplen
        }
        guard !spans.isEmpty else { return out }
        for _ in 0..<flips {
            let span = spans[Int(rng.next() % UInt64(spans.count))]
            let at = span.lowerBound + Int(rng.next() % UInt64(span.count))
            out[at] = UInt8(truncatingIfNeeded: rng.next())
        }
        return out
    }

    @Test(arguments: ["tls1.2.pcap", "https-connect.pcap", "hrr.pcap", "dns-udp-nxdomain-soa.pcap"])
    func corpusMutations(_ name: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try TestSupport.fixture(name))))
        let frames = try TestSupport.analyze(original).framesRead
        for seed in 0..<40 {
            let a = try TestSupport.analyze(Self.mutate(original, seed: UInt64(seed), flips: 1 + seed % 25))
            #expect(a.framesRead == frames)
        }
    }

    @Test func syntheticMutations() throws {
        let chain = [try TestSupport.der("certs/leaf-tools.pem"), try TestSupport.der("certs/test-ca.pem")]
        let inputs = [Scenario.satellitePost(), Scenario.proxyTunnelTLS(chain: chain), Scenario.tls(chain: chain, clientAlert: 48)]
        for (n, input) in inputs.enumerated() {
            for seed in 0..<40 {
                let a = try TestSupport.analyze(Self.mutate(input, seed: UInt64(seed * 7 + n), flips: 1 + seed % 10))
                #expect(a.errors.isEmpty)
            }
        }
    }
}

/// Random bytes straight into every decoder: nil or a value, never a trap.
struct DecoderFuzzTests {
    @Test func randomBytesIntoDecoders() {
        var rng = SplitMix(seed: 7)
        var tls = TLSObservation()
        for round in 0..<2_000 {
            let length = Int(rng.next() % 300)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if round % 4 == 0, bytes.count > 5 { bytes[0] = 0x16; bytes[1] = 0x03 }  // look like TLS
            bytes.withUnsafeBytes { b in
                _ = DNSMessage.parse(b)
                _ = HTTPHead.parse(b)
                _ = TLSHandshakeParser.clientHello(b, frame: 1)
                _ = TLSHandshakeParser.serverHello(b, frame: 1)
                _ = TLSHandshakeParser.certificates(b)
                for link in [0, 1, 101, 113, 228, 229, 276] {
                    if case .network(let s) = LinkLayerDecoder.locate(linkType: link, in: b) {
                        _ = IPDecoder.decode(b, start: s.offset, etherType: s.etherType)
                    }
                }
                var stream = TLSRecordStream(fromClient: round % 2 == 0)
                stream.feed(b, frame: round, into: &tls)
            }
            _ = LicensingPayload.parse(bytes)
        }
        #expect(tls.clientHellos.count < 2_000)
    }
}
