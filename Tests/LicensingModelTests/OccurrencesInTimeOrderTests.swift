import Foundation
@testable import LicensingModel
import TestSupport
import Testing

/// A folded event's occurrences come out by instant, then line, then file order — through a buffer as small as the
/// instants' going back, not one value per occurrence — and the same order for any other event.
@Suite("occurrences in time order")
struct OccurrencesInTimeOrderTests {
    static let t0 = Date(timeIntervalSince1970: 1_516_924_800)

    /// An event on line 10 with `count` repeats one line apart, every `step` seconds, each stamped up to `jitter`
    /// seconds early (threads writing out of order).
    static func jittered(count: Int, step: Double, jitter: Double, seed: UInt64) -> Event {
        var rng = SplitMix(seed: seed)
        var e = Event(kind: .entitlementUsage, time: EventTime(instant: t0, raw: ""), source: .line("slm.log", 10))
        var repeats = EventRepeats()
        for k in 1...count {
            let early = Double(Int.random(in: 0...Int(jitter * 1_000), using: &rng)) / 1_000
            // Some ties in the instant, so the line decides.
            let instant = Bool.random(using: &rng) ? t0 + Double(k) * step - early : t0 + Double(k / 2) * step
            repeats.append(instant: instant, line: 10 + k)
        }
        e.repeats = repeats
        return e
    }

    static func walked(_ e: Event) -> [OccurrencesInTimeOrder.Occurrence] {
        var walk = OccurrencesInTimeOrder(e)
        var out: [OccurrencesInTimeOrder.Occurrence] = []
        while let o = walk.next() { out.append(o) }
        return out
    }

    /// The reference: every occurrence listed, then sorted by instant (untimed last), position, index.
    static func sorted(_ e: Event) -> [OccurrencesInTimeOrder.Occurrence] {
        var all: [OccurrencesInTimeOrder.Occurrence] = []
        for k in 0..<e.occurrenceCount {
            let instant = k == 0 ? e.time?.instant : e.instant(ofOccurrence: k)
            all.append(.init(index: k, instant: instant, location: e.source(ofOccurrence: k).location))
        }
        func number(_ l: SourcePointer.Location) -> Int {
            switch l {
            case .line(let n), .frame(let n), .offset(let n): n
            case .file: -1
            }
        }
        return all.sorted { a, b in
            if a.instant != b.instant {
                guard let x = a.instant else { return false }
                guard let y = b.instant else { return true }
                return x < y
            }
            return (number(a.location), a.index) < (number(b.location), b.index)
        }
    }

    @Test("the walk is the occurrences sorted by instant then line", arguments: Array(UInt64(1)...40))
    func sameAsSorting(seed: UInt64) {
        var rng = SplitMix(seed: seed &* 13)
        let count = Int.random(in: 1...700, using: &rng)
        let jitters: [Double] = [0, 0.2, 3, 500]
        let jitter = jitters.randomElement(using: &rng) ?? 0
        let e = Self.jittered(count: count, step: 0.1, jitter: jitter, seed: seed)
        #expect(Self.walked(e) == Self.sorted(e))
    }

    @Test("instants going back everywhere (in reverse) still sort")
    func reversed() {
        var e = Event(kind: .entitlementUsage, time: EventTime(instant: Self.t0 + 1_000, raw: ""), source: .line("slm.log", 1))
        var repeats = EventRepeats()
        for k in 1...300 { repeats.append(instant: Self.t0 + Double(1_000 - k), line: 1 + k) }
        e.repeats = repeats
        #expect(Self.walked(e) == Self.sorted(e))
    }

    @Test("the buffer stays as small as the going back, however many occurrences")
    func boundedBuffer() {
        // 200,000 occurrences 10 ms apart, stamped up to 300 ms early: the buffer never needs more than the
        // occurrences of about one block plus the 30 a going back spans.
        var rng = SplitMix(seed: 7)
        var e = Event(kind: .entitlementUsage, time: EventTime(instant: Self.t0, raw: ""), source: .line("slm.log", 1))
        var repeats = EventRepeats()
        for k in 1...200_000 {
            repeats.append(instant: Self.t0 + Double(k) * 0.01 - Double(Int.random(in: 0...300, using: &rng)) / 1_000, line: 1 + k)
        }
        e.repeats = repeats
        var walk = OccurrencesInTimeOrder(e)
        var most = 0
        var n = 0
        var previous: OccurrencesInTimeOrder.Occurrence?
        while let o = walk.next() {
            most = max(most, walk.buffered)
            if let p = previous, let x = p.instant, let y = o.instant, case .line(let a) = p.location, case .line(let b) = o.location {
                #expect(x < y || (x == y && a < b))
            }
            previous = o
            n += 1
        }
        #expect(n == 200_001)
        #expect(most <= 4 * 64)
    }

    @Test("untimed events, events not on a line and lines that do not ascend are sorted")
    func fallback() {
        let untimed = Event(kind: .entitlementUsage, time: nil, source: .line("slm.log", 1))
        #expect(Self.walked(untimed) == Self.sorted(untimed))
        var frame = Event(kind: .entitlementUsage, time: EventTime(instant: Self.t0 + 5, raw: ""), source: .frame("c.pcap", 9))
        var repeats = EventRepeats()
        repeats.append(instant: Self.t0 + 5, line: 3)
        repeats.append(instant: Self.t0 + 1, line: 4)
        frame.repeats = repeats
        #expect(Self.walked(frame) == Self.sorted(frame))
        #expect(Self.walked(frame).map(\.index) == [2, 1, 0])
        var back = Event(kind: .entitlementUsage, time: EventTime(instant: Self.t0, raw: ""), source: .line("slm.log", 5))
        repeats = EventRepeats()
        repeats.append(instant: Self.t0 + 1, line: 4)
        repeats.append(instant: Self.t0 + 1, line: 2)
        repeats.append(instant: Self.t0 - 1, line: 7)
        back.repeats = repeats
        #expect(Self.walked(back).map(\.index) == [3, 0, 2, 1])
    }
}
