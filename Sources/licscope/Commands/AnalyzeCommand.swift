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
            """)

    @Argument(help: "Inputs: files, folders, archives.", completion: .file())
    var paths: [String]

    @OptionGroup var rulesLocation: RulesCommand.Location
    @OptionGroup var zones: ZoneOptions

    @Option(help: "Output format: text, json, jsonl (Timesketch timeline), markdown, html.")
    var format: ReportFormat = .text

    @Option(help: "Exit 1 when a finding is at or above this severity (info, low, medium, high, critical).")
    var failOn: String = "low"

    @Flag(help: "Replace hosts, addresses, serials, UUIDs and account names with placeholders.")
    var redact = false

    @Option(help: "Say which selection failed for this rule (or why it matched).")
    var explain: String?

    @Option(name: .customLong("ca-file"), help: "Extra trust anchors (PEM), e.g. the customer's proxy CA. Repeatable.")
    var caFiles: [String] = []

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "Refuse (exit 2) inputs that hold more than one product instance (UDI) instead of merging them.")
    var strict = false

    @Flag(help: "Print the short form: verdict, findings table, connections, runway, what to collect (text; Markdown is this short form unless --full).")
    var summary = false

    @Flag(help: "Markdown: the full report (evidence, state timeline, inventory, assumptions) instead of the case-note summary.")
    var full = false

    @OptionGroup var colors: ColorOptions

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit code tells the result.")
    var quiet = false

    @Option(name: .customLong("min-level"), help: "Show only findings at or above this severity (the exit code still follows --fail-on).")
    var minLevel: RuleSeverity = .info

    func validate() throws {
        guard RuleSeverity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical")
        }
        for p in paths where !FileManager.default.fileExists(atPath: p) {
            throw ValidationError("no such file or directory: \(p)")
        }
        try OutputFile(output).validate()
        if summary && full { throw ValidationError("--summary and --full exclude each other") }
    }

    func run() throws {
        let rules = try RulesCommand.loadOrExit(rulesLocation.resolve())
        let catalog: MessageCatalog
        do { catalog = try MessageCatalog.bundled(rulesDirectory: rulesLocation.rules) } catch {
            throw CommandFailure("\(error)")
        }
        var pems: [String] = []
        for f in caFiles {
            guard let d = FileManager.default.contents(atPath: f) else { throw CommandFailure("cannot read --ca-file \(f)") }
            pems.append(String(decoding: d, as: UTF8.self))
        }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var options = AnalysisOptions(
            zones: try zones.resolver(), rules: rules, catalog: catalog, extraTrustAnchorsPEM: pems,
            workDirectory: scratch.path)
        let bar = ProgressBar(paths: paths)
        options.entryRead = { bar.fileDone(size: $0) }
        // The JSON Lines timeline writes every event's excerpt; the other formats only the findings'.
        options.keepLogExcerpts = format == .jsonl
        let outcome = AnalysisRun.run(
            paths: paths, options: options, failOn: RuleSeverity(rawValue: failOn) ?? .low,
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
        if quiet { throw ExitCode(outcome.report.verdict.exitCode) }
        var text = try ReportWriter.render(
            shown, format: format, color: colors.enabled(toFile: output != nil), summary: summary, full: full)
        if let explain {
            text += ReportWriter.explanation(explain, outcome: outcome, rules: rules, format: format)
        }
        if redact {
            var redactor = OutputRedactor()
            text = redactor.redact(text)
        }
        try OutputFile(output).write(text)
        if outcome.report.verdict.exitCode != 0 { throw ExitCode(outcome.report.verdict.exitCode) }
    }
}
