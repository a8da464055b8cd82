import Foundation
import LicensingModel
import Rules
import StateEngine
import Timeline

/// The result of `licscope analyze`, as one value: the verdict and findings first, then the state timeline, then the
/// evidence inventory. Every renderer (text, Markdown, HTML, JSON Lines) works from this value only. It holds the
/// engine's and the rules' types and is not itself encoded: its JSON form, the versioned schema documented in
/// `docs/report-schema.md` (`licscope.analysis/1`), is ``AnalysisDocument``, Reports' own types mapped from it.
public struct AnalysisReport: Sendable {
    /// Schema name and version. Additive changes keep the version; removals or renames bump it.
    public var schema = "licscope.analysis/1"
    /// The tool that wrote it.
    public var tool: ToolInfo
    /// The paths given on the command line, redacted when `--redact` was given.
    public var inputs: [String]
    /// The one-paragraph answer.
    public var verdict: Verdict
    /// Findings, most severe first.
    public var findings: [Finding]
    /// Rules that could not be evaluated for missing evidence, with what to collect.
    public var notEvaluated: [NotEvaluated]
    /// State intervals per dimension.
    public var states: [StateInterval]
    /// Every state change, with cause and evidence.
    public var transitions: [TransitionRow]
    /// Deadlines ahead of the last evidence.
    public var deadlines: [Deadline]
    /// What happens if no communication succeeds after the last evidence.
    public var runway: [TransitionRow]
    /// Evidence that does not fit the model.
    public var anomalies: [EngineAnomaly]
    /// Compact per-dimension histories (`authorization: NAxA`).
    public var history: [String: String]
    /// Each `show license` output checked against the replayed state.
    public var snapshots: [SnapshotCheck]
    /// Clock skew between logs and captures, when found.
    public var skew: SkewEstimate?
    /// Every input file: what it was read as, how much, or why not.
    public var inventory: [InventoryEntry]
    /// Every assumption made reading times (zones, years, placement, skew), deduplicated.
    public var assumptions: [String]
    /// The same assumptions per file, each with the count of lines it covers (``AssumptionGroup``).
    public var assumptionGroups: [AssumptionGroup] = []
    /// The zone each source that prints none was read in, and why (nil in reports of older versions).
    public var timeZones: [SourceZone]?
    /// First and last evidence instants.
    public var evidenceStart: Date?
    public var evidenceEnd: Date?
    /// How many events the timeline holds (the events themselves are in the JSON Lines timeline).
    public var eventCount: Int
    /// The distinct product instances (UDIs) the inputs describe; more than one means several systems were merged.
    public var productInstances: [String] = []
    /// The connection ladders the captures show, identical attempts grouped.
    public var connections: [ConnectionRow] = []
    /// `--since` / `--until`: the window evidence was kept from; nil without one.
    public var window: AnalysisWindow?
    /// `--explain RULE`: why that rule matched, did not, or was not evaluated; nil without the option.
    public var explanation: RuleExplanation?

    /// The tool.
    public struct ToolInfo: Sendable, Hashable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// The answer in brief.
    public struct Verdict: Sendable, Hashable {
        /// One or two sentences: the worst finding, or "no known problem found" with the state.
        public var summary: String
        /// The highest severity among findings, nil when none.
        public var worstSeverity: RuleSeverity?
        /// The exit code the run ends with.
        public var exitCode: Int32
        /// True when some input could not be read in full.
        public var partlyUnreadable: Bool
        public init(summary: String, worstSeverity: RuleSeverity?, exitCode: Int32, partlyUnreadable: Bool) {
            self.summary = summary
            self.worstSeverity = worstSeverity
            self.exitCode = exitCode
            self.partlyUnreadable = partlyUnreadable
        }
    }

    /// A state change.
    public struct TransitionRow: Sendable, Hashable {
        public var at: Date
        public var dimension: StateDimension
        public var from: String
        public var to: String
        public var cause: String
        public var byTimer: Bool
        public var evidence: [SourcePointer]

        /// From an engine transition.
        public init(_ t: Transition) {
            at = t.at
            dimension = t.dimension
            from = t.from
            to = t.to
            cause = t.cause
            byTimer = t.byTimer
            evidence = t.evidence
        }
    }

    /// One input file in the inventory.
    public struct InventoryEntry: Sendable, Hashable {
        /// How the file ended up.
        public enum Status: String, Sendable, Hashable {
            case parsed, skipped, refused
            case partlyUnreadable = "partly_unreadable"
        }
        /// `bundle.zip!cm/trace/slm/log4j/slm.log`.
        public var path: String
        /// What it was read as (`cli`, `license_manager_log`, `pcap`, `binary`…).
        public var parsedAs: String
        public var status: Status
        /// Why it was skipped or refused, or what was damaged (with offset, line or frame).
        public var reason: String?
        public var bytes: Int?
        public var lines: Int?
        public var frames: Int?
        public var events: Int
        /// How it was read (`libpcap 1.10.3`, `gzip`, `cuslmsvr-trace`).
        /// The archive member's own modification time (zip/tar header), when it is one.
        public var memberDate: Date?
        public var reader: String?
        /// The member's name as its archive stores it, when that differs from `path`'s last part (`./cm/slm.log`):
        /// what a reproduction hint gives `tar` or `unzip`.
        public var storedName: String?

        /// Creates an entry.
        public init(
            path: String, parsedAs: String, status: Status, reason: String? = nil, bytes: Int? = nil,
            lines: Int? = nil, frames: Int? = nil, events: Int = 0, reader: String? = nil
        ) {
            self.path = path
            self.parsedAs = parsedAs
            self.status = status
            self.reason = reason
            self.bytes = bytes
            self.lines = lines
            self.frames = frames
            self.events = events
            self.reader = reader
        }
    }
}

extension AnalysisReport {
    /// The JSON encoder of the analysis document (``AnalysisDocument``): snake_case keys, ISO-8601 UTC dates, sorted
    /// keys.
    public static func jsonEncoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(date.iso8601UTC)
        }
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
