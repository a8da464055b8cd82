import Foundation
import LicensingModel

/// One line of the triage results (`licscope.triage/1`, documented in `docs/triage-schema.md`): everything a batch
/// needs to sort one bundle, or what went wrong analyzing it. Encoded as one JSON object on one line.
public struct TriageRecord: Sendable, Codable, Hashable {
    /// The schema this line follows.
    public static let schemaName = "licscope.triage/1"

    public var schema = TriageRecord.schemaName
    /// The bundle as given (a file, or a top-level folder of an input directory).
    public var path: String
    /// `file` or `folder`.
    public var kind: String
    /// The bundle's identity: SHA-256 of the file, or of the folder's canonical listing (see the schema page);
    /// absent for a bundle that could not be read at all.
    public var sha256: String?
    /// Bytes in the bundle (a folder: its regular files together).
    public var bytes: Int
    /// How the analysis process ended (see `TriageOutcome`).
    public var outcome: TriageOutcome
    /// What the analysis concluded; absent when it produced no report.
    public var verdict: Verdict?
    /// Findings, most severe first.
    public var findings: [FindingRow] = []
    /// The state of each dimension at the end of the evidence.
    public var finalStates: [String: String] = [:]
    /// Deadlines ahead of the last evidence.
    public var deadlines: [DeadlineRow] = []
    /// What happens if nothing succeeds after the last evidence.
    public var runway: [RunwayRow] = []
    /// The last evidence instant (ISO-8601 UTC).
    public var evidenceEnd: String?
    /// Counts over the bundle's inventory.
    public var inventory: InventorySummary?
    /// Every inventory entry that was not parsed in full, with the reason.
    public var damage: [DamageRow] = []
    /// The analysis process: its exit status and what it means.
    public var analysis: ProcessRow
    /// Wall time of the analysis, seconds (machine-dependent; excluded when comparing runs).
    public var wallSeconds: Double
    /// Peak resident memory of the analysis process, bytes (machine-dependent).
    public var peakMemoryBytes: Int
    /// The full report written for this bundle under `--reports`, when asked for.
    public var report: String?
    /// Other paths of this run with identical content (the same bundle; not analyzed again).
    public var sameContent: [String]?

    /// Creates a record; everything the analysis reported is filled in afterwards.
    public init(
        path: String, kind: String, sha256: String?, bytes: Int, outcome: TriageOutcome, analysis: ProcessRow,
        wallSeconds: Double, peakMemoryBytes: Int
    ) {
        self.path = path
        self.kind = kind
        self.sha256 = sha256
        self.bytes = bytes
        self.outcome = outcome
        self.analysis = analysis
        self.wallSeconds = wallSeconds
        self.peakMemoryBytes = peakMemoryBytes
    }

    /// The verdict in brief.
    public struct Verdict: Sendable, Codable, Hashable {
        /// `clean`, `findings`, `partly_unreadable`, `findings_partly_unreadable`, `no_evidence`, `error`.
        public var status: String
        public var summary: String
        public var worstSeverity: String?
    }

    /// A finding: rule id, revision and severity.
    public struct FindingRow: Sendable, Codable, Hashable {
        public var id: String
        public var rev: Int
        public var severity: String
    }

    /// A deadline ahead of the evidence.
    public struct DeadlineRow: Sendable, Codable, Hashable {
        public var name: String
        public var due: String
        public var consequence: String?
    }

    /// A projected state change.
    public struct RunwayRow: Sendable, Codable, Hashable {
        public var at: String
        public var dimension: String
        public var to: String
    }

    /// Inventory counts.
    public struct InventorySummary: Sendable, Codable, Hashable {
        public var files: Int
        public var parsed: Int
        public var skipped: Int
        public var refused: Int
        public var partlyUnreadable: Int
        public var events: Int
    }

    /// An input file that was refused, skipped or partly unreadable.
    public struct DamageRow: Sendable, Codable, Hashable {
        public var path: String
        public var status: String
        public var reason: String?
    }

    /// The analysis process's end.
    public struct ProcessRow: Sendable, Codable, Hashable {
        /// Exit code, when it exited.
        public var exitCode: Int32?
        /// What the exit code means (`AnalysisExitCode`), when it exited.
        public var meaning: String?
        /// The signal that ended it, when one did.
        public var signal: Int32?
        /// What happened, in one sentence, when it did not end normally (with the tail of its stderr).
        public var detail: String?
    }
}

/// How a bundle's analysis process ended.
public enum TriageOutcome: String, Sendable, Codable, Hashable, CaseIterable {
    /// It wrote its report (whatever the report says).
    case analyzed
    /// It exited without a usable report (I/O or usage error, unreadable report).
    case failed
    /// It ran past `--timeout` and its process group was killed.
    case timedOut = "timed_out"
    /// The bundle itself could not be read (permissions, not a file or folder); no analysis ran.
    case unreadable
    /// It ran into `--max-memory`.
    case memoryLimit = "memory_limit"
    /// It died of a signal.
    case crashed
}

extension TriageRecord {
    /// The encoder for results lines: sorted keys, snake_case, no escaped slashes, one line.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }

    /// The decoder for results lines.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }

    /// The line of a bundle that could not be read at all.
    public static func unreadable(path: String, reason: String) -> TriageRecord {
        var record = TriageRecord(
            path: path, kind: "other", sha256: nil, bytes: 0, outcome: .unreadable, analysis: .init(), wallSeconds: 0,
            peakMemoryBytes: 0)
        record.analysis.detail = reason
        return record
    }

    /// The line as written to the results file, newline included.
    public func line() throws -> Data {
        var data = JSONText.escapingFormatCharacters(try Self.encoder().encode(self))
        data.append(0x0A)
        return data
    }
}
