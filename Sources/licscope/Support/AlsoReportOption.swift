import Analysis
import ArgumentParser
import Foundation
import Reports

/// Hidden `analyze --also-report FORMAT:PATH`: writes a second rendering of the same analysis (no second run).
/// `triage --reports` passes it so each bundle is analyzed once for both its JSON line and its full report.
struct AlsoReportOption: ParsableArguments {
    @Option(name: .customLong("also-report"), help: ArgumentHelp(visibility: .private))
    var specification: String?

    /// The format and path, nil when the option is absent or malformed.
    var target: (format: ReportFormat, path: String)? {
        guard let specification, let colon = specification.firstIndex(of: ":") else { return nil }
        let path = String(specification[specification.index(after: colon)...])
        guard let format = ReportFormat(rawValue: String(specification[..<colon])), !path.isEmpty else { return nil }
        return (format, path)
    }

    func validate() throws {
        guard specification != nil else { return }
        guard let target else { throw ValidationError("--also-report takes FORMAT:PATH (markdown:report.md)") }
        try OutputFile(target.path).validate()
    }

    /// Writes the second report. A failure is a warning: the main report is what the exit code speaks for.
    func write(_ outcome: AnalysisOutcome, redact: Bool) {
        guard let target else { return }
        do {
            // In memory, then written: a second report is HTML or Markdown (triage's), whose size grows with
            // distinct facts; the HTML timeline is walked without unfolding it.
            var text = try ReportWriter.write(outcome, format: target.format, color: false, full: true, to: ReportBytes()).text
            if redact {
                var redactor = OutputRedactor()
                text = redactor.redact(text)
            }
            try OutputFile(target.path).write(text)
        } catch {
            Terminal.warn("licscope: warning: --also-report: \(error)")
        }
    }
}
