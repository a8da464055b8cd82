import ArgumentParser
import Foundation
import TextIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let cpu0 = cpuSeconds(children: false)
        let t0 = clock.now
        let result = LogIngester.ingest(path: output, options: LogIngestOptions(displayPath: output, catalog: catalog))
        let ingest = seconds(clock.now - t0)
        let ingestCPU = cpuSeconds(children: false) - cpu0
        print("licscope ingest:  wall \(fmt(ingest)) s = \(fmt(mb / ingest)) MB/s; cpu \(fmt(ingestCPU)) s = \(fmt(mb / ingestCPU)) MB/s per core  (\(result.events.count) events, \(result.linesRead) lines, \(result.damage.count) damage)")
        // The event text is the longest literal (grep's best case); `Exception` is a typical short one.
        for anchor in [SyntheticLicenseLog.grepAnchor, "Exception"] {
            let child0 = cpuSeconds(children: true)
            let t1 = clock.now
            let count = try grepCount(path: output, anchor: anchor)
            let grep = seconds(clock.now - t1)
            let grepCPU = cpuSeconds(children: true) - child0
            print("LC_ALL=C grep -c -F \"\(anchor)\": wall \(fmt(grep)) s = \(fmt(mb / grep)) MB/s; cpu \(fmt(grepCPU)) s = \(fmt(mb / grepCPU)) MB/s per core  (\(count.trimmingCharacters(in: .whitespacesAndNewlines)) lines)")
            print("  ratio licscope/grep: wall \(fmt(ingest / grep))x, cpu \(fmt(ingestCPU / grepCPU))x  (targets: >= 500 MB/s per core, <= 2x grep)")
        }
    }

    private func grepCount(path: String, anchor: String = SyntheticLicenseLog.grepAnchor) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["grep", "-c", "-F", anchor, path]
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

    /// User + system CPU seconds of this process (`RUSAGE_SELF`) or of its waited-for children.
    private func cpuSeconds(children: Bool) -> Double {
        var u = rusage()
        #if os(Linux)
        let who = __rusage_who_t(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue)
        #else
        let who = children ? RUSAGE_CHILDREN : RUSAGE_SELF
        #endif
        guard getrusage(who, &u) == 0 else { return 0 }
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(u.ru_utime) + s(u.ru_stime)
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
}
