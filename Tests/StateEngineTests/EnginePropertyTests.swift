import Foundation
import LicensingModel
import TestSupport
import Testing
@testable import StateEngine

@Suite("state engine properties")
struct EnginePropertyTests {
    static let kinds: [EventKind] = [
        .evaluationStarted, .evaluationExpired, .registrationSucceeded, .registrationRenewSucceeded,
        .registrationFailed, .registrationRenewFailed, .authorizationRenewSucceeded, .authorizationRenewFailed,
        .communicationFailed, .complianceOut, .complianceIn, .authorizationExpired, .deregistrationSucceeded,
        .registrationExpired, .clockChanged, .transportConfigured,
    ]

    /// A random but reproducible evidence set: up to 40 events over up to 3 years, some untimed, some at the same instant.
    static func randomEvents(seed: UInt64) -> [Event] {
        var rng = SplitMix(seed: seed)
        let n = Int.random(in: 1...40, using: &rng)
        return (0..<n).map { i in
            let kind = kinds.randomElement(using: &rng)!
            var fields: [String: FieldValue] = [:]
            if kind == .transportConfigured { fields["mode"] = .string(TransportMode.allCases.randomElement(using: &rng)!.rawValue) }
            if kind == .authorizationRenewSucceeded, Bool.random(using: &rng) { fields["status"] = "OUT OF COMPLIANCE" }
            if Int.random(in: 0..<8, using: &rng) == 0 {
                // A `show license` output printing any pair of states, possibly an impossible one.
                var snapshot = StatusSnapshot(command: "show license status")
                snapshot.registration.status = RegistrationState.allCases.randomElement(using: &rng)
                snapshot.authorization.status = AuthorizationState.allCases.randomElement(using: &rng)
                let day = Double(Int.random(in: 0...1_100, using: &rng))
                return Event(kind: .statusSnapshot, time: EventTime(instant: EventFactory.at(day), raw: ""),
                    source: .line("show.txt", i + 1), snapshot: snapshot)
            }
            if Int.random(in: 0..<10, using: &rng) == 0 { return EventFactory.untimed(kind, fields) }
            let day = Double(Int.random(in: 0...1_100, using: &rng)) + (Bool.random(using: &rng) ? 0 : 0.5)
            return EventFactory.event(kind, day: day, line: i + 1, fields)
        }
    }

    static let seeds: [UInt64] = Array(1...200)

    @Test("replay is deterministic, whatever the input order", arguments: seeds)
    func deterministic(seed: UInt64) {
        let events = Self.randomEvents(seed: seed)
        var rng = SplitMix(seed: seed &* 31)
        let a = Replay.run(events)
        let b = Replay.run(events.shuffled(using: &rng))
        let c = Replay.run(events)
        #expect(a.transitions == c.transitions)
        #expect(a.anomalies == c.anomalies)
        // Timeline order is a function of the events, not of the order they were read in.
        #expect(a.transitions == b.transitions)
        #expect(a.runway == b.runway)
    }

    @Test("time never runs backwards and no impossible state pair is ever reached", arguments: seeds)
    func monotonicAndConsistent(seed: UInt64) {
        var engine = LicensingEngine(origin: EventFactory.t0)
        var last: Date?
        for e in Replay.order(Self.randomEvents(seed: seed)) {
            engine.apply(e)
            if let now = engine.now, let l = last { #expect(now >= l) }
            last = engine.now ?? last
            // Only an output that prints an impossible pair may leave one, and then it has been flagged.
            #expect(engine.state.isConsistent || engine.anomalies.contains { $0.name == "inconsistent_snapshot" },
                "inconsistent after \(e.kind): \(engine.state.registration) / \(engine.state.authorization)")
        }
        let times = engine.transitions.map(\.at)
        #expect(times == times.sorted())
        let flagged = engine.anomalies.contains { $0.name == "inconsistent_snapshot" }
        engine.advance(to: (last ?? EventFactory.t0) + 3 * 365 * 86_400)
        #expect(engine.state.isConsistent || flagged)
        // Asking to go back does nothing.
        let before = engine.transitions.count
        engine.advance(to: EventFactory.t0 - 86_400)
        #expect(engine.transitions.count == before)
    }

    @Test("each timer fires once per arming", arguments: seeds)
    func timersFireOncePerArming(seed: UInt64) {
        let r = Replay.run(Self.randomEvents(seed: seed))
        let all = r.transitions + r.runway
        // Between two firings of the same timer there must be an event-driven transition that re-armed it.
        for kind in TimerKind.allCases {
            let fired = all.enumerated().filter { $0.element.byTimer && $0.element.cause == kind.causeText }
            for (a, b) in zip(fired, fired.dropFirst()) where a.element.dimension == b.element.dimension {
                let between = all[(a.offset + 1)..<b.offset]
                #expect(between.contains { !$0.byTimer && $0.dimension == a.element.dimension },
                    "\(kind) fired twice without re-arming (seed \(seed))")
            }
        }
    }
}
