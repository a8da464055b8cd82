import Analysis
import Foundation
import Testing

@Suite("zone evidence for events")
struct EventsZoneEvidenceTests {
    @Test("only CLI-like files are read in full for zone evidence; a log is left to its one read by the ingest")
    func logsReadOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-ev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("show-timezone-config.txt").path
        let log = dir.appendingPathComponent("slm.log").path
        try "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Zurich)\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        try String(repeating: RotationRepeatedHourTests.line("02:50:00", event: false), count: 2_000)
            .write(toFile: log, atomically: true, encoding: .utf8)
        let (evidence, read) = BundleZones.evidence(files: [log, config])
        #expect(read == [config])
        #expect(evidence.map(\.zone.description) == ["Europe/Zurich"])
    }
}
