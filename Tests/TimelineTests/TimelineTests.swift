import Foundation
import LicensingModel
import Testing
@testable import Timeline

@Suite("merged timeline and clock skew")
struct TimelineTests {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func ev(_ kind: EventKind, _ t: Date, _ src: String, _ n: Int) -> Event {
        Event(kind: kind, time: EventTime(instant: t, raw: t.iso8601UTC), source: .line(src, n))
    }

    /// Five renewal attempts in the log, the same five in the capture `offset` seconds later (with jitter).
    static func pairedSources(offset: Double) -> [SourceEvents] {
        let attempts = (0..<5).map { t0 + Double($0) * 1_800 + Double($0 * 37 % 11) }
        let log = attempts.enumerated().map { ev(.communicationFailed, $0.element, "slm.log", $0.offset + 1) }
        let cap = attempts.enumerated().map { i, t in
            Event(kind: .connectivityAttempt, time: EventTime(instant: t + offset + Double(i % 2), raw: ""),
                source: .frame("packets.cap", 10 * (i + 1)), fields: ["endpoint": "tools.cisco.com"])
        }
        return [SourceEvents(path: "slm.log", kind: .licenseManagerLog, events: log),
                SourceEvents(path: "packets.cap", kind: .capture, events: cap)]
    }

    @Test("a log clock 3h30m off (a misread zone) is found, explained, and corrected", arguments: [12_600.0, -12_600.0, 47.0, -300.0])
    func skewFound(offset: Double) throws {
        let tl = MergedTimeline.build(Self.pairedSources(offset: offset))
        let skew = try #require(tl.skew)
        #expect(abs(skew.offsetSeconds - offset) <= 1)
        #expect(skew.matchedPairs == 5)
        // Whole quarter hours are a zone reading, never NTP trouble; a clock error is NTP trouble from 90 s on.
        if abs(offset) >= 1_800 {
            #expect(skew.interpretation.contains("zone offset") && !skew.interpretation.contains("NTP"))
            #expect(Double(skew.zoneOffsetSeconds) == offset && abs(skew.clockErrorSeconds) <= 1)
        } else {
            #expect(skew.zoneOffsetSeconds == 0 && abs(skew.clockErrorSeconds - offset) <= 1)
            #expect(skew.interpretation.contains("NTP") == (abs(offset) >= ClockSkew.clockErrorThreshold))
        }
        let skewEvent = try #require(tl.events.first { $0.kind == .clockSkew })
        #expect(skewEvent.fields["zone_offset_seconds"] == .int(skew.zoneOffsetSeconds))
        // After correction the log attempts sit within a second or two of the capture's.
        let first = try #require(tl.events.first { $0.kind == .communicationFailed }?.time)
        #expect(abs(first.instant.timeIntervalSince(Self.t0 + offset)) <= 1.5)
        #expect(first.assumptions.contains { $0.contains("capture clock") })
    }

    @Test("no skew is reported when clocks agree or one side is missing")
    func noSkew() {
        let agree = MergedTimeline.build(Self.pairedSources(offset: 0))
        #expect(abs(agree.skew?.offsetSeconds ?? 0) < 2)
        let onlyLog = MergedTimeline.build([Self.pairedSources(offset: 0)[0]])
        #expect(onlyLog.skew == nil)
        #expect(onlyLog.present == [.licenseManagerLog])
    }

    @Test("unrelated attempts far apart do not produce a skew")
    func unrelated() {
        let log = [Self.ev(.communicationFailed, Self.t0, "a.log", 1), Self.ev(.communicationFailed, Self.t0 + 100, "a.log", 2)]
        let cap = [Event(kind: .connectivityAttempt, time: EventTime(instant: Self.t0 + 86_400 * 3, raw: ""), source: .frame("c", 1))]
        let tl = MergedTimeline.build([SourceEvents(path: "a.log", kind: .licenseManagerLog, events: log),
                                       SourceEvents(path: "c", kind: .capture, events: cap)])
        #expect(tl.skew == nil)
    }

    @Test("engine transitions and anomalies join the timeline as events, in order; log coverage is computed")
    func derived() {
        let log = [Self.ev(.registrationSucceeded, Self.t0, "slm.log", 1), Self.ev(.authorizationRenewSucceeded, Self.t0 + 60, "slm.log", 2),
                   Self.ev(.agentReady, Self.t0 + 40 * 86_400, "slm.log", 3)]
        let tl = MergedTimeline.build([SourceEvents(path: "slm.log", kind: .licenseManagerLog, events: log)])
        #expect(tl.coverage.count == 1)
        #expect(tl.events.contains { $0.kind == .stateTransition && $0.fields["to"]?.text == "REGISTERED" })
        #expect(tl.events.contains { $0.kind == .engineAnomaly && $0.fields["anomaly"]?.text == "expected_activity_missing" })
        let times = tl.events.compactMap { $0.time?.instant }
        #expect(times == times.sorted())
    }
}
