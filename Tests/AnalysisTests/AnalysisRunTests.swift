import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing
import Timeline

@Suite("analyze end to end")
struct AnalysisRunTests {
    @Test("the sample bundle: CSCvc94366 found from config, logs and capture; every file in the inventory")
    func sample() throws {
        let o = AnalysisRun.run(paths: [AnalysisFixtures.sample], options: try AnalysisFixtures.options(), toolVersion: "test")
        let r = o.report
        #expect(r.findings.first?.id == "CSCvc94366")
        #expect(r.verdict.exitCode == 1)
        #expect(r.verdict.summary.hasPrefix("HIGH"))
        #expect(r.inventory.count == 4)
        #expect(r.inventory.allSatisfy { $0.status == .parsed && $0.events > 0 })
        #expect(Set(r.inventory.map(\.parsedAs)) == ["cli", "pcap", "licenseLog", "serviceList"])
        #expect(o.ruleEvidence.present.isSuperset(of: [.cli, .capture, .licenseManagerLog, .serviceList]))
        // The evaluation clock runs out 11 days after the snapshot: that is the first thing on the runway.
        #expect(r.runway.first?.to == "EVALUATION EXPIRED")
        // The registration token in the trace never reaches the report or the timeline.
        let json = String(decoding: try AnalysisReport.jsonEncoder().encode(AnalysisDocument(r)), as: UTF8.self)
        #expect(!json.contains("NjQ1YjQ5ZTQt"))
        #expect(!o.events.contains { ($0.excerpt ?? "").contains("NjQ1YjQ5ZTQt") || $0.fields.values.contains { $0.text.contains("NjQ1YjQ5ZTQt") } })
    }

    @Test("a damaged capture and binary junk: the rest is analyzed, exit 4 (findings + damage), both files in the inventory")
    func damagedBundle() throws {
        let o = AnalysisRun.run(paths: [AnalysisFixtures.scenario("damaged-bundle")], options: try AnalysisFixtures.options(), toolVersion: "test")
        let r = o.report
        #expect(!r.findings.isEmpty)
        #expect(r.verdict.exitCode == 4, "findings are not hidden by the damaged capture")
        #expect(r.verdict.partlyUnreadable)
        let cap = try #require(r.inventory.first { $0.path.hasSuffix("packets-truncated.cap") })
        #expect(cap.status == .partlyUnreadable)
        #expect(cap.reason?.isEmpty == false)
        #expect((cap.frames ?? 0) > 0)
        let junk = try #require(r.inventory.first { $0.path.hasSuffix("junk.bin") })
        #expect(junk.status == .skipped)
        #expect(junk.parsedAs == "binary")
        #expect(junk.reason?.isEmpty == false)
        // The readable capture frames and the CLI output were still analyzed.
        #expect(o.events.contains { $0.kind == .statusSnapshot })
        #expect(o.events.contains { $0.kind == .tcpAttempt })
    }

    @Test("a log clock 2h07m behind the capture: the 2h zone part corrects the logs, the 7m clock error places the capture on the node's clock")
    func skewedClock() throws {
        let o = AnalysisRun.run(paths: [AnalysisFixtures.scenario("skewed-clock")], options: try AnalysisFixtures.options(), toolVersion: "test")
        let skew = try #require(o.report.skew)
        #expect(abs(skew.offsetSeconds - 7_620) < 2)
        #expect(skew.zoneOffsetSeconds == 7_200)
        #expect(skew.matchedPairs >= 2)
        #expect(o.report.assumptions.contains { $0.contains("clock skew") })
        // The logs move by the zone part only: the wire time (1_647_252_129) minus the 420 s clock error.
        let failures = o.events.filter { $0.kind == .registrationFailed }.compactMap { $0.time?.instant }
        #expect(failures.contains { abs($0.timeIntervalSince1970 - (1_647_252_129 - 420)) < 2 })
        let ladders = o.events.filter { $0.kind == .connectivityAttempt }.compactMap { $0.time?.instant }
        #expect(ladders.contains { abs($0.timeIntervalSince1970 - (1_647_252_129 - 420)) < 5 })
    }

    @Test("a subscriber's empty output is not CSCvf86710")
    func subscriber() throws {
        let o = AnalysisRun.run(paths: [AnalysisFixtures.scenario("subscriber")], options: try AnalysisFixtures.options(), toolVersion: "test")
        #expect(!o.report.findings.contains { $0.id == "CSCvf86710" })
        #expect(o.report.findings.contains { $0.id == "subscriber-not-publisher" })
    }

    @Test("exit codes follow --fail-on")
    func failOn() throws {
        let opts = try AnalysisFixtures.options()
        #expect(AnalysisRun.run(paths: [AnalysisFixtures.sample], options: opts, failOn: .critical, toolVersion: "t").report.verdict.exitCode == 0)
        #expect(AnalysisRun.run(paths: [AnalysisFixtures.sample], options: opts, failOn: .high, toolVersion: "t").report.verdict.exitCode == 1)
    }

    @Test("--redact replaces hosts, addresses, serials and UUIDs but keeps Cisco endpoints and tags")
    func redaction() {
        var r = OutputRedactor()
        let text = "proxy.example.net 192.0.2.10 UDI: PID:UCM,SN:4F2A1,UUID:0b7d5c2e9a1f4e6b8c3d2a1f0e94f2a1 Smart Account: ACME Corp\n"
            + "https://tools.cisco.com/its regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a proxy.example.net"
        let out = r.redact(text)
        #expect(!out.contains("proxy.example.net"))
        #expect(!out.contains("192.0.2.10"))
        #expect(!out.contains("4F2A1"))
        #expect(!out.contains("ACME"))
        #expect(!out.contains("0b7d5c2e9a1f4e6b8c3d2a1f0e94f2a1"))
        #expect(out.contains("tools.cisco.com"))
        #expect(out.contains("12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a"))
        #expect(out.components(separatedBy: "host-1").count == 3, "the same host gets the same placeholder")
    }
}
