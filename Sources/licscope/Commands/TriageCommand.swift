import ArgumentParser
import Dispatch
import Foundation
import Rules
import Triage

/// `licscope triage DIR|FILES…`: many bundles, one JSON line each, in parallel, resumable, each analysis isolated.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Analyze many bundles: one JSON line per bundle in --out, then a summary.",
        discussion: """
            Each file given, and each entry at the top level of a folder given, is one bundle. Each is analyzed by \
            `licscope analyze` in its own process under --timeout and --max-memory; bundles whose SHA-256 is already \
            in --out are skipped, so a rerun continues. Lines follow docs/triage-schema.md (licscope.triage/1). \
            Exit codes: 0 no bundle with a finding at or above --fail-on and all analyzed in full; 1 findings; \
            2 usage or I/O error; 3 some bundle not analyzed in full; 4 both; 130 interrupted.
            """ + HelpExamples.triage)

    @Argument(help: "Bundles: files, or folders whose top-level entries are bundles.", completion: .file())
    var paths: [String] = []

    @Option(help: "The results file (JSON Lines); created, or continued when it exists.")
    var out: String

    @Option(help: "Bundles analyzed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "A finding at or above this severity counts.")
    var failOn: RuleSeverity = .low

    @OptionGroup var rulesLocation: RulesCommand.Location
    @OptionGroup var zones: ZoneOptions

    @Option(help: "Seconds one bundle's analysis may run.")
    var timeout: Double = 300

    @Option(help: "MiB of memory one bundle's analysis may use.")
    var maxMemory: Int = 2048

    /// What the summary on stdout can be.
    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html
    }

    @Option(help: "Summary format on stdout.")
    var format: SummaryFormat = .text

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
        guard jobs >= 1, timeout > 0, maxMemory >= 1 else { throw ValidationError("--jobs, --timeout and --max-memory must be positive") }
        if reports != nil && format == .text { throw ValidationError("--reports needs --format markdown or html") }
        if let shard, ShardSelector(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N") }
    }

    func run() throws {
        let rulesDirectory = rulesLocation.resolve().standardizedFileURL.path
        _ = try RulesCommand.loadOrExit(URL(fileURLWithPath: rulesDirectory))
        _ = try zones.resolver()
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
            analyzeOptions: ["--rules", rulesDirectory] + zones.tz.flatMap { ["--tz", $0] }, workerExecutable: self_,
            analyzer: analyzer ?? self_, temporaryDirectory: scratch.path, reports: reports.map { ($0, format.rawValue) },
            environment: ProcessInfo.processInfo.environment)
        let progress = TriageProgressDisplay(enabled: Terminal.stderrIsTTY)
        let run = TriageRun(
            configuration: configuration, results: results, existing: existing.records,
            onProgress: { progress.show($0) })
        let interrupts = InterruptHandler { run.cancel() }
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
        Terminal.write(SummaryRenderer.render(TriageSummary(records: all), format: format.rawValue))
        if format == .text { Terminal.write(RunResources.current().line + "\n") }
        let code = TriageExitCode.code(for: all)
        if let first = run.outcome.errors.first { throw CommandFailure("cannot write \(out): \(first)") }
        if code != 0 { throw ExitCode(code) }
    }
}
