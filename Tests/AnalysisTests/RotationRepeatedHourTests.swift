import Analysis
import Foundation
import LicensingModel
import Testing

/// The repeated autumn hour across rotations: the older file reached past a wall time the newer one starts with.
@Suite("the repeated autumn hour across log rotations")
struct RotationRepeatedHourTests {
    static func line(_ clock: String, event: Bool) -> String {
        let message = event
            ? "ERROR [SLM-12] com.cisco.nesla.agent.impl.SmartAgentImpl#notify - ciscoSlaSmartAgentNotifyAuthRenewFail: Communication message send error"
            : "DEBUG [SLM-3] com.cisco.slm.scheduler.Heartbeat#run - scheduler heartbeat"
        return "\(clock).000 |4211,,,CiscoSLM,\(event ? 3 : 7),25-10-2026 \(message)\n"
    }

    @Test("slm.log.1 ends at 02:50 CEST; slm.log's 02:20 is CET, an hour later than its first occurrence")
    func olderRotationPassedIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-rot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "show-timezone-config.txt": "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Zurich)\n",
            "slm.log.1": Self.line("01:50:00", event: true) + Self.line("02:50:00", event: false),
            "slm.log": Self.line("02:20:00", event: true) + Self.line("03:10:00", event: true),
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let o = AnalysisRun.run(paths: [dir.path], options: try AnalysisFixtures.options(), toolVersion: "t")
        let failures = o.events.filter { $0.kind == .authorizationRenewFailed }
        #expect(failures.compactMap { $0.time?.instant.iso8601UTC }
            == ["2026-10-24T23:50:00Z", "2026-10-25T01:20:00Z", "2026-10-25T02:10:00Z"])
        let moved = try #require(failures.first { $0.source.path.hasSuffix("/slm.log") }?.time)
        #expect(moved.assumptions.contains { $0.contains("the older rotation") })
    }
}
