import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing
import Timeline

/// The node's own `utils ntp status` set beside a log-vs-capture clock error: it supports or contradicts which host's
/// clock is off, and an unsynchronised node is reported even without a capture.
@Suite("utils ntp status in the clock-error attribution")
struct NtpAttributionTests {
    static let ntpFixtures = AnalysisFixtures.packageRoot.appendingPathComponent("Tests/TextIngestTests/Fixtures/ntp")

    /// A temporary bundle: the named files of a zone fixture, plus an NTP status output, as `utils-ntp-status.txt`.
    static func bundle(_ zoneFixture: String, files: [String], ntp: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-ntp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in files {
            try FileManager.default.copyItem(
                atPath: TimeZoneAcceptanceTests.zoneFolder(zoneFixture) + "/" + f, toPath: dir.appendingPathComponent(f).path)
        }
        if let ntp {
            try FileManager.default.copyItem(
                at: ntpFixtures.appendingPathComponent(ntp), to: dir.appendingPathComponent("utils-ntp-status.txt"))
        }
        return dir
    }

    static func run(_ dir: URL) throws -> AnalysisOutcome {
        AnalysisRun.run(paths: [dir.path], options: try AnalysisFixtures.options(), toolVersion: "t")
    }

    static let captureAhead = ["packets.cap", "show-timezone-config.txt", "slm.log"]

    @Test("a capture 7m23s ahead and an unsynchronised node: the clock-skew finding, with the NTP status as evidence")
    func unsynchronisedCorroborates() throws {
        let dir = try Self.bundle("capture-ahead", files: Self.captureAhead, ntp: "cucm-unsynchronised.txt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try Self.run(dir)
        let skew = try #require(o.report.skew)
        #expect(abs(skew.clockErrorSeconds - 443) <= 2)
        let ntp = try #require(skew.nodeNtp)
        #expect(ntp.bearing == .nodeClockOff && ntp.state == "unsynchronised")
        #expect(ntp.source.description.hasSuffix("utils-ntp-status.txt:6"))
        #expect(skew.interpretation.contains("the node's clock the likelier one off"))
        #expect(skew.interpretation.contains("[inferred"))
        let finding = try #require(o.report.findings.first { $0.id == "clock-skew" })
        #expect(finding.severity == .medium)
        #expect(finding.rule.verdict.contains("the node's clock is the likelier one off: the capture clock is ahead of it by 7m23s"))
        #expect(finding.evidence.contains { $0.source?.description.hasSuffix("utils-ntp-status.txt:6") == true })
        #expect(finding.evidence.contains { $0.label.contains("clock.skew") || $0.fields?["node_ntp"] != nil })
        // The inventory names the reader.
        let entry = try #require(o.report.inventory.first { $0.path.hasSuffix("utils-ntp-status.txt") })
        #expect(entry.reader == "utils ntp status" && entry.events == 2)
    }

    @Test("the same capture and a synchronised node: an info finding naming the capturing host as the likelier wrong clock")
    func synchronisedContradicts() throws {
        let dir = try Self.bundle("capture-ahead", files: Self.captureAhead, ntp: "cucm-synchronised.txt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try Self.run(dir)
        let skew = try #require(o.report.skew)
        #expect(skew.nodeNtp?.bearing == .nodeClockHeld)
        #expect(skew.interpretation.contains("the capturing host's clock is the likelier one off [inferred]"))
        let finding = try #require(o.report.findings.first { $0.id == "clock-skew" })
        #expect(finding.severity == .info)
        #expect(finding.rule.verdict.contains("the capturing host's clock is the likelier one off [inferred]: it is ahead of the node's by 7m23s"))
        #expect(finding.rule.verdict.contains("the capture is moved onto the node's clock"))
        #expect(finding.evidence.contains { $0.fields?["likelier_wrong_clock"]?.text == "capture_host" })
    }

    @Test("no capture, an unsynchronised node: still a clock-skew diagnostic, its evidence the status line")
    func unsynchronisedWithoutCapture() throws {
        let dir = try Self.bundle("capture-ahead", files: ["slm.log", "show-timezone-config.txt"], ntp: "cucm-unsynchronised.txt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try Self.run(dir)
        #expect(o.report.skew == nil)
        let finding = try #require(o.report.findings.first { $0.id == "clock-skew" })
        #expect(finding.kind == .diagnostic)
        #expect(finding.evidence.map { $0.source?.description ?? "" }.contains { $0.hasSuffix("utils-ntp-status.txt:6") })
        #expect(finding.evidence.first?.excerpt == "unsynchronised")
    }

    @Test("a node clock off by whole hours with no output confirming the zone: the verdict area says zone or clock")
    func wholeHoursUnconfirmed() throws {
        // The Tokyo trace and capture without the node's zone: the logs are read as UTC, 8h52m37s from the wire
        // (9 h of zone, 7m23s of clock).
        let plain = try Self.bundle("capture-ahead", files: ["packets.cap", "slm.log"], ntp: nil)
        defer { try? FileManager.default.removeItem(at: plain) }
        let o = try Self.run(plain)
        let skew = try #require(o.report.skew)
        #expect(skew.zoneOffsetSeconds == -32_400)
        #expect(skew.interpretation.contains("or the node's clock is off by that much"))
        let warning = try #require(o.report.timeZones?.first?.warning)
        #expect(warning.contains("either the zone UTC is probably wrong") && warning.contains("or the node's clock is off by -9h00m"))
        let text = AnalysisTextRenderer.render(o.report, color: false)
        let verdictEnd = try #require(text.range(of: "FINDINGS") ?? text.range(of: "STATE"))
        #expect(text[..<verdictEnd.lowerBound].contains("or the node's clock is off by -9h00m"))

        // The same with the node's NTP status unsynchronised: the status is named beside the two readings.
        let withNtp = try Self.bundle("capture-ahead", files: ["packets.cap", "slm.log"], ntp: "cucm-unsynchronised.txt")
        defer { try? FileManager.default.removeItem(at: withNtp) }
        let n = try Self.run(withNtp)
        let w = try #require(n.report.timeZones?.first?.warning)
        #expect(w.contains("prints unsynchronised") && w.contains("which makes a node clock error as likely as a zone [inferred]"))
        #expect(n.report.skew?.interpretation.contains("a node clock error is as likely as a zone") == true)
    }
}
