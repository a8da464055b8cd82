import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing
import TestSupport
import TextIngest
@testable import licscope

/// `analyze --format jsonl` walks its timeline and re-reads each record's line on one thread while the records are
/// rendered and written on another (``EventOutputPipe``). The bytes are those of the sequential writer
/// (``TimelineJSONLRenderer/write(_:report:to:fill:)``): events and finding records keep their order across every
/// batch handed over, and across files whose lines the walk interleaves.
@Suite("analyze --format jsonl: records rendered on a second thread")
struct TimelineOutputPipeTests {
    /// An event of `path` at `line`, `seconds` after a fixed instant.
    static func event(_ i: Int) -> Event {
        let path = "file-\(i % 7).log"
        return Event(
            kind: i % 3 == 0 ? "entitlement.requested" : "authorization.sent",
            time: EventTime(instant: Date(timeIntervalSince1970: 1_500_000_000 + Double(i / 5)), raw: "stamp \(i)",
                            assumptions: i % 11 == 0 ? ["zone assumed"] : []),
            source: SourcePointer(path: path, location: .line(i + 1)),
            fields: ["n": .int(i), "tag": .string("tag-\(i % 13)")],
            excerpt: i % 4 == 0 ? nil : "line \(i) of \(path)")
    }

    /// A finding-like record placed after event `i`.
    static func record(_ i: Int) -> EventRecordEncoder.Record {
        EventRecordEncoder.Record(
            message: "finding after \(i)", instant: Date(timeIntervalSince1970: 1_500_000_000 + Double(i / 5)),
            timestampDescription: "Finding", kind: "finding", source: SourcePointer(path: "rules/R\(i)", location: .file),
            fields: ["id": .string("R\(i)")])
    }

    @Test("events and records sent through the pipe come out in the order sent, across many batches")
    func orderAcrossBatches() {
        let count = EventOutputPipe<ReportBytes>.batchSize * (EventOutputPipe<ReportBytes>.depth + 3) + 17
        var sequential = ReportStream(sink: ReportBytes(), blockSize: 4096)
        let pipe = EventOutputPipe(ReportStream(sink: ReportBytes(), blockSize: 4096), format: .jsonl)
        for i in 0..<count {
            let e = Self.event(i)
            sequential.append(eventRecord: e)
            #expect(pipe.send(e))
            if i % 997 == 0 {
                sequential.append(record: Self.record(i))
                pipe.send(record: Self.record(i))
            }
        }
        var piped = pipe.drained()
        piped.finish()
        sequential.finish()
        let lines = piped.sink.text.split(separator: "\n")
        #expect(lines.count == count + (count + 996) / 997)
        #expect(piped.sink.bytes == sequential.sink.bytes)
    }

    /// A folder of logs whose timelines interleave record by record: nine small copies of one dense log (more than
    /// ``LogLineTexts``' open files, so readers are closed and reopened), one larger copy (several batches of
    /// records), and a copy inside a zip.
    static func bundle() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/in/zipped", withIntermediateDirectories: true)
        _ = try SyntheticLicenseLog.write(to: dir + "/in/big.log", minimumBytes: 2 << 20, shape: .dense)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/in/big.log"))
        for k in 0..<9 { try bytes.prefix(64 << 10).write(to: URL(fileURLWithPath: dir + "/in/small-\(k).log")) }
        try bytes.prefix(300 << 10).write(to: URL(fileURLWithPath: dir + "/in/zipped/slm.log"))
        try Shell.run("zip -qr member.zip zipped && rm -r zipped", in: dir + "/in")
        return dir
    }

    static func options() throws -> AnalysisOptions {
        let root = BinaryRunner.packageRoot
        return AnalysisOptions(
            rules: try RuleSet.load(directory: root.appendingPathComponent("rules")),
            catalog: try MessageCatalog.load(directory: root.appendingPathComponent("rules/messages")))
    }

    @Test("the piped JSON Lines report equals the sequential writer's, over interleaved files and a zip member")
    func equalsSequentialWriter() throws {
        let dir = try Self.bundle()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = AnalysisRun.run(paths: [dir + "/in"], options: try Self.options(), toolVersion: "test")
        var piped = ReportStream(sink: ReportBytes(), blockSize: 4096)
        var warnings: [String] = []
        try ReportWriter.write(outcome, format: .jsonl, color: false, to: &piped) { warnings.append($0) }
        var texts = outcome.lineFiles.texts()
        var sequential = ReportStream(sink: ReportBytes())
        TimelineJSONLRenderer.write(outcome.timeline, report: outcome.report, to: &sequential) { texts.fill(&$0) }
        sequential.finish()
        #expect(warnings.isEmpty && texts.problems.isEmpty, "\(warnings) \(texts.problems)")
        let lines = piped.sink.text.split(separator: "\n")
        #expect(lines.count > EventOutputPipe<ReportBytes>.batchSize * 2)
        #expect(piped.sink.bytes == sequential.sink.bytes)
        // Re-read text reached every file: the small copies, the big one and the zip member.
        for name in ["small-0.log\"", "small-8.log\"", "big.log\"", "member.zip!zipped/slm.log\""] {
            #expect(lines.contains { $0.contains(name) && $0.contains("\"excerpt\":") }, "\(name)")
        }
    }
}
