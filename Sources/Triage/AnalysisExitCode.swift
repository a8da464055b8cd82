/// What `licscope analyze`'s exit code means — the one table to change when the exit codes change.
public enum AnalysisExitCode: String, Sendable, Hashable, CaseIterable {
    case clean
    case findings
    case usageOrIOError = "usage_or_io_error"
    case partlyUnreadable = "partly_unreadable"
    case findingsPartlyUnreadable = "findings_partly_unreadable"
    case noEvidence = "no_evidence"
    /// A code the table does not know (a newer analyzer): the report, when written, still says what happened.
    case unknown

    /// `analyze`'s exit codes: 0 no finding at or above `--fail-on`, 1 findings, 2 usage or I/O error,
    /// 3 input partly unreadable, 4 findings and input partly unreadable, 5 no evidence at all.
    public static let table: [Int32: AnalysisExitCode] = [
        0: .clean, 1: .findings, 2: .usageOrIOError, 3: .partlyUnreadable, 4: .findingsPartlyUnreadable,
        5: .noEvidence,
    ]

    /// The meaning of `code`.
    public init(code: Int32) { self = Self.table[code] ?? .unknown }

    /// Whether the analysis wrote a report when it exited with this meaning.
    public var reportExpected: Bool { self != .usageOrIOError }
}

/// The exit code of `licscope triage` over a whole batch, with the same shape as `analyze`'s.
public enum TriageExitCode {
    /// 0 no bundle with a finding at or above `--fail-on` and every bundle analyzed in full; 1 findings;
    /// 3 some bundle could not be analyzed in full (failed, timed out, crashed, partly unreadable, no evidence);
    /// 4 both.
    public static func code(for records: [TriageRecord]) -> Int32 {
        let findings = records.contains { ["findings", "findings_partly_unreadable"].contains($0.verdict?.status) }
        let incomplete = records.contains { record in
            record.outcome != .analyzed
                || ["partly_unreadable", "findings_partly_unreadable", "no_evidence", "error"].contains(record.verdict?.status)
        }
        switch (findings, incomplete) {
        case (false, false): return 0
        case (true, false): return 1
        case (false, true): return 3
        case (true, true): return 4
        }
    }

    /// Usage error, or the results file could not be written.
    public static let usageOrIOError: Int32 = 2
}
