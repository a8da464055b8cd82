import TestSupport
import Testing
@testable import TextIngest

@Suite struct LiteralPrefilterTests {
    static func naiveFirst(_ text: [UInt8], _ anchors: [[UInt8]]) -> Int? {
        var best: Int?
        for a in anchors where a.count <= text.count {
            for s in 0...(text.count - a.count) where Array(text[s..<(s + a.count)]) == a {
                best = min(best ?? s, s)
                break
            }
        }
        return best
    }

    @Test func findsEveryAnchorLikeANaiveSearchOnRandomText() {
        let anchors = ["COMM_FAILED", "SSLHandshakeException", "[STARTED]", "license smart register idtoken",
            "ciscoSlaSmartAgentNotifyReady", "HTTP/1.1 407"]
        let filter = LiteralPrefilter(anchors: anchors)
        let anchorBytes = anchors.map { Array($0.utf8) }
        var rng = SplitMix(seed: 42)
        let alphabet = Array("abcdeilmnorstuACEFHLMNOS_ []/.:01234 7".utf8)
        for round in 0..<400 {
            var text = (0..<Int(rng.next() % 300)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if round % 3 != 0 {
                let a = anchorBytes[Int(rng.next() % UInt64(anchorBytes.count))]
                let at = Int(rng.next() % UInt64(text.count + 1))
                text.insert(contentsOf: a.dropLast(round % 7 == 0 ? 1 : 0), at: at)
            }
            let expected = Self.naiveFirst(text, anchorBytes)
            let got = text.withUnsafeBufferPointer { b in
                b.baseAddress.flatMap { filter.firstMatch(in: $0, from: 0, to: b.count)?.start }
            }
            #expect(got == expected, "round \(round)")
        }
    }

    @Test func anchorsAtTheEdgesOfTheRangeAreFoundAndNeverReadOutside() {
        let filter = LiteralPrefilter(anchors: ["AGENT_READY"])
        let text = Array("AGENT_READY".utf8)
        text.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            #expect(filter.firstMatch(in: p, from: 0, to: b.count)?.start == 0)
            #expect(filter.firstMatch(in: p, from: 1, to: b.count) == nil)
            #expect(filter.firstMatch(in: p, from: 0, to: b.count - 1) == nil)
        }
    }

    @Test func anchorsPresentListsAllAnchorsOfALine() {
        let filter = LiteralPrefilter(anchors: ["COMM_FAILED", "SMART_LIC", "absent-anchor"])
        let line = Array("%SMART_LIC-3-COMM_FAILED: x".utf8)
        let present = line.withUnsafeBufferPointer { b in
            b.baseAddress.map { filter.anchorsPresent(in: $0, from: 0, to: b.count) } ?? []
        }
        #expect(present == [0, 1])
    }
}

@Suite struct LineHitsTests {
    @Test func listsEveryLineWithAnAnchorAcrossAllQuarters() {
        let anchors = ["COMM_FAILED", "[STARTED]", "SSLHandshakeException"]
        let filter = LiteralPrefilter(anchors: anchors)
        var rng = SplitMix(seed: 7)
        var text: [UInt8] = []
        var expected: [Int] = []  // line numbers with an anchor
        for line in 0..<6000 {
            var l = Array("2018-01-26 15:11:23,456 DEBUG [SLM-1] com.cisco.X - some text \(rng.next() % 1000)".utf8)
            if rng.next() % 37 == 0 {
                l.insert(contentsOf: Array(anchors[Int(rng.next() % 3)].utf8), at: Int(rng.next() % UInt64(l.count)))
                expected.append(line)
            }
            text += l + [0x0A]
        }
        let hits = text.withUnsafeBufferPointer { b in
            b.baseAddress.map { filter.lineHits(in: $0, from: 0, to: b.count) } ?? []
        }
        var lines = Set<Int>()
        for h in hits { lines.insert(text[..<h].filter { $0 == 0x0A }.count) }
        #expect(text.count > 1 << 16)
        #expect(lines.sorted() == expected)
    }
}
