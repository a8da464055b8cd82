import TestSupport
import Testing
@testable import LicensingModel

/// Every ``ByteLanes`` test against the same test written byte by byte: exact lanes where the type says so, and
/// otherwise exact as a whole with no lane flagged below the lowest one that passes.
@Suite struct ByteLanesTests {
    /// The eight bytes of `w`, lowest first (the order of a little-endian load).
    static func lanes(_ w: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: w >> (8 * UInt64($0))) } }

    /// The word with the high bit set in the lanes whose byte passes `test`.
    static func reference(_ w: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
        var r: UInt64 = 0
        for (i, b) in lanes(w).enumerated() where test(b) { r |= 0x80 << (8 * UInt64(i)) }
        return r
    }

    /// The words every test is checked on: each byte value in each lane among plain text, pairs of special bytes in
    /// every two lanes, and random words (random bytes, and bytes drawn from the values the tests care about).
    static let words: [UInt64] = {
        var out: [UInt64] = []
        let text = Array("etaoin 1".utf8)
        let plain = text.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        for lane in 0..<8 {
            for v in 0...255 {
                let shift = 8 * UInt64(lane)
                out.append(plain & ~(0xFF << shift) | UInt64(v) << shift)
            }
        }
        let special: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xFF, 0x41]
        for i in 0..<8 {
            for j in 0..<8 where j != i {
                for a in special {
                    for b in special {
                        out.append(plain & ~(0xFF << (8 * UInt64(i))) & ~(0xFF << (8 * UInt64(j)))
                            | UInt64(a) << (8 * UInt64(i)) | UInt64(b) << (8 * UInt64(j)))
                    }
                }
            }
        }
        var rng = SplitMix(seed: 7)
        for _ in 0..<20_000 { out.append(rng.next()) }
        for _ in 0..<20_000 {
            out.append((0..<8).reduce(UInt64(0)) { w, i in
                w | UInt64(special[Int(rng.next() % UInt64(special.count))]) << (8 * UInt64(i))
            })
        }
        return out
    }()

    /// Exact as a whole, nothing flagged below the lowest passing lane, and that lane flagged.
    static func expectWhole(_ got: UInt64, _ want: UInt64, _ w: UInt64, _ what: String) {
        #expect((got != 0) == (want != 0), "\(what) on \(String(w, radix: 16))")
        guard want != 0 else { return }
        let lowest = want & (~want &+ 1)
        #expect(got & (lowest &- 1) == 0 && got & lowest != 0, "\(what) on \(String(w, radix: 16))")
        #expect(got & ~ByteLanes.repeated(0x80) == 0, "\(what) sets only lane high bits")
    }

    @Test func subtractingTestsAreExactAsAWhole() {
        for w in Self.words {
            Self.expectWhole(ByteLanes.zero(w), Self.reference(w) { $0 == 0 }, w, "zero")
            Self.expectWhole(ByteLanes.zeroOrHigh(w), Self.reference(w) { $0 == 0 || $0 >= 0x80 }, w, "zeroOrHigh")
            for c: UInt8 in [0x0A, 0x22, 0x5C, 0x7F, 0x74, 0x00, 0xFF] {
                Self.expectWhole(ByteLanes.equal(w, c), Self.reference(w) { $0 == c }, w, "equal \(c)")
            }
            for c: UInt8 in [0x01, 0x0A, 0x20, 0x80] {
                Self.expectWhole(ByteLanes.below(w, c), Self.reference(w) { $0 < c }, w, "below \(c)")
            }
        }
    }

    @Test func highAndBetweenAreExactInEveryLane() {
        for w in Self.words {
            #expect(ByteLanes.high(w) == Self.reference(w) { $0 >= 0x80 })
            for (low, high): (UInt8, UInt8) in [(0x09, 0x0E), (0x00, 0x20), (0x2F, 0x3A), (0x00, 0x80), (0x7E, 0x80)] {
                #expect(ByteLanes.between(w, low, high) == Self.reference(w) { $0 > low && $0 < high && $0 < 0x80 },
                    "between \(low) \(high) on \(String(w, radix: 16))")
            }
        }
    }

    @Test func repeatedFillsEveryLane() {
        for c in 0...255 { #expect(Self.lanes(ByteLanes.repeated(UInt8(c))) == Array(repeating: UInt8(c), count: 8)) }
    }
}
