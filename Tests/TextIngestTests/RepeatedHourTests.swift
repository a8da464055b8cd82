import Foundation
import LicensingModel
import Testing
import TextIngest

/// A sparse trace whose only line in the first occurrence of the repeated autumn hour makes no event: the event
/// line after it, in the second occurrence, must still be read as the second occurrence.
@Suite("the repeated autumn hour in sparse logs")
struct RepeatedHourTests {
    static func line(_ clock: String, _ date: String, event: Bool) -> String {
        let message = event
            ? "ERROR [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyAuthRenewFail: Communication message send error"
            : "DEBUG [SLM-3] com.cisco.slm.scheduler.Heartbeat#run - scheduler heartbeat"
        return "\(clock).000 |4211,,,CiscoSLM,\(event ? 3 : 7),\(date) \(message)\n"
    }

    static func failures(_ lines: [String], zone: String) throws -> [String] {
        let resolver = try ZoneResolver(specifications: [zone])
        let options = LogIngestOptions(zones: resolver, displayPath: "slm.log", catalog: TestSupport.catalog)
        let r = LogIngester.ingest(bytes: Array(lines.joined().utf8), options: options)
        return r.events(.authorizationRenewFailed).compactMap { $0.time?.instant.iso8601UTC }
    }

    @Test("Europe: the last Sunday of October (03:00 CEST becomes 02:00 CET)")
    func europe() throws {
        let d = "25-10-2026"
        let lines = [
            Self.line("01:50:00", d, event: true),  // 23:50Z
            Self.line("02:10:00", d, event: false),  // first occurrence, CEST
            Self.line("02:45:00", d, event: false),
            Self.line("02:05:00", d, event: false),  // clocks went back: CET
            Self.line("02:20:00", d, event: true),  // second occurrence: 01:20Z
            Self.line("03:10:00", d, event: true),  // 02:10Z
        ]
        #expect(try Self.failures(lines, zone: "Europe/Zurich")
            == ["2026-10-24T23:50:00Z", "2026-10-25T01:20:00Z", "2026-10-25T02:10:00Z"])
    }

    @Test("US: the first Sunday of November (02:00 EDT becomes 01:00 EST)")
    func unitedStates() throws {
        let d = "01-11-2026"
        let lines = [
            Self.line("00:50:00", d, event: true),  // 04:50Z
            Self.line("01:15:00", d, event: false),  // EDT
            Self.line("01:55:00", d, event: false),
            Self.line("01:05:00", d, event: false),  // EST
            Self.line("01:30:00", d, event: true),  // second occurrence: 06:30Z
        ]
        #expect(try Self.failures(lines, zone: "America/New_York") == ["2026-11-01T04:50:00Z", "2026-11-01T06:30:00Z"])
    }

    @Test("with no line past it, a time in the repeated hour stays the first occurrence")
    func firstOccurrence() throws {
        let d = "25-10-2026"
        let lines = [Self.line("02:10:00", d, event: false), Self.line("02:20:00", d, event: true)]
        #expect(try Self.failures(lines, zone: "Europe/Zurich") == ["2026-10-25T00:20:00Z"])
        // The look reached the file's start: nothing was left unread, nothing to state.
        #expect(try Self.assumptions(lines, zone: "Europe/Zurich").allSatisfy { !$0.contains("stopped at its bound") })
    }

    static func assumptions(_ lines: [String], zone: String) throws -> [String] {
        let resolver = try ZoneResolver(specifications: [zone])
        let options = LogIngestOptions(zones: resolver, displayPath: "slm.log", catalog: TestSupport.catalog)
        let r = LogIngester.ingest(bytes: Array(lines.joined().utf8), options: options)
        return r.events(.authorizationRenewFailed).flatMap { $0.time?.assumptions ?? [] }
    }

    @Test("the line that passed the wall time lies beyond the look back: the limit is stated on the line")
    func beyondLookback() throws {
        let d = "25-10-2026"
        let passed = [Self.line("02:45:00", d, event: false), Self.line("02:05:00", d, event: false)]
        let event = Self.line("02:20:00", d, event: true)
        // Within the bound the 02:45 line is found: the second occurrence, 01:20Z, nothing to state.
        let near = passed + Array(repeating: Self.line("02:06:00", d, event: false), count: 100) + [event]
        #expect(try Self.failures(near, zone: "Europe/Zurich") == ["2026-10-25T01:20:00Z"])
        #expect(try Self.assumptions(near, zone: "Europe/Zurich").allSatisfy { !$0.contains("stopped at its bound") })
        // 4,100 lines of the repeated hour later (past 64 KiB and 4,000 lines) it is not: the line is read as the
        // first occurrence, and its time says the look back stopped at its bound.
        let far = passed + Array(repeating: Self.line("02:06:00", d, event: false), count: 4_100) + [event]
        #expect(try Self.failures(far, zone: "Europe/Zurich") == ["2026-10-25T00:20:00Z"])
        let notes = try Self.assumptions(far, zone: "Europe/Zurich")
        #expect(notes.contains { $0.contains("stopped at its bound (4000 lines or 64 KiB") })
    }
}
