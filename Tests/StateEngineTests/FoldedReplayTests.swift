import Foundation
import LicensingModel
import TestSupport
import Testing
@testable import StateEngine

/// A replay of folded events (``Event/repeats``) equals the replay of the events they stand for: the engine is
/// given every occurrence of what it acts on, and only time moves for the rest.
@Suite("replay of folded repeats")
struct FoldedReplayTests {
    /// Random evidence (as ``EnginePropertyTests``) where most timed events repeat on later lines and other days,
    /// with the stamp text cleared (as `analyze` reads logs), so they fold.
    static func repeatingEvents(seed: UInt64) -> [Event] {
        var rng = SplitMix(seed: seed &* 7 &+ 3)
        var out: [Event] = []
        var line = 1_000
        for var e in EnginePropertyTests.randomEvents(seed: seed) {
            e.time?.raw = ""
            out.append(e)
            guard e.time != nil, e.kind != .statusSnapshot else { continue }
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                var r = e
                line += 1
                r.source.location = .line(line)
                r.time?.instant = EventFactory.at(Double(Int.random(in: 0...1_100, using: &rng)) + (Bool.random(using: &rng) ? 0 : 0.5))
                out.append(r)
            }
        }
        return out
    }

    @Test("folded and unfolded evidence replay the same", arguments: EnginePropertyTests.seeds)
    func sameReplay(seed: UInt64) {
        let events = Self.repeatingEvents(seed: seed)
        let folded = EventFolder.fold(events)
        let a = Replay.run(events)
        let b = Replay.run(folded)
        #expect(a.transitions == b.transitions)
        #expect(a.anomalies == b.anomalies)
        #expect(a.intervals == b.intervals)
        #expect(a.deadlines == b.deadlines)
        #expect(a.runway == b.runway)
        #expect(a.anchors == b.anchors)
        #expect(a.snapshotChecks == b.snapshotChecks)
        #expect(a.history == b.history)
        #expect(a.evidenceStart == b.evidenceStart)
        #expect(a.evidenceEnd == b.evidenceEnd)
    }

    @Test("some seeds do fold")
    func folds() {
        let folded = EnginePropertyTests.seeds.prefix(20).filter { seed in
            let events = Self.repeatingEvents(seed: seed)
            return EventFolder.fold(events).count < events.count
        }
        #expect(folded.count > 10)
    }

    @Test("an event of a kind the engine does not act on only moves time")
    func othersOnlyMoveTime() {
        let t = EventFactory.at(1)
        var base = LicensingEngine(origin: EventFactory.t0)
        base.apply(EventFactory.event(.registrationSucceeded, day: 0))
        base.apply(EventFactory.event(.authorizationRenewSucceeded, day: 0))
        for kind in EventVocabulary.kinds where !LicensingEngine.actsOn.contains(kind) {
            var moved = base
            moved.advance(to: t)
            var applied = base
            applied.apply(Event(kind: kind, time: EventTime(instant: t, raw: ""), source: .line("x.log", 9)))
            #expect(applied.state == moved.state, "\(kind)")
            #expect(applied.transitions == moved.transitions, "\(kind)")
            #expect(applied.anomalies == moved.anomalies, "\(kind)")
        }
    }
}
