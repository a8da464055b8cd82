import Foundation
import Testing

@testable import LicensingModel

@Suite("compact repeats: delta-encoded instants and lines")
struct EventRepeatsTests {
    /// Appends `pairs` and expects them back exactly (bit for bit), by iteration and by index.
    private func roundTrip(_ pairs: [(Double, Int)]) {
        var r = EventRepeats()
        for (t, l) in pairs { r.append(instant: Date(timeIntervalSinceReferenceDate: t), line: l) }
        #expect(r.count == pairs.count)
        let back = Array(r)
        #expect(back.count == pairs.count)
        for (k, (t, l)) in pairs.enumerated() {
            #expect(back[k].instant.timeIntervalSinceReferenceDate.bitPattern == t.bitPattern, "instant \(k)")
            #expect(back[k].line == l, "line \(k)")
            #expect(r[k].instant.timeIntervalSinceReferenceDate.bitPattern == t.bitPattern, "indexed instant \(k)")
            #expect(r[k].line == l, "indexed line \(k)")
        }
    }

    @Test("a trace's periodic message: exact, and a few bytes a repeat")
    func periodic() {
        // Millisecond stamps as the scanner makes them (whole seconds plus a fraction), and sums that are not
        // whole milliseconds.
        let base = 538_531_200.0
        let pairs: [(Double, Int)] = (0..<1000).map { (k: Int) -> (Double, Int) in
            let t: Double = base + Double(k) + Double(k % 1000) * 0.001
            return (t, 3 * k + 7)
        }
        roundTrip(pairs)
        var r = EventRepeats()
        for (t, l) in pairs { r.append(instant: Date(timeIntervalSinceReferenceDate: t), line: l) }
        let bytes = r.encodedByteCount
        #expect(bytes < 8 * pairs.count, "\(bytes) bytes for \(pairs.count) repeats")
    }

    @Test("clocks going back, huge gaps, extreme lines and odd instants survive")
    func extremes() {
        roundTrip([
            (1000.5, 10), (1000.25, 9), (-1000.125, Int.max), (1e300, Int.min), (-1e300, 0), (0.1 + 0.2, -1),
            (-0.0, 1), (0.0, Int.max), (.infinity, 2), (-.infinity, 3), (.greatestFiniteMagnitude, 4),
            (.leastNonzeroMagnitude, 5), (9_007_199_254.740_993, Int.max - 1), (-9e15, 6), (5e-324, Int.min + 1),
        ])
        // A NaN keeps its bits too.
        var r = EventRepeats()
        r.append(instant: Date(timeIntervalSinceReferenceDate: .nan), line: 1)
        #expect(r[0].instant.timeIntervalSinceReferenceDate.isNaN)
    }

    @Test("indexing crosses checkpoints; shift moves every repeat as a single event's instant moves")
    func checkpointsAndShift() {
        let n = EventRepeats.checkpointStride * 3 + 5
        let pairs: [(Double, Int)] = (0..<n).map { (k: Int) -> (Double, Int) in
            let back: Double = k % 7 == 0 ? 400 : 0
            return (600_000_000.0 + Double(k) * 1.5 - back, k % 5 == 0 ? k : n - k)
        }
        roundTrip(pairs)
        var r = EventRepeats()
        for (t, l) in pairs { r.append(instant: Date(timeIntervalSinceReferenceDate: t), line: l) }
        r.shift(by: 443.25)
        let moved: [Date] = pairs.map { (p: (Double, Int)) -> Date in Date(timeIntervalSinceReferenceDate: p.0) + 443.25 }
        let lines: [Int] = pairs.map { (p: (Double, Int)) -> Int in p.1 }
        #expect(r.instants == moved)
        #expect(r.lines == lines)
    }

    @Test("equal repeats are equal and hash alike")
    func equality() {
        var a = EventRepeats(), b = EventRepeats()
        a.append(instant: Date(timeIntervalSinceReferenceDate: 0), line: 1)
        b.append(instant: Date(timeIntervalSinceReferenceDate: -0.0), line: 1)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b.append(instant: Date(timeIntervalSinceReferenceDate: 1), line: 2)
        #expect(a != b)
    }
}
