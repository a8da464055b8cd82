import LicensingModel
import Rules

/// Everything a triage run needs to analyze one bundle the same way as every other.
public struct TriageConfiguration: Sendable {
    /// Bundles analyzed at once.
    public var jobs: Int
    /// Seconds one analysis may run before its process group is killed.
    public var timeoutSeconds: Double
    /// The memory one analysis may use, MiB (`RLIMIT_DATA` set by the worker on itself before it runs the analyzer).
    public var maxMemoryMiB: Int
    /// Findings at or above this severity count as findings.
    public var failOn: RuleSeverity
    /// Extra `analyze` options passed through (`--rules DIR`, `--tz …`).
    public var analyzeOptions: [String]
    /// This licscope executable (it runs the hidden worker subcommand).
    public var workerExecutable: String
    /// The program run as `PROGRAM analyze …` for each bundle: this licscope, unless `--analyzer` names a wrapper.
    public var analyzer: String
    /// A private temporary directory for this run; every analysis works under it and it is removed at the end.
    public var temporaryDirectory: String
    /// Where full per-bundle reports go, and their format (`markdown` or `html`); nil writes none.
    public var reports: (directory: String, format: String)?
    /// The environment the analyses run with (`TMPDIR` is set per bundle).
    public var environment: [String: String]

    /// Creates a configuration.
    public init(
        jobs: Int, timeoutSeconds: Double, maxMemoryMiB: Int, failOn: RuleSeverity, analyzeOptions: [String],
        workerExecutable: String, analyzer: String, temporaryDirectory: String,
        reports: (directory: String, format: String)?, environment: [String: String]
    ) {
        self.jobs = max(1, jobs)
        self.timeoutSeconds = timeoutSeconds
        self.maxMemoryMiB = maxMemoryMiB
        self.failOn = failOn
        self.analyzeOptions = analyzeOptions
        self.workerExecutable = workerExecutable
        self.analyzer = analyzer
        self.temporaryDirectory = temporaryDirectory
        self.reports = reports
        self.environment = environment
    }

    /// The hidden worker's argument list: it limits its own memory, then runs `analyzer analyze ARGS…`.
    func workerArguments(analyze arguments: [String]) -> [String] {
        let backstop = Int(saturating: timeoutSeconds.rounded(.up)).addingReportingOverflow(30).partialValue
        return [WorkerLimits.subcommand, "--max-memory", String(maxMemoryMiB), "--time-limit", String(backstop), "--", analyzer, "analyze"]
            + arguments
    }
}
