import Foundation
import Testing

/// `analyze --also-report FORMAT:PATH` streams its second report to its file through the same output sink as the
/// main one: the same bytes as that format's main report (redacted the same way), and a failed write is a warning
/// that leaves the exit code to the main report.
@Suite("--also-report streams its second report")
struct AlsoReportStreamTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("also-stream-\(UUID().uuidString)-\(name)")
    }

    @Test("jsonl and html second reports equal the main report of that format, with --redact too",
          arguments: [["jsonl"], ["html"], ["jsonl", "--redact"]])
    func sameBytes(arguments: [String]) throws {
        let format = arguments[0]
        let extra = Array(arguments.dropFirst())
        let (also, main) = (Self.temporary("also.\(format)"), Self.temporary("main.\(format)"))
        defer { for f in [also, main] { try? FileManager.default.removeItem(at: f) } }
        let r = try BinaryRunner.run(["analyze", "--also-report", "\(format):\(also.path)", Self.sample] + extra)
        #expect(r.status == 1)
        let m = try BinaryRunner.run(["analyze", "--format", format, "-o", main.path, Self.sample] + extra)
        #expect(m.status == 1)
        let (a, b) = (try Data(contentsOf: also), try Data(contentsOf: main))
        #expect(a.count > 10_000)
        #expect(a == b)
    }

    @Test("a second report that cannot be written is a warning; the exit code is the main report's",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDevice() throws {
        let r = try BinaryRunner.run(["analyze", "--also-report", "jsonl:/dev/full", Self.sample])
        #expect(r.status == 1)
        #expect(!r.stdout.isEmpty)
        #expect(r.stderr.contains("licscope: warning: --also-report: cannot write /dev/full: No space left on device"),
                "\(r.stderr)")
        #expect(!r.stderr.contains("licscope: error:"))
    }
}
