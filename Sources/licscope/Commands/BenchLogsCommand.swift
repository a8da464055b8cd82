import ArgumentParser
import Foundation
import TextIngest

/// `licscope bench logs [--size-mb 500]`: writes a deterministic License-Manager-like log, then times log ingestion
/// and `LC_ALL=C grep -c <anchor>` over it in the same run and prints MB/s and the ratio.
struct BenchLogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Time log ingestion against LC_ALL=C grep -c on a generated log.")

    @Option(help: "Size of the generated log in MB (10^6 bytes).")
    var sizeMb: Int = 500

    @Option(help: "Where to write the generated log.")
    var output: String = "/tmp/licscope-bench-logs.log"

    @Flag(help: "Keep the generated log.")
    var keep = false

    @Option(help: "Rules directory; the message catalog is its messages/ folder.")
    var rules: String?

    func run() throws {
        let catalog = try MessageCatalog.bundled(rulesDirectory: rules)
        let clock = ContinuousClock()
        let genStart = clock.now
        let summary = try SyntheticLicenseLog.write(to: output, minimumBytes: sizeMb * 1_000_000)
        defer { if !keep { try? FileManager.default.removeItem(atPath: output) } }
        let mb = Double(summary.bytes) / 1e6
        print("generated \(fmt(mb)) MB, \(summary.lines) lines, \(summary.eventLines) event lines in \(fmt(seconds(clock.now - genStart))) s: \(output)")
        print("catalog: \(catalog.entries.count) entries, \(catalog.prefilter.anchors.count) anchors keyed on \(catalog.prefilter.keyBytes.count) distinct bytes")

        // Warm the page cache for both tools alike.
        _ = try grepCount(path: output)
        let t0 = clock.now
        let result = LogIngester.ingest(path: output, options: LogIngestOptions(displayPath: output, catalog: catalog))
        let ingest = seconds(clock.now - t0)
        let t1 = clock.now
        let count = try grepCount(path: output)
        let grep = seconds(clock.now - t1)

        let ours = mb / ingest, theirs = mb / grep
        print("licscope ingest:  \(fmt(ingest)) s  \(fmt(ours)) MB/s  (\(result.events.count) events, \(result.linesRead) lines, \(result.damage.count) damage)")
        print("LC_ALL=C grep -c: \(fmt(grep)) s  \(fmt(theirs)) MB/s  (\(count.trimmingCharacters(in: .whitespacesAndNewlines)) lines with \"\(SyntheticLicenseLog.grepAnchor)\")")
        print("ratio licscope/grep time: \(fmt(ingest / grep))x  (targets: >= 500 MB/s per core, <= 2x grep)")
    }

    private func grepCount(path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["grep", "-c", "-F", SyntheticLicenseLog.grepAnchor, path]
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
}
