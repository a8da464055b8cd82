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
        // A zone misreading moves the logs onto the capture's zone; a clock error (either host's) leaves the logs on
        // the node's clock, the reference, and places the capture on it: either way the attempts line up.
        let first = try #require(tl.events.first { $0.kind == .communicationFailed }?.time)
        let ladder = try #require(tl.events.first { $0.kind == .connectivityAttempt }?.time)
        #expect(abs(first.instant.timeIntervalSince(ladder.instant)) <= 1.5)
        if abs(offset) >= 1_800 {
            #expect(abs(first.instant.timeIntervalSince(Self.t0 + offset)) <= 1.5)
            #expect(first.assumptions.contains { $0.contains("capture clock") })
        } else {
            #expect(first.instant == Self.t0 && first.assumptions.isEmpty)
            #expect(ladder.assumptions.contains { $0.contains("onto the node's clock") })
            #expect(skewEvent.fields["node_clock_suspect"] == .bool(false))
        }
    }

    @Test("no skew is reported when clocks agree or one side is missing")
    func noSkew() {
        let agree = MergedTimeline.build(Self.pairedSources(offset: 0))
        #expect(abs(agree.skew?.offsetSeconds ?? 0) < 2)
        let onlyLog = MergedTimeline.build([Self.pairedSources(offset: 0)[0]])
        #expect(onlyLog.skew == nil)
        #expect(onlyLog.present == [.licenseManagerLog])
    }

    @Test("two trace lines of one attempt and two ladders 3 s apart are one attempt each: no 3 s clock error")
    func oneAttemptOneLadder() throws {
        let starts = (0..<3).map { Self.t0 + Double($0) * 1_800 }
        let log = starts.enumerated().flatMap { i, t in
            [Self.ev(.authorizationRequested, t, "slm.log", 2 * i + 1), Self.ev(.communicationFailed, t + 0.4, "slm.log", 2 * i + 2)]
        }
        let cap = starts.enumerated().flatMap { i, t in
            [0.1, 3.1].enumerated().map { j, d in
                Event(kind: .connectivityAttempt, time: EventTime(instant: t + d, raw: ""), source: .frame("c.pcap", 10 * i + j + 1))
            }
        }
        let tl = MergedTimeline.build([SourceEvents(path: "slm.log", kind: .licenseManagerLog, events: log),
                                       SourceEvents(path: "c.pcap", kind: .capture, events: cap)])
        let skew = try #require(tl.skew)
        #expect(abs(skew.offsetSeconds) < 1)
        #expect(skew.matchedPairs == 3 && skew.logAttempts == 3 && skew.captureAttempts == 3)
        let failed = try #require(tl.events.first { $0.kind == .communicationFailed }?.time)
        #expect(failed.instant == Self.t0 + 0.4)
    }

    @Test("log attempts days away from every capture attempt are not gathered for pairing")
    func farLogAttemptsLeftOut() throws {
        let near = (0..<3).map { Self.ev(.authorizationRequested, Self.t0 + Double($0) * 1_800, "slm.log", $0 + 1) }
        let far = (0..<40).map { Self.ev(.authorizationRequested, Self.t0 - Double($0 + 2) * 86_400, "slm.log.1", $0 + 1) }
        let cap = (0..<3).map { i in
            Event(kind: .connectivityAttempt, time: EventTime(instant: Self.t0 + Double(i) * 1_800 + 0.1, raw: ""),
                  source: .frame("c.pcap", i + 1))
        }
        let tl = MergedTimeline.build([SourceEvents(path: "slm.log.1", kind: .licenseManagerLog, events: far),
                                       SourceEvents(path: "slm.log", kind: .licenseManagerLog, events: near),
                                       SourceEvents(path: "c.pcap", kind: .capture, events: cap)])
        let skew = try #require(tl.skew)
        #expect(skew.matchedPairs == 3 && skew.logAttempts == 3)
        // The far attempts are still on the timeline, unshifted.
        #expect(tl.events.filter { $0.source.path == "slm.log.1" }.count == 40)
    }

    @Test("a logged request measures the clock; a failure a timeout later, near the retry's ladder, does not")
    func requestPairsMeasure() throws {
        let log = [Self.ev(.registrationRequested, Self.t0, "slm.log", 1), Self.ev(.registrationFailed, Self.t0 + 6.2, "slm.log", 2),
                   Self.ev(.registrationFailed, Self.t0 + 14.2, "slm.log", 3)]
        let cap = [1.2, 9.2].enumerated().map { i, d in
            Event(kind: .connectivityAttempt, time: EventTime(instant: Self.t0 + d, raw: ""), source: .frame("c.pcap", i + 1))
        }
        let skew = try #require(ClockSkew.estimate(logEvents: log, captureEvents: cap))
        #expect(abs(skew.offsetSeconds - 1.2) < 0.5)
    }

    @Test("a clock error within the 5 s matching noise is reported but not applied to the logs")
    func residualNotApplied() throws {
        let tl = MergedTimeline.build(Self.pairedSources(offset: 3))
        let skew = try #require(tl.skew)
        #expect(abs(skew.offsetSeconds - 3) <= 1)
        #expect(skew.interpretation.contains("matching noise"))
        let first = try #require(tl.events.first { $0.kind == .communicationFailed }?.time)
        #expect(first.instant == Self.t0)
        #expect(!first.assumptions.contains { $0.contains("capture clock") })
        #expect(ClockSkew.applied(12_600 + 3) == 12_600 && ClockSkew.applied(47) == 47)
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

    @Test("skews beyond Int's range (a capture stamped in year 292 billion) are worded, not a trap")
    func absurdSkew() {
        #expect(ClockSkew.split(1e300).zone != 0)
        #expect(ClockSkew.split(.nan).zone == 0)
    }
}
