import ArgumentParser
import Foundation
import PacketIngest
import TextIngest

/// `licscope bench [--log-mb N] [--capture-mb N] [--acceptance]`: generates the inputs deterministically (a dense
/// and a sparse License Manager trace, a capture, a bundle holding only that capture), then times whole
/// processes — this binary as a user runs it, writing its real output to a file — next to the peers, best of
/// `--runs`, and prints wall time, CPU, peak RSS (`wait4` rusage) and the ratios against the targets.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Time analyze/events/packets against grep, tshark and a bare libpcap loop.",
        discussion: "Inputs are generated into --out and reused." + HelpExamples.benchRun)

    @Option(name: .customLong("log-mb"), help: "Size of each generated trace in MB (10^6 bytes).")
    var logMB: Int = 100

    @Option(name: .customLong("capture-mb"), help: "Size of the generated capture in MB.")
    var captureMB: Int = 100

    @Flag(help: "Use the issue's acceptance sizes: 400 MB traces, a 300 MB capture (and analyze at 100 MB too).")
    var acceptance = false

    @Option(help: "Runs per measurement; the best wall time is reported, the peak RSS is the largest seen.")
    var runs: Int = 3

    @Option(help: "Directory for the generated inputs and the outputs (inputs are reused when present).")
    var out: String = "bench-data"

    /// Which benchmarks run (`varied`, never part of `all`: the trace commands on a dense trace whose licensing
    /// lines never repeat, so the catalog runs on every one of them).
    enum Selection: String, ExpressibleByArgument, CaseIterable {
        case all, logs, capture, varied
    }

    @Option(help: "What to run.")
    var only: Selection = .all

    func validate() throws {
        guard logMB > 0, captureMB > 0, runs > 0 else { throw ValidationError("sizes and --runs must be positive") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var table = BenchTable(runs: runs)
        table.machine(BenchInputs.machineState())
        let inputs = BenchInputs(directory: out, self: Self.executable())
        if only == .varied { try varied(mb: acceptance ? 400 : logMB, inputs: inputs, table: &table) }
        if only == .all || only == .logs {
            let big = try logs(mb: acceptance ? 400 : logMB, inputs: inputs, table: &table)
            if acceptance { try analyzeDense(mb: 100, inputs: inputs, comparedWith: big, table: &table) }
        }
        if only == .all || only == .capture { try capture(mb: acceptance ? 300 : captureMB, inputs: inputs, table: &table) }
        table.machine(BenchInputs.machineState())
        table.printSummary()
    }

    /// Times the trace commands; returns the analyze measurement.
    private func logs(mb: Int, inputs: BenchInputs, table: inout BenchTable) throws -> BenchTable.Measurement? {
        let dense = try inputs.log(.dense, mb: mb)
        let sparse = try inputs.log(.sparse, mb: mb)
        let anchors = try inputs.anchorFile()
        let grepDense = table.measure("grep -F -f anchors (\(mb) MB dense) > file",
            ["grep", "-F", "-f", anchors, dense], env: ["LC_ALL": "C"], output: inputs.output("grep-dense"))
        let grepSparse = table.measure("LC_ALL=C grep -c -F literal (\(mb) MB sparse)",
            ["grep", "-c", "-F", SyntheticLicenseLog.grepAnchor, sparse], env: ["LC_ALL": "C"],
            output: inputs.output("grep-sparse"))
        let eventsDense = measureEvents(.dense, dense, mb: mb, inputs: inputs, table: &table)
        let eventsSparse = measureEvents(.sparse, sparse, mb: mb, inputs: inputs, table: &table)
        let analyze = measureAnalyze(.dense, dense, mb: mb, inputs: inputs, table: &table)
        table.compare(eventsDense, to: grepDense, slowerAtMost: 5, rssBelowMB: 100)
        table.compare(eventsSparse, to: grepSparse, slowerAtMost: 2, rssBelowMB: 100)
        let scale = Double(mb) / 400
        table.target(analyze, seconds: 4 * scale, rssMB: 300,
            note: mb == 400 ? "issue: ≤ 4 s, ≤ 300 MB at 400 MB" : "issue's 4 s at 400 MB, scaled to \(mb) MB")
        table.compare(analyze, to: grepDense, slowerAtMost: nil, rssBelowMB: nil)
        // The JSON Lines timeline is streamed as the timeline is walked: its time and memory stay near the report's.
        let timeline = measureAnalyze(.dense, dense, mb: mb, format: "jsonl", inputs: inputs, table: &table)
        table.compare(timeline, to: analyze, slowerAtMost: 1.5, rssBelowMB: analyze.map { $0.cost.peakRSSMB * 1.3 })
        return analyze
    }

    /// `events` and `analyze` on the varied trace, next to the same commands on the dense trace of the same size
    /// (figures and ratios only: the issue sets no target for this shape).
    private func varied(mb: Int, inputs: BenchInputs, table: inout BenchTable) throws {
        let trace = try inputs.log(.varied, mb: mb)
        let dense = try inputs.log(.dense, mb: mb)
        let eventsDense = measureEvents(.dense, dense, mb: mb, inputs: inputs, table: &table)
        let eventsVaried = measureEvents(.varied, trace, mb: mb, inputs: inputs, table: &table)
        let analyzeDense = measureAnalyze(.dense, dense, mb: mb, inputs: inputs, table: &table)
        let analyzeVaried = measureAnalyze(.varied, trace, mb: mb, inputs: inputs, table: &table)
        table.compare(eventsVaried, to: eventsDense, slowerAtMost: nil, rssBelowMB: nil)
        table.compare(analyzeVaried, to: analyzeDense, slowerAtMost: nil, rssBelowMB: nil)
    }

    /// Analyze on a smaller dense trace: its peak RSS should be within 30% of the large run's.
    private func analyzeDense(
        mb: Int, inputs: BenchInputs, comparedWith large: BenchTable.Measurement?, table: inout BenchTable
    ) throws {
        let dense = try inputs.log(.dense, mb: mb)
        let analyze = measureAnalyze(.dense, dense, mb: mb, output: "analyze-dense-\(mb)", inputs: inputs, table: &table)
        table.compareRSS(analyze, with: large, within: 0.3)
    }

    /// Times `licscope events --format jsonl` on the `shape` trace of `mb` MB at `path`, its output written to a file.
    private func measureEvents(
        _ shape: SyntheticLicenseLog.Shape, _ path: String, mb: Int, inputs: BenchInputs, table: inout BenchTable
    ) -> BenchTable.Measurement? {
        table.measure("events --format jsonl (\(mb) MB \(shape.rawValue)) > file",
            [inputs.licscope, "events", "--format", "jsonl", path], output: inputs.output("events-\(shape.rawValue)"))
    }

    /// Times `licscope analyze` (`--format FORMAT` when given) on the `shape` trace of `mb` MB at `path`, its report
    /// written to the file `output` names (`analyze-[FORMAT-]SHAPE` unless told).
    private func measureAnalyze(
        _ shape: SyntheticLicenseLog.Shape, _ path: String, mb: Int, format: String? = nil, output: String? = nil,
        inputs: BenchInputs, table: inout BenchTable
    ) -> BenchTable.Measurement? {
        let option = format.map { ["--format", $0] } ?? []
        return table.measure("analyze \(option.map { $0 + " " }.joined())(\(mb) MB \(shape.rawValue) trace) > file",
            [inputs.licscope, "analyze"] + option + [path],
            output: inputs.output(output ?? "analyze-\(format.map { $0 + "-" } ?? "")\(shape.rawValue)"))
    }

    private func capture(mb: Int, inputs: BenchInputs, table: inout BenchTable) throws {
        let (pcap, bundle) = try inputs.capture(mb: mb)
        let bare = table.measure("bare libpcap loop (\(mb) MB capture)",
            [inputs.licscope, "bench", "pcap-loop", pcap], output: inputs.output("pcap-loop"))
        let packets = table.measure("packets --format jsonl (\(mb) MB capture) > file",
            [inputs.licscope, "packets", "--format", "jsonl", pcap], output: inputs.output("packets"))
        let analyze = table.measure("analyze (bundle with only the \(mb) MB capture) > file",
            [inputs.licscope, "analyze", bundle], output: inputs.output("analyze-capture"))
        let tshark = table.measure("tshark -Y … -T fields (\(mb) MB capture) > file", [
            "tshark", "-n", "-r", pcap, "-Y", "tls.handshake or dns or http.request.method == \"CONNECT\"",
            "-T", "fields", "-e", "frame.number", "-e", "tls.handshake.type", "-e", "tls.handshake.extensions_server_name",
            "-e", "dns.qry.name", "-e", "dns.flags.rcode", "-e", "http.request.uri",
        ], output: inputs.output("tshark"))
        table.compare(packets, to: bare, slowerAtMost: 3, rssBelowMB: 100)
        table.compare(packets, fasterThan: tshark, atLeast: 30)
        table.target(analyze, seconds: 0.6 * Double(mb) / 300, rssMB: 100,
            note: mb == 300 ? "issue: ≤ 0.6 s, < 100 MB at 300 MB" : "issue's 0.6 s at 300 MB, scaled to \(mb) MB")
    }

    /// This process's own executable, so the benchmark times the binary that is running it.
    static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
