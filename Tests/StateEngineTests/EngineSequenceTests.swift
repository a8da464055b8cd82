import Foundation
import LicensingModel
import TestSupport
import Testing
@testable import StateEngine

/// The engine is given every occurrence of the folded events it acts on, in replay order, from one cursor per folded
/// event — not from a list of every occurrence.
@Suite("engine sequence over folded repeats")
struct EngineSequenceTests {
    /// A registration, then one usage line repeated `count` times 10 ms apart with stamps up to 300 ms early.
    static func evidence(count: Int) -> [Event] {
        var rng = SplitMix(seed: 11)
        var out = [EventFactory.event(.registrationSucceeded, day: 0, line: 1)]
        for k in 0..<count {
            let early = Double(Int.random(in: 0...300, using: &rng)) / 1_000
            var e = EventFactory.event(.entitlementUsage, day: 1, line: 2 + k, ["entitlement": "UCM_Enhanced"])
            e.time?.raw = ""
            e.time?.instant += Double(k) * 0.01 - early
            out.append(e)
        }
        return out
    }

    /// What the sequence was when it listed every occurrence: the occurrences of the folded events the engine acts on
    /// (and the end marker) unfolded and sorted into replay order, merged with the events that are not folded (those
    /// first at a tie in every key).
    static func reference(_ events: [Event], end: Date?) -> [Event] {
        guard events.hasFoldedRepeats else { return Replay.order(events) }
        var unfolded: [Event] = []
        for e in events where e.repeats != nil && LicensingEngine.actsOn.contains(e.kind) { unfolded += e.unfolded }
        if let end {
            unfolded.append(Event(kind: EngineSequence.endMarker, time: EventTime(instant: end, raw: ""), source: .init(path: "", location: .file)))
        }
        let extra = Replay.order(unfolded)
        let rest = Replay.order(events).filter { $0.repeats == nil }
        var out: [Event] = []
        var j = 0
        for e in rest {
            while j < extra.count, Replay.ordered(extra, j, nil, [e], 0, nil) == true {
                out.append(extra[j])
                j += 1
            }
            out.append(e)
        }
        return out + extra[j...]
    }

    static func walked(_ events: [Event], end: Date?) -> [Event] {
        let sequence = EngineSequence(events, order: Replay.orderIndices(events), end: end)
        return sequence.map(sequence.event)
    }

    static func end(_ events: [Event]) -> Date? { events.compactMap(\.instantRange).map(\.upperBound).max() }

    @Test("a folded event with 20,000 occurrences is held as one event and walked in replay order")
    func heldAsOneEvent() {
        let events = Self.evidence(count: 20_000)
        let folded = EventFolder.fold(events)
        #expect(folded.count == 2)
        let sequence = EngineSequence(folded, order: Replay.orderIndices(folded), end: Self.end(folded))
        // One folded event to walk occurrence by occurrence: nothing per occurrence is listed.
        #expect(sequence.unfolding.count == 1)
        let walked = sequence.filter { sequence.kind($0) != EngineSequence.endMarker }.map(sequence.event)
        #expect(walked == Replay.order(events))
    }

    @Test("the walk equals the listed and sorted occurrences, instants going back and ties included", arguments: Array(EnginePropertyTests.seeds.prefix(80)))
    func sameAsListing(seed: UInt64) {
        let folded = EventFolder.fold(FoldedReplayTests.repeatingEvents(seed: seed))
        #expect(Self.walked(folded, end: Self.end(folded)) == Self.reference(folded, end: Self.end(folded)))
        #expect(Self.walked(folded, end: nil) == Self.reference(folded, end: nil))
    }

    @Test("folded and unfolded evidence find the same missing renewals under trace coverage", arguments: Array(EnginePropertyTests.seeds.prefix(60)))
    func sameExpectedActivity(seed: UInt64) {
        let events = FoldedReplayTests.repeatingEvents(seed: seed)
        let coverage = [DateInterval(start: EventFactory.at(-10), end: EventFactory.at(1_200))]
        let a = Replay.run(events, activityCoverage: coverage)
        let b = Replay.run(EventFolder.fold(events), activityCoverage: coverage)
        #expect(a.anomalies == b.anomalies)
        #expect(a.transitions == b.transitions)
    }

    @Test("nearest instants on each side of a due time match a search of every instant", arguments: Array(UInt64(1)...30))
    func neighbours(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let instants = (0..<Int.random(in: 0...200, using: &rng)).map { _ in EventFactory.at(Double(Int.random(in: 0...400, using: &rng))) }
        let targets = (0..<Int.random(in: 1...20, using: &rng)).map { _ in EventFactory.at(Double(Int.random(in: -20...420, using: &rng))) }
        var probe = InstantNeighbours(targets)
        for t in instants { probe.see(t) }
        let near = probe.neighbours()
        for d in targets {
            #expect(near[d]?.before == instants.filter { $0 <= d }.max())
            #expect(near[d]?.after == instants.filter { $0 >= d }.min())
        }
    }
}
