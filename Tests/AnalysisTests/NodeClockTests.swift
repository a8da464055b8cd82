import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import StateEngine
import Testing
import Timeline

/// The node's own clock is the wrong one: it runs 2h07m23s behind a correct capture host, and the engine finds it
/// (CSSM-issued deadlines shifted consistently from what the node's success times give: its `clock_skew` anomaly).
@Suite("the node's clock found wrong: the timeline rebuilt on the capture clock")
struct NodeClockTests {
    /// The capture's attempts on the wire (true instants).
    static let wire: [Double] = [1_647_252_129, 1_647_253_029, 1_647_253_929]
    static let behind: Double = 7_643  // 2h07m23s

    @Test("zone confirmed by the node's own output, so 2h07m23s is all clock: the logs and the output move onto the capture clock")
    func rebuiltOnCaptureClock() throws {
        let o = AnalysisRun.run(
            paths: [TimeZoneAcceptanceTests.zoneFolder("node-clock-behind")], options: try AnalysisFixtures.options(),
            toolVersion: "t")
        #expect(o.report.anomalies.contains { $0.name == .clockSkew })
        let skew = try #require(o.report.skew)
        #expect(skew.nodeClockSuspect)
        // The zone was confirmed (the output prints the last failure at the logged wall time): no zone part.
        #expect(skew.zoneOffsetSeconds == 0)
        #expect(abs(skew.clockErrorSeconds - Self.behind) <= 2)
        #expect(!skew.interpretation.contains("zone offset"))
        #expect(skew.interpretation.contains("node's own clock is found wrong"))
        let zone = try #require(o.report.timeZones?.first)
        #expect(zone.zone == "Asia/Tokyo")
        #expect(zone.warning == nil)
        #expect(o.report.findings.contains { $0.id == "clock-skew" })
        // The logged attempts land on their wire instants; the ladders stay where the capture put them.
        let failures = o.events.filter { $0.kind == .authorizationRenewFailed && $0.source.path.hasSuffix("slm.log") }
        #expect(failures.count == 3)
        for (f, w) in zip(failures, Self.wire) {
            #expect(abs((f.time?.instant.timeIntervalSince1970 ?? 0) - w) < 2)
        }
        let ladders = o.events.filter { $0.kind == .connectivityAttempt }
        #expect(!ladders.isEmpty)
        #expect(!ladders.contains { $0.time?.assumptions.contains { $0.contains("onto the node's clock") } ?? false })
        // The output's own times (node clock) move with the logs: its snapshot sits at the last failure's true instant.
        let snapshot = try #require(o.events.first { $0.kind == .statusSnapshot }?.time)
        #expect(abs(snapshot.instant.timeIntervalSince1970 - Self.wire[2]) < 2)
        // The node's own timer moves with it: Next Renewal Attempt (printed 180 d after the registration, by the node's
        // clock) agrees with the rebuilt registration + 180 d, while the CSSM-issued times stay as printed.
        let next = try #require(o.report.snapshots.flatMap(\.timers).first { $0.name == "next_renewal_attempt" })
        #expect(next.verdict == .agree)
        #expect(abs((next.printed?.instant.timeIntervalSince1970 ?? 0) - (1_639_969_200 + 180 * 86_400)) < 2)
        #expect(next.printed?.assumptions.contains { $0.contains("onto the capture clock") } == true)
        let expires = try #require(o.report.snapshots.flatMap(\.timers).first { $0.name == "registration_expires" })
        #expect(expires.printed?.raw == "Dec 20 11:55:02 2022 JST")
        #expect(expires.printed?.assumptions.contains { $0.contains("onto the capture clock") } == false)
        // The communication deadline is CSSM's, printed: last success (true 2022-03-10T05:00:00Z) + 90 d − 298 s.
        let deadline = try #require(o.report.deadlines.first { $0.name == "communication_deadline" })
        #expect(abs(deadline.due.timeIntervalSince1970 - (1_646_888_400 + 90 * 86_400 - 298)) < 300)
    }
}
