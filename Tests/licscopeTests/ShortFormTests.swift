import Foundation
import Testing

/// `--summary`, `-q` and `--min-level` (what is shown) apart from `--fail-on` (the exit code).
@Suite("analyze short forms")
struct ShortFormTests {
    static let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle").path

    @Test("--summary: verdict, findings table, connections, runway, collect hints once each")
    func summary() throws {
        let r = try BinaryRunner.run(["analyze", "--summary", Self.sample])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count < 40, "\(r.stdout)")
        for head in ["VERDICT", "FINDINGS", "CONNECTIONS", "RUNWAY"] { #expect(r.stdout.contains(head + "\n") || r.stdout.contains(head + " ")) }
        #expect(r.stdout.contains("CSCvc94366 rev 1"))
        #expect(r.stdout.contains("proxy✗(400, no CONNECT)"))
        let collect = lines.filter { $0.hasPrefix("  - ") }
        #expect(Set(collect).count == collect.count, "collect hints are deduplicated")
    }

    @Test("-q prints nothing; the exit code is the answer")
    func quiet() throws {
        let r = try BinaryRunner.run(["analyze", "-q", Self.sample])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test("--min-level hides findings below it but the exit code still follows --fail-on")
    func minLevel() throws {
        let r = try BinaryRunner.run(["analyze", "--min-level", "critical", Self.sample])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("[HIGH]"))
        #expect(try BinaryRunner.run(["analyze", "--min-level", "nonsense", Self.sample]).status == 2)
    }
}
