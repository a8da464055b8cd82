import Foundation
import LicensingModel
import Testing
@testable import TextIngest

@Suite("show license parsing")
struct CLIParserTests {
    @Test("CUCM show license all: every block, IST as +05:30, usage blocks with display names")
    func cucmAll() throws {
        let outputs = try CLIFixtures.outputs("cucm-12.0-show-license-all.txt")
        #expect(outputs.count == 1)
        let s = try #require(outputs.first).snapshot
        #expect(s.command == "show license all")
        #expect(s.enabled == true)
        #expect(s.registration.status == .registered)
        #expect(s.registration.smartAccount == "BU Production Test")
        #expect(s.registration.initial?.outcome == .succeeded)
        #expect(s.registration.initial?.time?.instant.iso8601UTC == "2018-01-26T09:41:23Z")
        #expect(s.registration.nextRenewal?.instant.iso8601UTC == "2018-07-25T09:41:23Z")
        #expect(s.registration.expires?.instant.iso8601UTC == "2019-01-26T09:36:21Z")
        #expect(s.authorization.status == .authorized)
        #expect(s.authorization.since?.instant.iso8601UTC == "2018-01-26T09:42:59Z")
        #expect(s.authorization.deadline?.instant.iso8601UTC == "2018-04-26T09:36:59Z")
        #expect(s.evaluation.inUse == false)
        #expect(s.evaluation.expiredOn?.instant.iso8601UTC == "2017-11-09T18:16:35Z")
        #expect(s.usage.count == 6)
        let enhanced = try #require(s.usage.first { $0.tier == .enhanced })
        #expect(enhanced.count == 5 && enhanced.status == "InCompliance")
        #expect(enhanced.displayName == "UC Manager Enhanced License (12.x)")
        #expect(s.usage.first { $0.tier == .basic }?.displayName == "UC Manager Basic License  (12.x)")
        #expect(s.udi == "PID:UCM,SN:37624,UUID:6fe83addc80240bc92dc071ac7a37624")
        #expect(s.agentVersion == "1.3.4")
        let ist = try #require(s.registration.nextRenewal)
        #expect(ist.utcOffsetSeconds == 19_800)
        #expect(ist.assumptions.contains { $0.contains("IST is ambiguous") })
        #expect(s.lines["registration.next_renewal"] == 13)
    }

    @Test("summary table: tag cut at regid. when the UUID is glued in front, blank License column for Init rows")
    func cucmSummary() throws {
        let s = try #require(try CLIFixtures.outputs("cucm-12.0-show-license-summary.txt").first).snapshot
        #expect(s.command == "show license summary")
        #expect(s.registration.lastRenewal?.outcome == AttemptRecord.Outcome.none)
        #expect(s.authorization.lastCommunication?.outcome == .succeeded)
        #expect(s.authorization.lastCommunication?.time == nil)
        #expect(s.usage.map(\.tag).allSatisfy { $0.hasPrefix("regid.") })
        #expect(s.usage.map(\.count) == [0, 0, 5, 2, 0, 0])
        #expect(s.usage[2].tag == "regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a")
        #expect(s.usage[2].status == "InCompliance")
        #expect(s.usage.map(\.tier) == [.cuwl, .enhancedPlus, .enhanced, .basic, .essential, .telePresenceRoom])
    }

    @Test("FAILED attempts carry the indented Failure reason; renewal and communication both failed")
    func failedRenewal() throws {
        let s = try #require(try CLIFixtures.outputs("asa-agent-1.6-failed-renewal.txt").first).snapshot
        #expect(s.registration.lastRenewal?.outcome == .failed)
        #expect(s.registration.lastRenewal?.failureReason == "Communication message send error")
        #expect(s.authorization.lastCommunication?.outcome == .failed)
        #expect(s.authorization.lastCommunication?.failureReason == "Communication message send error")
        #expect(s.authorization.nextCommunication?.instant.iso8601UTC == "2018-12-03T18:40:57Z")
        #expect(s.authorization.status == .authorized)
    }

    @Test("agent 4.x prints the year before the time")
    func yearBeforeTime() throws {
        let s = try #require(try CLIFixtures.outputs("asa-agent-4.3-year-before-time.txt").first).snapshot
        #expect(s.registration.initial?.time?.instant.iso8601UTC == "2023-01-05T12:19:01Z")
        #expect(s.registration.expires?.instant.iso8601UTC == "2024-01-20T14:53:47Z")
        #expect(s.noLicensesInUse)
        #expect(s.transport.mode == .direct)
        #expect(s.agentVersion == "4.3.6_rel/38")
        #expect(s.registration.initial?.time?.assumptions.isEmpty == true)
    }

    @Test("UNREGISTERED / EVAL MODE with remaining period in the 1.3.x wording, transport block")
    func evalMode() throws {
        let s = try #require(try CLIFixtures.outputs("agent-1.3.5-eval-mode.txt").first).snapshot
        #expect(s.registration.status == .unregistered)
        #expect(s.authorization.status == .evaluation)
        let remaining: TimeInterval = 87 * 86_400 + 3_600 + 41 * 60
        #expect(s.authorization.evaluationRemaining == remaining)
        #expect(s.evaluation.inUse == true)
        #expect(s.usage.first?.tag == "VOF")
        #expect(s.usage.first?.status == "Eval")
        #expect(s.transport.mode == .direct)
        #expect(s.transport.url?.hasSuffix("/DDCEService") == true)
    }

    @Test("OUT OF COMPLIANCE with OutOfCompliance and InCompliance rows and a proxy on 443")
    func outOfCompliance() throws {
        let s = try #require(try CLIFixtures.outputs("cucm-out-of-compliance-proxy.txt").first).snapshot
        #expect(s.authorization.status == .outOfCompliance)
        #expect(s.usage.first { $0.tier == .enhanced }?.isOutOfCompliance == true)
        #expect(s.usage.first { $0.tier == .cuwl }?.isInCompliance == true)
        #expect(s.transport.mode == .proxy)
        #expect(s.transport.proxyHost == "proxy.example.com")
        #expect(s.transport.proxyPort == 443)
    }

    @Test("a subscriber's empty output is one empty snapshot, not an error")
    func subscriberEmpty() throws {
        let outputs = try CLIFixtures.outputs("subscriber-empty.txt")
        #expect(outputs.count == 1)
        #expect(outputs[0].snapshot.isEmpty)
        #expect(outputs[0].errorText == nil)
        #expect(outputs[0].snapshot.command == "show license all")
    }

    @Test("UDI output")
    func udiAndDetection() throws {
        let s = try #require(try CLIFixtures.outputs("cucm-show-license-udi.txt").first).snapshot
        #expect(s.command == "show license udi")
        #expect(s.udi?.hasPrefix("PID:UCM") == true)
    }

    @Test("two outputs in one file without prompts are split at their banners")
    func splitWithoutPrompts() throws {
        let summary = try CLIFixtures.text("cucm-12.0-show-license-summary.txt").split(separator: "\n").dropFirst()
        let all = try CLIFixtures.text("cucm-12.0-show-license-all.txt").split(separator: "\n").dropFirst()
        let text = (["Some prose."] + summary.map(String.init) + all.map(String.init)).joined(separator: "\n")
        let outputs = ShowLicenseParser.parse(text, zones: ZoneResolver())
        #expect(outputs.map(\.snapshot.command) == ["show license summary", "show license all"])
        #expect(outputs[1].snapshot.usage.count == 6)
    }

    @Test("a token or password on a Failure reason line is redacted")
    func redactsFailureReason() {
        let text = """
            Registration:
              Status: UNREGISTERED
              Initial Registration: FAILED on Jan 26 15:11:23 2018 UTC
                Failure reason: license smart register idtoken NjQ1YjQ5ZTQtabc failed
            """
        let s = ShowLicenseParser.parse(text, zones: ZoneResolver())[0].snapshot
        let reason = s.registration.initial?.failureReason ?? ""
        #expect(reason.contains("<redacted>"))
        #expect(!reason.contains("NjQ1YjQ5ZTQtabc"))
    }
}
