import Foundation
import Testing
@testable import LicensingModel

@Suite struct EventInternerTests {
    private func event(line: Int, tag: String, second: Int) -> Event {
        Event(
            kind: "entitlement.requested",
            time: EventTime(
                instant: Date(timeIntervalSince1970: 1_516_924_800 + Double(second)),
                raw: "2018-01-26 00:00:\(second),002", assumptions: ["no zone printed; UTC assumed (use --tz)"]),
            source: .line("slm.log", line), fields: ["tag": .string(tag), "level": "DEBUG", "thread": "SLM-11"],
            excerpt: "2018-01-26 00:00:\(second),002 DEBUG [SLM-11] entitlementTag: \(tag)")
    }

    @Test func internedEventsAreEqualToTheOriginals() {
        var interner = EventInterner()
        let originals = (0..<50).map { event(line: $0 + 1, tag: $0 % 2 == 0 ? "UCM_Enhanced" : "UCM_Basic", second: $0 % 60) }
        let interned = originals.map { interner.intern($0) }
        #expect(interned == originals)
        // Distinct facts stay distinct.
        #expect(interned[0].fields != interned[1].fields)
        #expect(interned[0].fields == interned[2].fields)
    }
}
