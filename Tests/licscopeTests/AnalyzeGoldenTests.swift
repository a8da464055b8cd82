import Foundation
import Testing

/// Whole `analyze` runs on the sample bundle (proxy on port 443, CSCvc94366), kept as goldens per format: grouped
/// evidence (`×3`), the Connections section, and the capture item's excerpt. `LICSCOPE_UPDATE_GOLDEN=1` rewrites them.
@Suite("analyze goldens (sample bundle)")
struct AnalyzeGoldenTests {
    static let folder = BinaryRunner.packageRoot.appendingPathComponent("Tests/licscopeTests/Fixtures/golden")

    @Test("each format", arguments: [("text", "txt"), ("markdown", "md"), ("json", "json"), ("html", "html"), ("summary", "summary.txt")])
    func golden(_ format: String, _ ext: String) throws {
        let args = format == "summary" ? ["analyze", "--summary", "samples/proxy-443-bundle"]
            : ["analyze", "--format", format] + (format == "markdown" ? ["--full"] : []) + ["samples/proxy-443-bundle"]
        let r = try BinaryRunner.run(args)
        #expect(r.status == 1, "stderr: \(r.stderr)")
        let file = Self.folder.appendingPathComponent("proxy-443-bundle.\(ext)")
        if ProcessInfo.processInfo.environment["LICSCOPE_UPDATE_GOLDEN"] == "1" {
            try Data(r.stdout.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(r.stdout == expected, "run LICSCOPE_UPDATE_GOLDEN=1 swift test --filter AnalyzeGoldenTests and review the diff")
        #expect(r.stdout.contains("proxy✗(400, no CONNECT)"), "the ladder is shown")
        if format != "summary" {
            #expect(r.stdout.contains("answered the TLS ClientHello in HTTP (400 Bad Request)"), "the capture excerpt")
        }
        if format != "summary" { #expect(r.stdout.contains("Connections") || r.stdout.contains("CONNECTIONS") || r.stdout.contains("\"connections\"")) }
        if format == "text" { #expect(r.stdout.contains("×3 until 2022-03-14T10:32:09Z"), "grouped retries") }
    }
}
