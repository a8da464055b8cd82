import Foundation
import Testing

@Suite("licscope status")
struct StatusCommandTests {
    struct Report: Decodable {
        struct Snapshot: Decodable {
            struct Timer: Decodable {
                struct T: Decodable { var utc: String; var local: String? }
                var name: String
                var derived: T?
                var verdict: String
                var differenceSeconds: Int?
            }
            var command: String
            var timers: [Timer]
            var state: [String: String]
            var assumptions: [String]
        }
        var schema: String
        var snapshots: [Snapshot]
    }

    @Test("acceptance: the seed's show license all, as JSON — derived timers, all agreeing")
    func seedJSON() throws {
        let r = try BinaryRunner.run(["status", "--format", "json", BinaryRunner.seed.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        #expect(report.schema == "licscope.status/1")
        let all = try #require(report.snapshots.first { $0.command == "show license all" })
        let t = Dictionary(uniqueKeysWithValues: all.timers.map { ($0.name, $0) })
        #expect(t["next_renewal_attempt"]?.derived?.utc == "2018-07-25T09:41:23Z")
        #expect(t["next_communication_attempt"]?.derived?.utc == "2018-02-25T09:42:59Z")
        #expect(abs(t["communication_deadline"]?.differenceSeconds ?? 9_999) <= 600)
        #expect(abs(t["registration_expires"]?.differenceSeconds ?? 9_999) <= 600)
        #expect(t["evaluation_expired"]?.derived?.utc == "2017-11-09T18:16:35Z")
        #expect(all.timers.count == 5)
        #expect(all.timers.allSatisfy { $0.verdict == "agree" })
        #expect(t["next_renewal_attempt"]?.derived?.local == "Jul 25 15:11:23 2018 IST")
        #expect(all.state["registration"] == "REGISTERED")
        #expect(all.assumptions.contains { $0.contains("IST") && $0.contains("+05:30") })
    }

    @Test("--tz re-reads IST; text output shows agree and the runway")
    func textAndTZ() throws {
        let r = try BinaryRunner.run(["status", "--tz", "IST=+02:00", BinaryRunner.seed.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2018-07-25T13:11:23Z"))
        #expect(r.stdout.contains("runway"))
        #expect(r.stdout.contains("AUTHORIZATION EXPIRED"))
        #expect(!r.stdout.contains("\u{1B}["), "no color when stdout is not a TTY")
    }

    @Test("a file that is not a license output: one-line error naming it; exit 5 alone, 3 beside a good one")
    func notALicenseOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("notes.txt")
        try "hello\nworld\n".write(to: junk, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["status", junk.path])
        #expect(r.status == 5, "nothing readable: no evidence")
        #expect(try BinaryRunner.run(["status", BinaryRunner.seed.path, junk.path]).status == 3)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("notes.txt") == true)
        #expect(lines.first?.contains("show license") == true)
    }

    @Test("bad --tz is a usage error (exit 2)")
    func badTZ() throws {
        let r = try BinaryRunner.run(["status", "--tz", "IST=nowhere", BinaryRunner.seed.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--tz"))
    }

    /// The CLI fixtures, as `status` takes them: recognised by the registry alone, as `analyze` recognises them.
    static let cliFixtures = "Tests/TextIngestTests/Fixtures/cli/"

    @Test("status takes what the registry recognises as a license output, every CLI fixture as before")
    func registryOnly() throws {
        for name in ["agent-1.3.5-eval-mode.txt", "asa-agent-1.6-failed-renewal.txt", "asa-agent-4.3-year-before-time.txt",
                     "cucm-12.0-show-license-all.txt", "cucm-12.0-show-license-summary.txt",
                     "cucm-out-of-compliance-proxy.txt", "cucm-show-license-udi.txt", "subscriber-empty.txt"] {
            let r = try BinaryRunner.run(["status", Self.cliFixtures + name])
            #expect(r.status == 0, "\(name): \(r.stderr)")
        }
        let refused = try BinaryRunner.run(["status", Self.cliFixtures + "not-a-license-output.txt"])
        #expect(refused.status == 5 && refused.stderr.contains("not a license output"))
        // A `show license trace` dump is trace lines, read by `analyze` as a License Manager log: `status` no longer
        // shows it as an output with "no licensing content".
        let trace = try BinaryRunner.run(["status", "Tests/TextIngestTests/Fixtures/logs/show-license-trace.txt"])
        #expect(trace.status == 5)
        #expect(trace.stderr.contains("not a license output (recognised as licenseLog)"))
        // In a folder, a document that quotes `show license all` is passed over, not shown as an empty output.
        let folder = try BinaryRunner.run(["status", Self.cliFixtures])
        #expect(!folder.stdout.contains("SOURCES.md"))
        #expect(folder.stderr.contains("skipped 2 file(s) that are not license outputs (\(Self.cliFixtures)SOURCES.md, …)"))
    }
}
