import ArgumentParser
import Dispatch
import Foundation
import Rules
import Triage

/// `licscope triage DIR|FILES…`: many bundles, one JSON line each, in parallel, resumable, each analysis isolated.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Analyze many bundles: one JSON line per bundle in --results, then a summary.",
        discussion: """
            Each file given, and each entry at the top level of a folder given, is one bundle. Each is analyzed by \
            `licscope analyze` in its own process under --timeout and --max-memory; bundles whose SHA-256 is already \
            in --results are skipped, so a rerun continues. Lines follow docs/triage-schema.md (licscope.triage/1). \
            The summary goes to standard output or -o FILE; --tz, --since/--until and --redact are handed on to each \
            analysis (--redact also covers the summary and the --reports files). \
            Exit codes: 0 no bundle with a finding at or above --fail-on and all analyzed in full; 1 findings; \
            2 usage or I/O error; 3 some bundle not analyzed in full; 4 both; 130 interrupted.
            """ + HelpExamples.triage)

    @Argument(help: "Bundles: files, or folders whose top-level entries are bundles.", completion: .file())
    var paths: [String] = []

    @Option(help: ArgumentHelp("The results file (JSON Lines); created, or continued when it exists.", valueName: "FILE"),
        completion: .file())
    var results: String?

    /// The name `--results` had before `triage` took the shared options (`-o` is the summary there); still accepted.
    @Option(name: .customLong("out"), help: .hidden) var legacyResults: String?

    @Option(help: "Bundles analyzed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "A finding at or above this severity counts.")
    var failOn: RuleSeverity = .low

    /// What the summary can be (`--format`; `-o` names where it goes).
    enum SummaryFormat: String, OutputFormatChoice {
        case text, markdown, html
        static var standard: SummaryFormat { .text }
        static var uses: SharedOptionUse { [.window, .rules] }
    }

    @OptionGroup var shared: SharedOptions<SummaryFormat>

    @Option(help: "Seconds one bundle's analysis may run.")
    var timeout: Double = 300

    @Option(help: "MiB of memory one bundle's analysis may use.")
    var maxMemory: Int = 2048

    @Option(help: "Write each bundle's full report (Markdown or HTML, after --format) here and link it from the summary.")
    var reports: String?

    @Option(help: "Also watch this folder and take each bundle once it is complete, until interrupted.")
    var watch: String?

    @Option(help: "Seconds a watched entry must stay unchanged before it is taken.")
    var settle: Double = 5

    @Option(help: "Take only shard K of N (0-based): bundles whose file-name hash mod N is K.")
    var shard: String?

    @Option(help: .hidden) var analyzer: String?

    func validate() throws {
        guard !paths.isEmpty || watch != nil else { throw ValidationError("give bundles, a folder of bundles, or --watch DIR") }
        guard (results == nil) != (legacyResults == nil) else { throw ValidationError("name the results file once: --results FILE") }
        guard jobs >= 1, timeout > 0, maxMemory >= 1 else { throw ValidationError("--jobs, --timeout and --max-memory must be positive") }
        if reports != nil && shared.format == .text { throw ValidationError("--reports needs --format markdown or html") }
        if let shard, ShardSelector(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N") }
    }

    /// The results file, by whichever name it was given.
    private var resultsPath: String { results ?? legacyResults ?? "" }

    /// What every `analyze` this run starts is given besides the bundle: the rules, the zones, the window and
    /// `--redact`, so each bundle is read the way `licscope analyze` with the same options would read it.
    private func analyzeOptions(rulesDirectory: String) -> [String] {
        var options = ["--rules", rulesDirectory] + shared.zones.tz.flatMap { ["--tz", $0] }
        if let since = shared.since { options += ["--since", since.argument] }
        if let until = shared.until { options += ["--until", until.argument] }
        if shared.redact { options.append("--redact") }
        return options
    }

    func run() throws {
        let out = resultsPath
        let rulesDirectory = shared.rulesDirectory.standardizedFileURL.path
        _ = try RulesCommand.loadOrExit(URL(fileURLWithPath: rulesDirectory))
        _ = try shared.window(zones: shared.zones.resolver())
        var bundles: [String]
        do { bundles = try BundleDiscovery.bundles(in: paths) } catch { throw ValidationError("\(error)") }
        if let shard = shard.flatMap(ShardSelector.init) { bundles = bundles.filter { shard.contains(path: $0) } }
        if let reports { try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true) }

        let results: ResultsFile
        let existing: ResultsFile.Existing
        do {
            results = try ResultsFile(path: out)
            existing = try results.loadAndRepair()
        } catch {
            throw CommandFailure("\(error)")
        }
        if existing.repairedBytes > 0 { Terminal.warn("licscope: \(out): cut off a truncated last line (\(existing.repairedBytes) bytes) left by an interrupted run") }
        let scratch = try TriageScratch()
        defer { scratch.remove() }
        let self_ = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let configuration = TriageConfiguration(
            jobs: jobs, timeoutSeconds: timeout, maxMemoryMiB: maxMemory, failOn: failOn,
            analyzeOptions: analyzeOptions(rulesDirectory: rulesDirectory), workerExecutable: self_,
            analyzer: analyzer ?? self_, temporaryDirectory: scratch.path,
            reports: reports.map { ($0, shared.format.rawValue) }, environment: ProcessInfo.processInfo.environment)
        let progress = TriageProgressDisplay(enabled: Terminal.stderrIsTTY)
        let run = TriageRun(
            configuration: configuration, results: results, existing: existing.records,
            onProgress: { progress.show($0) })
        let interrupts = InterruptHandler { _ in run.cancel() }
        defer { interrupts.restore() }

        if watch == nil { run.process(bundles) } else { run.processInBackground(bundles) }
        if let watch {
            WatchLoop.run(
                folder: watch, run: run, settleSeconds: settle, intervalSeconds: min(1, settle),
                now: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }, sleep: { usleep(UInt32($0 * 1e6)) })
        }
        progress.finish()
        if run.registry.isCancelled && watch == nil {
            Terminal.warn("licscope: interrupted; \(out) holds every bundle finished so far, a rerun continues")
            scratch.remove()
            throw ExitCode(130)
        }
        let all = ResultsFile.parse((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()).records
        try writeSummary(TriageSummary(records: all))
        let code = TriageExitCode.code(for: all)
        if let first = run.outcome.errors.first { throw CommandFailure("cannot write \(out): \(first)") }
        if code != 0 { throw ExitCode(code) }
    }

    /// The summary in `--format`, to standard output or `-o FILE`, with placeholders under `--redact` (the results
    /// file keeps each bundle's path: it is how a rerun knows its work; what it holds of each analysis was already
    /// redacted by that analysis).
    private func writeSummary(_ summary: TriageSummary) throws {
        var text = SummaryRenderer.render(summary, format: shared.format.rawValue)
        if shared.format == .text { text += RunResources.current().line + "\n" }
        try shared.write(text)
    }
}
