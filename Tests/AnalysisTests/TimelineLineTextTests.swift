import Analysis
import Foundation
import LicensingModel
import Reports
import Testing
import TestSupport
import TextIngest

/// The JSON Lines timeline of an analysis that folds repeated messages and holds no line text per event (every
/// format's analysis) is the timeline of one that holds every event's text: each record's excerpt and printed
/// timestamp are re-read from its file while it is written — plain, CRLF, a zip member, a tar.gz member, continuation
/// lines dated by the line above. A file that changed before the writing is not re-read, and that is said.
@Suite("JSON Lines timeline re-read from the files")
struct TimelineLineTextTests {
    /// A folder with the dense benchmark log, a CRLF copy, and copies inside a zip and a tar.gz.
    static func bundle() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-text-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/in/zipped", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/in/tarred", withIntermediateDirectories: true)
        _ = try SyntheticLicenseLog.write(to: dir + "/in/slm.log", minimumBytes: 600 << 10, shape: .dense)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/in/slm.log")))
        try Data(bytes.prefix(200 << 10).flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] })
            .write(to: URL(fileURLWithPath: dir + "/in/crlf.log"))
        try Data(bytes.prefix(300 << 10)).write(to: URL(fileURLWithPath: dir + "/in/zipped/slm.log"))
        try Data(bytes.prefix(250 << 10)).write(to: URL(fileURLWithPath: dir + "/in/tarred/slm.log"))
        try Shell.run("zip -qr ../member.zip zipped && tar -czf ../member.tar.gz tarred && rm -r zipped tarred", in: dir + "/in")
        try Shell.run("mv member.zip member.tar.gz in/", in: dir)
        return dir
    }

    /// The timeline as JSON Lines, written as `analyze --format jsonl` writes it: re-reading through `texts`.
    static func written(_ outcome: AnalysisOutcome, texts: inout LogLineTexts) -> [String] {
        var out = ReportStream(sink: ReportBytes())
        TimelineJSONLRenderer.write(outcome.timeline, report: outcome.report, to: &out) { texts.fill(&$0) }
        out.finish()
        return out.sink.text.split(separator: "\n").map(String.init)
    }

    static func reference(_ dir: String) throws -> [String] {
        var keep = try AnalysisFixtures.options()
        keep.keepLogLineText = true
        let full = AnalysisRun.run(paths: [dir + "/in"], options: keep, toolVersion: "test")
        return TimelineJSONLRenderer.render(events: full.foldedEvents, report: full.report)
            .split(separator: "\n").map(String.init)
    }

    @Test("folded, without line text, the written timeline equals the one with every line's text")
    func sameTimeline() throws {
        let dir = try Self.bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reference = try Self.reference(dir)
        let lean = AnalysisRun.run(paths: [dir + "/in"], options: try AnalysisFixtures.options(), toolVersion: "test")
        #expect(lean.foldedEvents.count * 20 < lean.report.eventCount, "repeats are folded")
        var texts = lean.lineFiles.texts()
        let lines = Self.written(lean, texts: &texts)
        #expect(texts.problems.isEmpty)
        #expect(lines.count == reference.count)
        let differing = zip(lines, reference).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) records differ, first: \(differing.first.map { "\($0)\n\($1)" } ?? "")")
        // Every kind of file is in it, continuation lines (dated by the line above) too.
        for path in ["in/slm.log\"", "crlf.log\"", "member.zip!zipped/slm.log\"", "member.tar.gz!tarred/slm.log\""] {
            #expect(reference.contains { $0.contains(path) && $0.contains("\"kind\":\"exception.raised\"") }, "\(path)")
        }
        // Without re-reading, the records would lack their text.
        let bare = TimelineJSONLRenderer.render(events: lean.foldedEvents, report: lean.report)
        #expect(bare.split(separator: "\n").map(String.init) != reference)
    }

    @Test("a file that shrank before the writing is not re-read, and that is said once")
    func shrunkFile() throws {
        let dir = try Self.bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reference = try Self.reference(dir)
        let lean = AnalysisRun.run(paths: [dir + "/in"], options: try AnalysisFixtures.options(), toolVersion: "test")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/in/slm.log"))
        try handle.truncate(atOffset: 100 << 10)
        try handle.close()
        var texts = lean.lineFiles.texts()
        let lines = Self.written(lean, texts: &texts)
        #expect(texts.problems.count == 1)
        #expect(texts.problems.first?.contains("in/slm.log: changed since it was analyzed") == true, "\(texts.problems)")
        #expect(lines.count == reference.count)
        for (line, ref) in zip(lines, reference) {
            if line.contains("in/slm.log\"") && line.contains("\"timestamp_desc\":\"Event Time\"") {
                #expect(line.contains("\"time_raw\":\"\""), "\(line)")
            } else {
                #expect(line == ref)
            }
        }
    }
}
