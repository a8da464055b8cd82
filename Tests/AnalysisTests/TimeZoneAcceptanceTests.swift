import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import StateEngine
import TestSupport
import Testing
import TextIngest
import Timeline

/// Bundles whose License Manager traces print local wall time with no zone (as CUCM does) and whose
/// `show license all` prints the same attempts with the zone's abbreviation. The true UTC instants below are the
/// ones `Fixtures/Zones/generate.py` derived the local times from.
@Suite("zones of zone-less logs, DST, and the deadlines derived from them")
struct TimeZoneAcceptanceTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        var folder: String
        var zone: String
        var registration: String
        var lastAuthorization: String
        var failures: [String]
        var testDescription: String { folder }
    }

    static let scenarios: [Scenario] = [
        .init(folder: "kolkata", zone: "Asia/Kolkata", registration: "2026-03-10T04:30:00Z",
              lastAuthorization: "2026-03-11T06:45:10Z", failures: ["2026-03-10T20:15:00Z"]),
        .init(folder: "new-york-november", zone: "America/New_York", registration: "2026-10-31T14:00:00Z",
              lastAuthorization: "2026-11-01T14:00:00Z", failures: ["2026-11-01T05:30:00Z", "2026-11-01T06:10:00Z"]),
        .init(folder: "zurich-october", zone: "Europe/Zurich", registration: "2026-10-24T08:00:00Z",
              lastAuthorization: "2026-10-25T09:00:00Z", failures: ["2026-10-25T00:40:00Z", "2026-10-25T01:20:00Z"]),
        .init(folder: "tokyo", zone: "Asia/Tokyo", registration: "2026-06-01T01:00:00Z",
              lastAuthorization: "2026-06-02T02:00:05Z", failures: ["2026-06-01T15:30:00Z"]),
        .init(folder: "london-march", zone: "Europe/London", registration: "2026-03-28T10:00:00Z",
              lastAuthorization: "2026-03-29T02:30:00Z", failures: ["2026-03-29T00:30:00Z"]),
        .init(folder: "utc", zone: "UTC", registration: "2026-05-01T09:00:00Z",
              lastAuthorization: "2026-05-02T09:00:00Z", failures: ["2026-05-01T12:00:00Z"]),
    ]

    static func zoneFolder(_ name: String) -> String {
        AnalysisFixtures.packageRoot.appendingPathComponent("Tests/AnalysisTests/Fixtures/Zones/\(name)").path
    }

    static func instant(_ iso: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: iso)) }

    @Test("log instants and every derived deadline are the true UTC instants; the zone is stated", arguments: scenarios)
    func trueInstants(_ s: Scenario) throws {
        let o = AnalysisRun.run(paths: [Self.zoneFolder(s.folder)], options: try AnalysisFixtures.options(), toolVersion: "t")
        let logEvents = o.events.filter { $0.source.path.hasSuffix("slm.log") }
        let registration = try #require(logEvents.first { $0.kind == .registrationSucceeded }?.time?.instant)
        #expect(registration == (try Self.instant(s.registration)))
        let authTimes = logEvents.filter { $0.kind == .authorizationRenewSucceeded }.compactMap { $0.time?.instant }
        let auth = try #require(authTimes.max())
        #expect(auth == (try Self.instant(s.lastAuthorization)))
        let failures = logEvents.filter { $0.kind == .authorizationRenewFailed }.compactMap { $0.time?.instant.iso8601UTC }
        #expect(failures == s.failures)
        // Every deadline the engine derives from those instants, against the true ones.
        let day: TimeInterval = 86_400
        let expected: [String: Date] = [
            "next_authorization_renewal": auth + 30 * day, "communication_deadline": auth + 90 * day,
            "registration_renewal": registration + 180 * day, "registration_expiry": registration + 365 * day,
        ]
        #expect(!o.report.deadlines.isEmpty)
        for d in o.report.deadlines {
            if let want = expected[d.name] { #expect(abs(d.due.timeIntervalSince(want)) <= 1, "\(d.name)") }
        }
        #expect(Set(o.report.deadlines.map(\.name)).isSuperset(of: ["communication_deadline", "registration_expiry"]))
        // No zone offset shows up as an anomaly or a finding.
        #expect(o.report.anomalies.isEmpty, "\(o.report.anomalies.map(\.detail))")
        #expect(!o.report.findings.contains { $0.id == "clock-skew" })
        let zone = try #require(o.report.timeZones?.first)
        #expect(zone.zone == (s.zone == "Europe/Zurich" ? "Europe/Zurich" : s.zone))
        #expect(zone.warning == nil)
        #expect(zone.check?.hasPrefix("confirmed") == true)
        #expect(!o.report.assumptions.contains { $0.contains("UTC assumed") })
    }

    @Test("--tz Europe/Zurich gives the same instants as the zone the bundle implies")
    func overrideAgrees() throws {
        let folder = Self.zoneFolder("zurich-october")
        var options = try AnalysisFixtures.options()
        let inferred = AnalysisRun.run(paths: [folder], options: options, toolVersion: "t")
        options.zones = try ZoneResolver(specifications: ["Europe/Zurich"])
        let forced = AnalysisRun.run(paths: [folder], options: options, toolVersion: "t")
        #expect(inferred.events.map { $0.time?.instant } == forced.events.map { $0.time?.instant })
        #expect(inferred.report.deadlines == forced.report.deadlines)
        #expect(inferred.report.findings.map(\.id) == forced.report.findings.map(\.id))
        #expect(forced.report.timeZones?.first?.reason == "--tz Europe/Zurich")
        // Read as UTC instead, the trace's instants move by the zone offset: the override is what places them.
        options.zones = try ZoneResolver(specifications: ["UTC"])
        let utc = AnalysisRun.run(paths: [folder], options: options, toolVersion: "t")
        #expect(utc.report.timeZones?.first?.warning?.contains("probably wrong") == true)
    }

    @Test("without any zone evidence the report says UTC was assumed, prominently")
    func noEvidence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-nozone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            atPath: Self.zoneFolder("tokyo") + "/slm.log", toPath: dir.appendingPathComponent("slm.log").path)
        let o = AnalysisRun.run(paths: [dir.path], options: try AnalysisFixtures.options(), toolVersion: "t")
        let zone = try #require(o.report.timeZones?.first)
        #expect(zone.zone == "UTC")
        #expect(zone.warning?.contains("--tz") == true)
        let text = AnalysisTextRenderer.render(o.report, color: false)
        let verdictEnd = try #require(text.range(of: "FINDINGS") ?? text.range(of: "STATE"))
        #expect(text[..<verdictEnd.lowerBound].contains("read as UTC"))
        #expect(AnalysisMarkdownRenderer.render(o.report).contains("**Warning:**"))
    }
}

@Suite("zone vs clock error, member dates")
struct ClockErrorAndMemberDateTests {
    /// The fixture: an NTP-synced Tokyo node (its traces and show outputs agree) and a capture taken on a host
    /// whose clock is 7m23s fast; nothing in the licensing evidence says the node's clock is off.
    @Test("a capture 7m23s ahead of a Tokyo node: zone named, clocks differ by 7m23s, logs stay on the node's clock")
    func captureAhead() throws {
        let o = AnalysisRun.run(
            paths: [TimeZoneAcceptanceTests.zoneFolder("capture-ahead")], options: try AnalysisFixtures.options(),
            toolVersion: "t")
        let zone = try #require(o.report.timeZones?.first)
        #expect(zone.zone == "Asia/Tokyo")
        #expect(zone.reason.contains("show timezone config"))
        #expect(zone.warning == nil)
        #expect(zone.check?.contains("a capture confirms it") == true)
        let skew = try #require(o.report.skew)
        #expect(skew.zoneOffsetSeconds == 0)
        #expect(abs(skew.clockErrorSeconds - 443) <= 2)
        #expect(!skew.interpretation.contains("zone offset"))
        #expect(skew.interpretation.contains("capture clock is ahead of the node clock by 7m23s"))
        #expect(!skew.nodeClockSuspect)
        // A clock error at or above the 90 s threshold is always a `clock-skew` finding: with nothing saying which
        // clock is off, it says so and keeps the node's clock, with the matched attempt pairs as its evidence.
        let finding = try #require(o.report.findings.first { $0.id == "clock-skew" })
        let item = try #require(finding.evidence.first { $0.fields?["clock_error_abs_seconds"] != nil })
        let error = try #require(item.fields?["clock_error_abs_seconds"].flatMap { Double($0.text) })
        #expect(abs(error - 443) <= 2)
        #expect(item.fields?["likelier_wrong_clock"]?.text == "either")
        #expect(finding.rule.verdict.contains("one of the two clocks is off by 7m23s"))
        #expect(finding.rule.verdict.contains("the timeline keeps the node's clock [assumption]"))
        #expect(finding.severity == .info)
        let skewEvent = try #require(o.events.first { $0.kind == .clockSkew })
        #expect(abs((skewEvent.fields["clock_error_seconds"].flatMap { Double($0.text) } ?? 0) - 443) <= 2)
        // Each logged attempt stays on the node's clock (wire time − 443 s); the capture's ladders are placed on it.
        let failures = o.events.filter { $0.kind == .registrationFailed }
        let wire: [Double] = [1_647_252_129, 1_647_253_029, 1_647_253_929]
        #expect(failures.count == 3)
        for (f, w) in zip(failures, wire) {
            let t = try #require(f.time)
            #expect(abs(t.instant.timeIntervalSince1970 - (w - 443)) < 2)
            #expect(!t.assumptions.contains { $0.contains("shifted") })
        }
        let ladders = o.events.filter { $0.kind == .connectivityAttempt }
        #expect(!ladders.isEmpty)
        #expect(ladders.allSatisfy { $0.time?.assumptions.contains { $0.contains("onto the node's clock") } ?? false })
    }

    @Test("the clock error is split from whole quarter hours of zone offset")
    func split() {
        let cases: [(Double, Int, Double)] = [(19_800 + 443, 19_800, 443), (-32_400 - 12, -32_400, -12), (443, 0, 443), (1_200, 0, 1_200)]
        for (offset, zone, clock) in cases {
            let s = ClockSkew.split(offset)
            #expect(s.zone == zone && s.clock == clock, "\(offset)")
        }
    }

    @Test("a zip whose members are dated 2018 dates its yearless lines 2018, whatever the day of the run")
    func memberDates() throws {
        let zip = TimeZoneAcceptanceTests.zoneFolder("yearless-2018.zip")
        let o = AnalysisRun.run(paths: [zip], options: try AnalysisFixtures.options(), toolVersion: "t")
        let times = o.events.filter { $0.kind == .communicationFailed }.compactMap { $0.time?.instant.iso8601UTC }
        #expect(times == ["2018-07-20T09:41:23Z", "2018-07-21T09:41:23Z"])
        let member = try #require(o.report.inventory.first { $0.path.hasSuffix("CiscoSyslog") })
        #expect(member.memberDate?.iso8601UTC == "2018-07-22T08:00:00Z")
        // The bundle names no zone: the DOS time is read as UTC, and the report says so.
        #expect(o.report.assumptions.contains { $0.contains("DOS times") && $0.contains("read as UTC") })
    }

    @Test("a zip's DOS member dates are the archiver's wall time: read in the node's zone, not as UTC")
    func dosDatesInNodeZone() throws {
        let zip = TimeZoneAcceptanceTests.zoneFolder("kolkata-dos.zip")
        let o = AnalysisRun.run(paths: [zip], options: try AnalysisFixtures.options(), toolVersion: "t")
        // 14:15:10 IST in the headers is 08:45:10 UTC.
        let member = try #require(o.report.inventory.first { $0.path.hasSuffix("show-license-all.txt") })
        #expect(member.memberDate?.iso8601UTC == "2026-03-11T08:45:10Z")
        let snapshot = try #require(o.events.first { $0.kind == .statusSnapshot }?.time)
        #expect(snapshot.instant.iso8601UTC == "2026-03-11T08:45:10Z")
        #expect(snapshot.assumptions.contains { $0.contains("archive member date") })
        #expect(o.report.assumptions.contains { $0.contains("DOS times") && $0.contains("Asia/Kolkata") })
    }
}

@Suite("collection time placement in a bundle")
struct CollectionPlacementTests {
    @Test("an output that prints no collection time is placed at the last line of the node's trace, and says so")
    func lastLogLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-collect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.kolkataWithLaterTrace(in: dir)
        let o = AnalysisRun.run(paths: [dir.path], options: try AnalysisFixtures.options(), toolVersion: "t")
        let snapshot = try #require(o.events.first { $0.kind == .statusSnapshot }?.time)
        #expect(snapshot.instant.iso8601UTC == "2026-03-11T08:45:10Z")
        #expect(snapshot.assumptions.contains { $0.contains("placed at the last line of") })
    }

    /// The Kolkata node's trace and output, with the trace's last line two hours after the output's activity.
    static func kolkataWithLaterTrace(in dir: URL) throws {
        let source = TimeZoneAcceptanceTests.zoneFolder("kolkata")
        for f in ["slm.log", "show-license-all.txt"] {
            try FileManager.default.copyItem(atPath: source + "/" + f, toPath: dir.appendingPathComponent(f).path)
        }
        let later = "14:15:10.500 |4211,,,CiscoSLM,3,11-03-2026 ERROR [SLM-12] com.callhome.module.transport.HttpClient#send - Fail to send out Smart Licensing message to: https://tools.cisco.com/its/service/oddce/services/DDCEService (ERR 205 : Request Aborted)\n"
        let handle = try FileHandle(forWritingTo: dir.appendingPathComponent("slm.log"))
        handle.seekToEndOfFile()
        handle.write(Data(later.utf8))
        try handle.close()
    }

    /// Tars `dir`'s two files with every member dated `mtime` (tar stores UTC mtimes).
    static func tar(_ dir: URL, mtime: String) throws -> String {
        try Shell.check("touch -d '\(mtime)' slm.log show-license-all.txt && tar cf bundle.tar slm.log show-license-all.txt", in: dir.path)
        return dir.appendingPathComponent("bundle.tar").path
    }

    @Test("a repacked archive (trace member dated days after its last line) does not date the output; the last trace line does")
    func repackedArchive() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-repack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.kolkataWithLaterTrace(in: dir)
        let o = AnalysisRun.run(
            paths: [try Self.tar(dir, mtime: "2026-04-20T10:00:00Z")], options: try AnalysisFixtures.options(),
            toolVersion: "t")
        let snapshot = try #require(o.events.first { $0.kind == .statusSnapshot }?.time)
        #expect(snapshot.instant.iso8601UTC == "2026-03-11T08:45:10Z")
        #expect(snapshot.assumptions.contains { $0.contains("placed at the last line of") })
        #expect(snapshot.assumptions.contains { $0.contains("packed again later") && $0.contains("40 days") })
    }

    @Test("an archive whose trace member is dated at its last line keeps dating the output by its member date")
    func genuineArchive() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-genuine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.kolkataWithLaterTrace(in: dir)
        // Collected a minute after the trace's last line (08:45:10Z).
        let o = AnalysisRun.run(
            paths: [try Self.tar(dir, mtime: "2026-03-11T08:46:00Z")], options: try AnalysisFixtures.options(),
            toolVersion: "t")
        let snapshot = try #require(o.events.first { $0.kind == .statusSnapshot }?.time)
        #expect(snapshot.instant.iso8601UTC == "2026-03-11T08:46:00Z")
        #expect(snapshot.assumptions.contains { $0.contains("the archive member date of") })
        #expect(!snapshot.assumptions.contains { $0.contains("packed again later") })
    }
}
