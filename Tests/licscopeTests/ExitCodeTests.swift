import Foundation
import TestSupport
import Testing

/// The one exit-code table (`ExitStatus`), as a batch job sees it: findings are never hidden by a partial read.
@Suite("exit codes")
struct ExitCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files copied into a fresh folder: (source relative to the package root, name in the folder).
        var files: [(String, String)]
        var extraArguments: [String] = []
        var expected: Int32
        /// Text stderr must contain (and, for exit 2, be exactly one line holding it).
        var stderrContains: String?
        var testDescription: String { name }
    }

    static let sample = "samples/proxy-443-bundle"
    static let seed = "Tests/licscopeTests/Fixtures/cucm-smart-licensing-direct-model.txt"
    static let fixtures = "Tests/licscopeTests/Fixtures/exit-codes"
    static let sampleFiles: [(String, String)] = [
        ("\(sample)/show-license-all.txt", "show-license-all.txt"), ("\(sample)/packets.cap", "packets.cap"),
        ("\(sample)/cm/trace/slm/log4j/slm.log", "slm.log"), ("\(sample)/utils-service-list.txt", "services.txt"),
    ]

    static let cases: [Case] = [
        Case(name: "healthy", files: [(seed, "show-license-all.txt")], expected: 0),
        Case(name: "findings", files: sampleFiles, expected: 1),
        Case(name: "findings below --fail-on", files: sampleFiles, extraArguments: ["--fail-on", "critical"], expected: 0),
        Case(name: "findings + damaged file", files: sampleFiles + [("\(fixtures)/truncated-slm.log.1.gz", "slm.log.1.gz")],
             expected: 4),
        Case(name: "damaged file only, no finding",
             files: [(seed, "show-license-all.txt"), ("\(fixtures)/truncated-slm.log.1.gz", "slm.log.1.gz")],
             extraArguments: ["--fail-on", "critical"], expected: 3),
        Case(name: "healthy + skipped PNG", files: [(seed, "show-license-all.txt"), ("\(fixtures)/screenshot.png", "s.png")],
             expected: 0),
        Case(name: "skipped PNG only", files: [("\(fixtures)/screenshot.png", "s.png")], expected: 5),
        Case(name: "empty folder", files: [], expected: 5),
        Case(name: "two UDIs (warned)", files: [(seed, "a.txt"), ("\(sample)/show-license-all.txt", "b.txt")],
             extraArguments: ["--fail-on", "critical"], expected: 0, stderrContains: "2 product instances"),
        Case(name: "two UDIs --strict", files: [(seed, "a.txt"), ("\(sample)/show-license-all.txt", "b.txt")],
             extraArguments: ["--strict"], expected: 2, stderrContains: "licscope: error: the inputs hold 2 product instances"),
        Case(name: "-o into a missing folder", files: [(seed, "show-license-all.txt")],
             extraArguments: ["-o", "/nonexistent-licscope-folder/report.txt"], expected: 2,
             stderrContains: "licscope: error: cannot write -o /nonexistent-licscope-folder/report.txt"),
    ]

    @Test("analyze", arguments: cases)
    func analyze(_ c: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (source, name) in c.files {
            try FileManager.default.copyItem(
                at: BinaryRunner.packageRoot.appendingPathComponent(source), to: folder.appendingPathComponent(name))
        }
        let r = try BinaryRunner.run(["analyze"] + c.extraArguments + [folder.path])
        #expect(r.status == c.expected, "stderr: \(r.stderr)")
        if let text = c.stderrContains { #expect(r.stderr.contains(text), "stderr: \(r.stderr)") }
        if c.expected == 2 {
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        if c.name.contains("PNG") { #expect(!r.stdout.contains("partly unreadable  ")) }
    }

    @Test("a valid .gz log is read as gzip, never reported as \"not gzip data\"")
    func validGzip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gz = folder.appendingPathComponent("slm.log.1.gz")
        try Shell.check("gzip -c '\(BinaryRunner.packageRoot.path)/\(Self.sample)/cm/trace/slm/log4j/slm.log' > '\(gz.path)'")
        let r = try BinaryRunner.run(["analyze", "--fail-on", "critical", folder.path])
        #expect(!r.stdout.contains("not gzip data"), "\(r.stdout)")
        #expect(r.status == 0, "stderr: \(r.stderr)")
    }

    @Test("usage errors: one line, one prefix, exit 2, on every command")
    func usageErrors() throws {
        for args in [["analyze", "--fail-on", "nonsense", Self.seed], ["analyze", "/nonexistent/bundle"],
                     ["status", "--format", "html", Self.seed], ["events", "--year", "1", Self.seed],
                     ["packets", "--format", "xml", "x.pcap"], ["rules", "explain", "no-such-rule"], ["analyze", "--bogus", "x"]] {
            let r = try BinaryRunner.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("licscope: error: "), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }

    @Test("status, events and packets: nothing readable exits 5, not 0")
    func noEvidence() throws {
        let png = "\(Self.fixtures)/screenshot.png"
        #expect(try BinaryRunner.run(["status", png]).status == 5)
        #expect(try BinaryRunner.run(["events", png]).status == 5)
        #expect(try BinaryRunner.run(["packets", png]).status == 5)
    }
}
