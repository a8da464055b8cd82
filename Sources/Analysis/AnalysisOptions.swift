import Foundation
import BundleIngest
import LicensingModel
import Rules
import TextIngest

/// Everything `licscope analyze` (and `triage`, and `rules test` on raw fixtures) can set.
public struct AnalysisOptions: Sendable {
    /// Zone readings (`--tz`).
    public var zones: ZoneResolver
    /// The rules to evaluate; nil evaluates none (ingestion only).
    public var rules: RuleSet?
    /// The message catalog for logs.
    public var catalog: MessageCatalog
    /// PEM text of extra trust anchors (`--ca-file`).
    public var extraTrustAnchorsPEM: [String]
    /// Archive limits.
    public var limits: BundleLimits
    /// Where archives are extracted (a private directory is made inside and removed afterwards).
    public var workDirectory: String
    /// The timers in force.
    public var timers: LicensingTimers
    /// The readers bundle entries are read with (``EvidenceReaderRegistry/standard`` unless a caller adds one).
    public var readers: EvidenceReaderRegistry = .standard
    /// Whether every log event keeps its line's text (excerpt and printed timestamp, ``LogIngestOptions/keepLineText``).
    /// When false (the default), ``AnalysisRun/run`` holds neither (a dense trace has hundreds of thousands of event
    /// lines, and a printed timestamp differs per line, so events keeping it would not fold): it re-reads the lines
    /// the findings show, and the JSON Lines timeline re-reads each record's line as it is written
    /// (``AnalysisOutcome/lineFiles``). Set it for events that must carry their text themselves (rule fixtures).
    public var keepLogLineText = false
    /// Whether repeats of the same log message are folded into one event (``LogIngestOptions/foldRepeats``), so
    /// memory grows with distinct facts rather than lines; the analysis reads every occurrence all the same, and its
    /// result is the one without folding.
    public var foldRepeats = true
    /// `--since` / `--until`: only events inside it are analyzed (nil: all).
    public var window: TimeWindow?
    /// Names shown for inputs instead of their paths (standard input spooled to a file is `<stdin>`).
    public var displayNames: [String: String] = [:]
    /// Told the size of each bundle entry once it has been read (a progress bar), when set.
    public var entryRead: (@Sendable (_ bytes: Int) -> Void)?

    /// Creates options.
    public init(
        zones: ZoneResolver = ZoneResolver(), rules: RuleSet?, catalog: MessageCatalog,
        extraTrustAnchorsPEM: [String] = [], limits: BundleLimits = .default,
        workDirectory: String = FileManager.default.temporaryDirectory.path, timers: LicensingTimers = .cucm
    ) {
        self.zones = zones
        self.rules = rules
        self.catalog = catalog
        self.extraTrustAnchorsPEM = extraTrustAnchorsPEM
        self.limits = limits
        self.workDirectory = workDirectory
        self.timers = timers
    }
}
