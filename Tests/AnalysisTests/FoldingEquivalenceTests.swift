import Analysis
import Foundation
import LicensingModel
import Reports
import Testing

/// Folding repeats of the same log message (``AnalysisOptions/foldRepeats``) changes what the analysis holds, never
/// what it finds: findings, states, intervals, transitions, deadlines, runway, anomalies, assumptions and counts
/// are those of the analysis without folding, on every sample and on a dense trace crossing a DST change.
@Suite("folded repeats analyse as the unfolded events")
struct FoldingEquivalenceTests {
    static let inputs = LeanExcerptTests.bundles.map { AnalysisFixtures.packageRoot.appendingPathComponent($0).path }
        + ["skewed-clock", "subscriber", "damaged-bundle"].map(AnalysisFixtures.scenario)

    @Test("the same report with and without folding", arguments: inputs)
    func sameReport(_ input: String) throws {
        try Self.expectSame([input])
    }

    @Test("a dense trace across the autumn change folds, and analyses as unfolded")
    func denseAcrossDST() throws {
        let dir = try DenseDSTTrace.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folded = try Self.expectSame([dir.path])
        // It did fold: far fewer events held than read, and the repeats span both sides of the change.
        let held = folded.foldedEvents.count
        let read = folded.foldedEvents.occurrenceCount
        #expect(held * 20 < read, "held \(held) of \(read)")
        let offsets = Set(folded.foldedEvents.filter { $0.repeats != nil }.compactMap { $0.time?.utcOffsetSeconds })
        #expect(offsets == [7200, 3600])
        #expect(!folded.report.findings.isEmpty)
        #expect(!folded.report.transitions.isEmpty)
    }

    @Test("a --since/--until window keeps the same occurrences of folded events")
    func sameWindow() throws {
        let dir = try DenseDSTTrace.write()
        defer { try? FileManager.default.removeItem(at: dir) }
        let since = try #require(ISO8601DateFormatter().date(from: "2026-10-24T22:00:00Z"))
        try Self.expectSame([dir.path], window: TimeWindow(since: since, until: since + 6 * 3600, zoneOfZonelessValues: "UTC"))
    }

    /// Runs the analysis with and without folding and expects the same report and the same timeline; returns the
    /// folded run.
    @discardableResult
    static func expectSame(_ paths: [String], window: TimeWindow? = nil) throws -> AnalysisOutcome {
        var on = try AnalysisFixtures.options()
        on.foldRepeats = true
        on.window = window
        var off = on
        off.foldRepeats = false
        let folded = AnalysisRun.run(paths: paths, options: on, toolVersion: "t")
        let plain = AnalysisRun.run(paths: paths, options: off, toolVersion: "t")
        #expect(!plain.foldedEvents.hasFoldedRepeats)
        #expect(folded.report.findings == plain.report.findings)
        #expect(folded.report.states == plain.report.states)
        #expect(folded.report.transitions == plain.report.transitions)
        #expect(folded.report.deadlines == plain.report.deadlines)
        #expect(folded.report.runway == plain.report.runway)
        #expect(folded.report.anomalies == plain.report.anomalies)
        #expect(folded.report.eventCount == plain.report.eventCount)
        let encoder = AnalysisReport.jsonEncoder()
        let a = String(decoding: try encoder.encode(AnalysisDocument(folded.report)), as: UTF8.self)
        let b = String(decoding: try encoder.encode(AnalysisDocument(plain.report)), as: UTF8.self)
        #expect(a == b)
        #expect(folded.events == plain.foldedEvents)
        return folded
    }
}

/// A busy License Manager trace, zone-less and read in Europe/Zurich, from 22 to 28 October 2026 (the clocks go back
/// on the 25th, repeating 02:00–03:00): a line every minute — entitlement requests, queued authorizations, proxy
/// failures and their AuthRenewFail notifications, scheduler noise — an authorization success every 12 hours until the
/// 26th, and a registration at the start.
enum DenseDSTTrace {
    static func write() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-fold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Zurich)\n"
            .write(to: dir.appendingPathComponent("show-timezone-config.txt"), atomically: true, encoding: .utf8)
        let messages = [
            "DEBUG [SLM-11] com.cisco.nesla.agent.impl.SmartAgentImpl#requestEntitlement - entitlementTag: regid.2016-07.com.cisco.UCM_Enhanced,12.0_8e8c3c5c-1c5c-4b07-a6f2-2f3c8b3a1d11",
            "DEBUG [SLM-11] com.cisco.nesla.agent.impl.AsyncRequestProcessor#sendAUTH - queue auth message, status: true",
            "ERROR [SLM-12] com.callhome.module.transport.HttpClient#send - java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"",
            "ERROR [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyAuthRenewFail: Communication message send error",
            "DEBUG [SLM-3] com.cisco.slm.scheduler.Heartbeat#run - scheduler heartbeat",
        ]
        let success = "INFO [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyAuthRenewSuccess: Authorization renewal succeeded"
        let register = "INFO [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyRegisterSuccess: Registration succeeded"
        var text = ""
        var day = 22, minute = 0
        var repeatedHourDone = false
        var n = 0
        while day < 28 {
            let h = minute / 60, m = minute % 60
            let stamp = String(format: "%02d:%02d:%02d.%03d |4211,,,CiscoSLM,3,%02d-10-2026 ", h, m, n % 60, n % 1000, day)
            let message = n == 0 ? register : (minute % 720 == 30 && day < 26 ? success : messages[n % messages.count])
            text += stamp + message + "\n"
            n += 1
            minute += 1
            // The autumn change: 03:00 CEST is 02:00 CET again, so the hour from 02:00 is written twice.
            if day == 25, minute == 180, !repeatedHourDone {
                repeatedHourDone = true
                minute = 120
            }
            if minute == 1440 {
                minute = 0
                day += 1
            }
        }
        try text.write(to: dir.appendingPathComponent("slm.log"), atomically: true, encoding: .utf8)
        return dir
    }
}
