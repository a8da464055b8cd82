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

    /// Writes the second report, streamed to its file as the main report is (`--redact` applied to it too, with a
    /// mapping of its own). A failure is a warning: the main report is what the exit code speaks for.
    func write(_ outcome: AnalysisOutcome, redact: Bool) {
        guard let target else { return }
        let file = OutputFile(target.path)
        do {
            let output = try file.openForStreaming()
            var out = ReportStream(
                sink: OutputSink(fd: output.fd, redactor: redact ? OutputRedactor() : nil, failureEndsCommand: false),
                blockSize: OutputSink.blockSize)
            try ReportWriter.write(outcome, format: target.format, color: false, full: true, to: &out)
            if let failure = out.sink.failure {
                output.discard()
                throw CommandFailure("cannot write \(target.path): \(failure)")
            }
            try output.finish()
        } catch {
            Terminal.warn("licscope: warning: --also-report: \(error)")
        }
    }
}
