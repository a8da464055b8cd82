/// The one exit-code table every `licscope` command uses.
///
/// Ordered so that a finding is never hidden by a partial read: a run with findings and a damaged file exits 4, not
/// 3; a run that read nothing at all exits 5, never 0 like a healthy bundle. Skipped-but-intact files (a screenshot
/// in the bundle) are not damage.
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
    /// Everything read; no finding at or above `--fail-on`.
    case healthy = 0
    /// Findings at or above `--fail-on`; all input read.
    case findings = 1
    /// Usage error, unreadable rules, or an I/O error such as an output file that cannot be written.
    case usageOrIOError = 2
    /// Some input was partly unreadable (damaged, refused by a limit); no finding at or above `--fail-on`.
    case partlyUnreadable = 3
    /// Findings at or above `--fail-on`, and some input was partly unreadable.
    case findingsPartlyUnreadable = 4
    /// No evidence at all: an empty folder, or nothing the tool could read.
    case noEvidence = 5

    /// The exit status of a run: findings first, then the absence of any evidence, then damage.
    /// - Parameters:
    ///   - findings: a finding at or above the `--fail-on` threshold.
    ///   - partlyUnreadable: some input was damaged or refused (skipped-but-intact files do not count).
    ///   - evidence: at least one piece of evidence was read.
    public static func of(findings: Bool, partlyUnreadable: Bool, evidence: Bool) -> ExitStatus {
        if findings { return partlyUnreadable ? .findingsPartlyUnreadable : .findings }
        if !evidence { return .noEvidence }
        return partlyUnreadable ? .partlyUnreadable : .healthy
    }

    /// What the code means, in a few words.
    public var meaning: String {
        switch self {
        case .healthy: return "no finding at or above --fail-on"
        case .findings: return "findings"
        case .usageOrIOError: return "usage or I/O error"
        case .partlyUnreadable: return "input partly unreadable (results still written)"
        case .findingsPartlyUnreadable: return "findings, and input partly unreadable"
        case .noEvidence: return "no evidence found in the inputs"
        }
    }

    /// The table as printed in every command's help page.
    public static var helpTable: String {
        "Exit codes: " + allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}
