import Analysis
import Foundation
import TestSupport
import Testing

@Suite("zone evidence for events")
struct EventsZoneEvidenceTests {
    @Test("only CLI outputs and unclassified text give zone evidence; a log is left to its one read by the ingest")
    func logsReadOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-ev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("show-timezone-config.txt").path
        let log = dir.appendingPathComponent("slm.log").path
        try "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Zurich)\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        // A log that names a zone the way a transcript does: not read for zone evidence, so it gives none.
        try (String(repeating: RotationRepeatedHourTests.line("02:50:00", event: false), count: 2_000)
            + "Current timezone: Pacific Standard Time (America/Los_Angeles)\n")
            .write(toFile: log, atomically: true, encoding: .utf8)
        let entries = [log, config].map { path in
            EvidenceEntry(
                displayPath: path, localPath: path, size: 0,
                content: EvidenceReaderRegistry.standard.recognise(path: path, name: path)?.kind ?? .text)
        }
        #expect(![ContentKind.cli, .text].contains(entries[0].content), "the log is recognised as a log")
        #expect(BundleZones.evidence(entries).map(\.zone.description) == ["Europe/Zurich"])
    }

    @Test("a FIFO or a folder given as text is not opened (a FIFO would block until a writer came)")
    func onlyRegularFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-ev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("show-timezone-config.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let entries = [fifo, dir.path].map { EvidenceEntry(displayPath: $0, localPath: $0, size: 0, content: .text) }
        // Bounded: a path that opened the FIFO would be fed a transcript and end, failing below instead of hanging.
        let feeder = FIFOFeeder(
            path: fifo, text: "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Zurich)\n")
        let evidence = BundleZones.evidence(entries)
        let opened = feeder.stop()
        #expect(evidence.isEmpty)
        #expect(opened == 0, "the FIFO was opened for reading")
    }
}
