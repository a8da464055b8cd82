import Analysis
import ArgumentParser
import Foundation
import LicensingModel
import Reports
import Rules
import TextIngest

/// `licscope analyze PATH…`: one command from a collected bundle to a verdict.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze a collected bundle: verdict first, then the state timeline, then the evidence inventory.",
        discussion: """
            PATH may be files, folders, zip, tar, tar.gz/tgz or gz archives (nested archives too); all are taken \
            together as one bundle. Files are recognised by content, not by name. \
            Inputs that describe more than one product instance (UDI) are merged with a warning; --strict refuses them. \
            \(ExitStatus.helpTable)
            """ + HelpExamples.analyze)

    @Argument(help: "Inputs: files, folders, archives, or - for standard input (a log, an output, a capture or an archive).", completion: .file())
    var paths: [String]

    @OptionGroup var shared: SharedOptions<ReportFormat>

    @Option(help: "Exit 1 when a finding is at or above this severity.")
    var failOn: RuleSeverity = .low

    @Option(help: "Say which selection failed for this rule (or why it matched).", completion: RuleIDs.completion)
    var explain: String?

    @Option(name: .customLong("ca-file"), help: "Extra trust anchors (PEM), e.g. the customer's proxy CA. Repeatable.")
    var caFiles: [String] = []

    @Flag(help: "Refuse (exit 2) inputs that hold more than one product instance (UDI) instead of merging them.")
    var strict = false

    @Flag(help: "Print the short form: verdict, findings table, connections, runway, what to collect (text, json, html; Markdown is this short form unless --full).")
    var summary = false

    @Flag(help: "Markdown: the full report (evidence, state timeline, inventory, assumptions) instead of the case-note summary.")
    var full = false

    @OptionGroup var alsoReport: AlsoReportOption

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit code tells the result.")
    var quiet = false

    @Option(name: .customLong("min-level"), help: "Show only findings at or above this severity (the exit code still follows --fail-on).")
    var minLevel: RuleSeverity = .info

    func validate() throws {
        guard paths.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("- (standard input) can be given only once") }
        for p in paths where p != "-" && !FileManager.default.fileExists(atPath: p) {
            throw ValidationError("no such file or directory: \(p)")
        }
        if summary && full { throw ValidationError("--summary and --full exclude each other") }
        if summary && shared.format == .jsonl { throw ValidationError("--summary has no JSON Lines form (jsonl is the timeline)") }
    }

    func run() throws {
        let rules = try RulesCommand.loadOrExit(shared.rulesDirectory)
        if let explain, rules.rule(id: explain) == nil {
            throw CommandFailure("--explain: no rule \(explain) in \(rules.directory?.path ?? "the built-in rules")")
        }
        let catalog: MessageCatalog
        do { catalog = try MessageCatalog.bundled(rulesDirectory: shared.rules) } catch {
            throw CommandFailure("\(error)")
        }
        var pems: [String] = []
        for f in caFiles {
            guard let d = FileManager.default.contents(atPath: f) else { throw CommandFailure("cannot read --ca-file \(f)") }
            pems.append(String(decoding: d, as: UTF8.self))
        }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var inputs = paths
        let zones = try shared.zones.resolver()
        var options = AnalysisOptions(
            zones: zones, rules: rules, catalog: catalog, extraTrustAnchorsPEM: pems, workDirectory: scratch.path)
        options.window = try shared.window(zones: zones)
        if let index = paths.firstIndex(of: "-") {
            inputs[index] = try StandardInput.spool(into: scratch.path)
            options.displayNames[inputs[index]] = StandardInput.displayName
        }
        let bar = ProgressBar(paths: paths)
        options.entryRead = { bar.fileDone(size: $0) }
        let outcome = AnalysisRun.run(
            paths: inputs, options: options, failOn: failOn,
            toolVersion: LicscopeVersion.current)
        bar.finish()
        let instances = outcome.report.productInstances
        if instances.count > 1 {
            let list = instances.joined(separator: "; ")
            if strict {
                throw CommandFailure("the inputs hold \(instances.count) product instances (\(list)); analyze each separately")
            }
            Terminal.warn("licscope: warning: the inputs hold \(instances.count) product instances (\(list)); "
                + "their evidence was merged into one timeline (--strict refuses)")
        }
        var shown = outcome
        shown.report.findings = outcome.report.findings.filter { $0.severity >= minLevel }
        if let explain { shown.report.explanation = outcome.evaluation?.explanation(for: explain) }
        alsoReport.write(shown, redact: shared.redact)
        if quiet { throw ExitCode(outcome.report.verdict.exitCode) }
        if let window = outcome.report.window { Terminal.warn("licscope: \(window.assumption)") }
        for problem in outcome.lineFiles.problems { Terminal.warn("licscope: warning: \(problem)") }
        let output = try shared.outputFile.openForStreaming()
        var out = OutputSink.stream(fd: output.fd, redact: shared.redact)
        try ReportWriter.write(
            shown, format: shared.format, color: shared.colored, summary: summary, full: full, explain: explain != nil,
            to: &out, warn: { Terminal.warn("licscope: warning: \($0)") })
        try output.finish()
        if outcome.report.verdict.exitCode != 0 { throw ExitCode(outcome.report.verdict.exitCode) }
    }
}
