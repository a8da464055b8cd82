import TestSupport
import Testing
@testable import TextIngest

/// The log scanner's one pass over non-candidate text (``ByteScan/newlines(_:from:to:)``) counts the same line
/// breaks and flags the same ranges as reading byte by byte, wherever the range starts and ends.
@Suite struct ByteScanTests {
    /// Line breaks, and whether a NUL or a byte ≥ 0x80 is in the range, byte by byte.
    static func reference(_ b: [UInt8], _ from: Int, _ to: Int) -> (count: Int, suspicious: Bool) {
        let slice = b[from..<to]
        return (slice.filter { $0 == 0x0A }.count, slice.contains { $0 == 0 || $0 >= 0x80 })
    }

    static func scan(_ b: [UInt8], _ from: Int, _ to: Int) -> (count: Int, suspicious: Bool) {
        b.withUnsafeBufferPointer { ByteScan.newlines($0.baseAddress!, from: from, to: to) }
    }

    static func expectAgrees(_ b: [UInt8], _ from: Int, _ to: Int, _ what: @autoclosure () -> String) {
        let got = scan(b, from, to)
        let want = reference(b, from, to)
        #expect(got.count == want.count && got.suspicious == want.suspicious, "\(what()) \(from)..<\(to)")
    }

    @Test func countsNewlinesAndFlagsDamageLikeANaiveLoop() {
        var rng = SplitMix(seed: 3)
        for round in 0..<300 {
            let n = Int(rng.next() % 3000)
            let bytes: [UInt8] = (0..<n).map { _ in
                let r = rng.next() % 100
                if r < 8 { return 0x0A }
                if round % 5 == 0, r == 99 { return round % 10 == 0 ? 0x00 : 0xC3 }
                return UInt8(0x20 + r % 90)
            }
            let from = n > 10 ? Int(rng.next() % 7) : 0
            let got = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { ByteScan.newlines($0, from: from, to: n) } }
            let slice = bytes[min(from, n)...]
            #expect(got?.count ?? 0 == slice.filter { $0 == 0x0A }.count)
            #expect(got?.suspicious ?? false == slice.contains { $0 == 0 || $0 >= 0x80 })
        }
    }

    @Test func randomTextAndRanges() {
        var rng = SplitMix(seed: 11)
        let alphabet = Array("ab \t\r\n\n01:.[]".utf8) + [0x00, 0x80, 0xC3, 0xA9, 0xFF, 0x7F, 0x01]
        for round in 0..<600 {
            let n = Int(rng.next() % 700)
            // Mostly plain text, so that a flagged byte is rare and the flag has to come from the one place.
            let b = (0..<n).map { _ -> UInt8 in
                let r = rng.next() % 1000
                return r < 3 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : r < 60 ? 0x0A : 0x61 + UInt8(r % 26)
            }
            let from = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1))
            let to = from + Int(rng.next() % UInt64(n - from + 1))
            Self.expectAgrees(b, from, to, "round \(round)")
            Self.expectAgrees(b, 0, n, "round \(round) whole")
        }
    }

    @Test func aFlaggedByteOrALineBreakAtEveryLanePositionAndAlignment() {
        for special: UInt8 in [0x00, 0x80, 0xFF, 0xC3, 0x0A] {
            for start in 0..<17 {
                for at in 0..<70 {
                    var b = [UInt8](repeating: 0x61, count: start + 70)
                    b[start + at] = special
                    Self.expectAgrees(b, start, b.count, "byte \(special) at \(at) from \(start)")
                    Self.expectAgrees(b, start, start + at, "byte \(special) just past the end \(at) from \(start)")
                }
            }
        }
    }

    @Test func asciiNeighboursOfTheFlaggedBytesAreNotFlagged() {
        // 0x01 and 0x7F sit next to the flagged values; 0x0B next to the line break.
        let b = (0..<200).map { [UInt8(0x01), 0x7F, 0x0B, 0x09, 0x20, 0x7E][$0 % 6] }
        for from in 0..<20 { Self.expectAgrees(b, from, b.count - from, "neighbours") }
    }

    @Test func manyBreaksOverflowNoLaneCounter() {
        // 255 rounds of 16 bytes fill a lane counter; all line breaks, and a long run with one break per 7 bytes.
        let breaks = [UInt8](repeating: 0x0A, count: 16 * 600 + 5)
        for from in [0, 1, 15] { Self.expectAgrees(breaks, from, breaks.count, "all breaks") }
        let mixed = (0..<100_003).map { $0 % 7 == 3 ? UInt8(0x0A) : 0x41 }
        Self.expectAgrees(mixed, 0, mixed.count, "mixed")
        Self.expectAgrees(mixed, 9, mixed.count - 3, "mixed inner")
    }

    @Test func splittingARangeAnywhereAddsUp() {
        // CRLF lines cut at every byte, a cut inside "\r\n" among them: the two halves give the whole's count.
        var text: [UInt8] = []
        for i in 0..<40 { text += Array("line \(i) with some text\r\n".utf8) }
        text[333] = 0
        text[555] = 0xE9
        let whole = Self.scan(text, 0, text.count)
        #expect(whole.count == 40 && whole.suspicious)
        for cut in 0...text.count {
            let a = Self.scan(text, 0, cut)
            let b = Self.scan(text, cut, text.count)
            #expect(a.count + b.count == whole.count, "cut at \(cut)")
            #expect((a.suspicious || b.suspicious) && a.suspicious == (cut > 333) && b.suspicious == (cut <= 555))
        }
    }
}
