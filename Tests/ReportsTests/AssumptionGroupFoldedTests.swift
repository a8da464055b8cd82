import Foundation
import LicensingModel
import TestSupport
import Testing
@testable import Reports

/// The per-file assumption groups of a folded timeline count the same lines as the unfolded one, from one cursor per
/// event rather than a list of every occurrence's line.
@Suite("assumption groups over folded repeats")
struct AssumptionGroupFoldedTests {
    static let t0 = Date(timeIntervalSince1970: 1_516_924_800)

    /// Events in two files carrying zone and year assumptions, some repeated many times, some sharing a line.
    static func events(seed: UInt64) -> [Event] {
        var rng = SplitMix(seed: seed)
        var out: [Event] = []
        for line in 1...Int.random(in: 1...400, using: &rng) {
            let path = Bool.random(using: &rng) ? "a/slm.log" : "b/slm.log"
            var assumptions = ["zone IST taken as +05:30"]
            if Bool.random(using: &rng) { assumptions.append("year 2018 taken from the file date") }
            if Int.random(in: 0..<5, using: &rng) == 0 { assumptions = [] }
            let kind: EventKind = [.entitlementUsage, .agentReady, .authorizationRenewSucceeded].randomElement(using: &rng) ?? .agentReady
            let instant = t0 + Double(line) - Double(Int.random(in: 0...2, using: &rng))
            let time = EventTime(instant: instant, raw: "", assumptions: assumptions)
            out.append(Event(kind: kind, time: time, source: .line(path, line)))
            if Int.random(in: 0..<6, using: &rng) == 0 {
                // A second event read from the same line.
                out.append(Event(kind: .agentReady, time: time, source: .line(path, line)))
            }
        }
        return out
    }

    @Test("folded and unfolded timelines give the same groups", arguments: Array(UInt64(1)...40))
    func sameGroups(seed: UInt64) {
        let events = Self.events(seed: seed).sorted(by: Event.timelineOrder)
        let folded = EventFolder.fold(events).sorted(by: Event.timelineOrder)
        #expect(AssumptionGroup.groups(from: events) == AssumptionGroup.groups(from: folded))
    }

    @Test("some seeds fold")
    func folds() {
        #expect((1...40).contains { EventFolder.fold(Self.events(seed: UInt64($0))).hasFoldedRepeats })
    }
}
