import Foundation
import TestSupport
import Testing

@testable import LicensingModel

@Suite("the lazy timeline walk: every occurrence in the order unfolding and sorting gives")
struct TimelineOccurrencesTests {
    /// What a timeline of folded events was before the walk: every occurrence made, then sorted stably by
    /// ``Event/timelineOrder(_:_:)`` (ties in event, then occurrence order).
    static func reference(_ events: [Event]) -> [Event] {
        let all = events.flatMap(\.unfolded)
        let order = all.indices.sorted { a, b in
            Event.timelineOrder(all[a], all[b]) || (!Event.timelineOrder(all[b], all[a]) && a < b)
        }
        return order.map { all[$0] }
    }

    static func walked(_ events: [Event]) -> [Event] {
        let walk = TimelineOccurrences(events)
        return walk.map(walk.event(of:))
    }

    static func at(_ t: Double) -> Date { Date(timeIntervalSinceReferenceDate: 600_000_000 + t) }

    /// A log event at `t` on `line` of `path`, with `repeats` (instant offset, line) folded in.
    static func event(
        _ kind: EventKind, _ t: Double?, _ path: String = "a.log", line: Int, repeats: [(Double, Int)] = [],
        location: SourcePointer.Location? = nil
    ) -> Event {
        var e = Event(
            kind: kind, time: t.map { EventTime(instant: at($0), raw: "") },
            source: SourcePointer(path: path, location: location ?? .line(line)), fields: ["n": .int(line)])
        if !repeats.isEmpty {
            var r = EventRepeats()
            for (dt, l) in repeats { r.append(instant: at(dt), line: l) }
            e.repeats = r
        }
        return e
    }

    @Test("ties, repeats, instants going back, events without a line and untimed ones")
    func fixture() {
        let events: [Event] = [
            Self.event("authorization.requested", 0, line: 10, repeats: [(5, 20), (5, 30), (10, 40)]),
            Self.event("authorization.failed", 0, line: 10),
            Self.event("entitlement.requested", 5, line: 25, repeats: [(5, 26), (3, 50), (12, 60)]),
            Self.event("tls.handshake", 5, "cap.pcap", line: 0, location: .frame(7)),
            Self.event("status.snapshot", 5, "show.txt", line: 0, location: .file),
            Self.event("authorization.requested", 5, "b.log", line: 1, repeats: [(5, 2), (10, 3)]),
            Self.event("registration.failed", nil, line: 99),
            Self.event("registration.failed", nil, "0.log", line: 1),
            Self.event("authorization.failed", 10, line: 40),
        ]
        let expected = Self.reference(events)
        #expect(expected.count == events.occurrenceCount)
        #expect(Self.walked(events) == expected)
        #expect(events.unfoldedInTimelineOrder() == expected)
    }

    @Test("the walk matches the sort on random folded timelines, ordered or not")
    func randomTimelines() {
        var rng = SplitMix(seed: 0x5EED)
        let kinds: [EventKind] = ["authorization.requested", "authorization.failed", "entitlement.requested"]
        for round in 0..<300 {
            var events: [Event] = []
            for k in 0..<Int(rng.next() % 12) {
                let path = ["a.log", "b.log"][Int(rng.next() % 2)]
                let timed = rng.next() % 8 != 0
                let t = Double(rng.next() % 6)
                let line = Int(rng.next() % 40) + 1
                var repeats: [(Double, Int)] = []
                if timed {
                    var l = line
                    for _ in 0..<Int(rng.next() % 5) {
                        // Instants mostly go forward, sometimes back; lines always forward.
                        let dt = Double(rng.next() % 7) - (rng.next() % 4 == 0 ? 4 : 0)
                        l += Int(rng.next() % 3) + 1
                        repeats.append((max(0, t + dt), l))
                    }
                }
                let location: SourcePointer.Location? = k % 5 == 4 ? .frame(line) : nil
                events.append(Self.event(
                    kinds[Int(rng.next() % 3)], timed ? t : nil, path, line: line, repeats: repeats, location: location))
            }
            // Half the rounds as a merged timeline holds them (by earliest occurrence), half in any order.
            if round % 2 == 0 {
                events.sort { a, b in
                    let (x, y) = (a.instantRange?.lowerBound, b.instantRange?.lowerBound)
                    if x != y { return x.map { t in y.map { t < $0 } ?? true } ?? false }
                    return Event.timelineOrder(a, b)
                }
            }
            #expect(Self.walked(events) == Self.reference(events), "round \(round)")
        }
    }

    @Test("a walk holds no occurrence array: a long fold is decoded as it is walked")
    func longFold() {
        let repeats = (1...50_000).map { (Double($0), $0 + 1) }
        let events = [Self.event("authorization.requested", 0, line: 1, repeats: repeats), Self.event("authorization.failed", 25_000.5, line: 9)]
        var count = 0
        var last: Date?
        for o in TimelineOccurrences(events) {
            if let last, let i = o.instant { #expect(last <= i) }
            last = o.instant
            count += 1
        }
        #expect(count == 50_002)
    }
}
