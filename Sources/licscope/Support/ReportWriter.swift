import Analysis
import ArgumentParser
import Foundation
import LicensingModel
import Reports
import Rules

/// Renders an analysis in the requested format.
enum ReportWriter {
    /// Writes the report into `out` (the command's output stream, or memory) and finishes the stream. JSON Lines and
    /// HTML are streamed: written a block at a time as the timeline is walked (``TimelineOccurrences``), never
    /// unfolded into one array nor built as one string; JSON Lines records are rendered and written on a second
    /// thread (``EventOutputPipe``) while this one walks and re-reads. The other formats hold only distinct facts (findings, states,
    /// inventory) and are rendered whole. `summary` asks for the short form: text, JSON
    /// (`licscope.analysis-summary/1`), HTML, and Markdown, whose default it is unless `full`. JSON Lines is a
    /// timeline and has no short form (the command refuses `--summary` with it). `explain` appends the `--explain RULE`
    /// section to text and Markdown. The JSON Lines timeline's log records get their line's excerpt and printed
    /// timestamp re-read from the file (``LogLineTexts``); `warn` is told of each file that could not be re-read
    /// (changed since it was analyzed).
    static func write<Sink: ReportSink>(
        _ outcome: AnalysisOutcome, format: ReportFormat, color: Bool, summary: Bool = false, full: Bool = false,
        explain: Bool = false, to out: inout ReportStream<Sink>, warn: (String) -> Void = { _ in }
    ) throws {
        let r = outcome.report
        switch format {
        case .jsonl:
            var texts = outcome.lineFiles.texts()
            // This thread walks the timeline and re-reads each record's line; the pipe's renders and writes the
            // records meanwhile, in the same order (the sequential ``TimelineJSONLRenderer/write``'s bytes).
            let pipe = EventOutputPipe(out, format: .jsonl)
            TimelineJSONLRenderer.walk(outcome.timeline, report: r) { (event: consuming Event) in
                var e = event
                texts.fill(&e)
                _ = pipe.send(e)
            } finding: { pipe.send(record: $0) }
            out = pipe.drained()
            texts.problems.dropFirst(outcome.lineFiles.problems.count).forEach(warn)
        case .html where !summary: AnalysisHTMLRenderer.write(r, timeline: outcome.timeline, to: &out)
        case .html: out.append(AnalysisHTMLRenderer.renderSummary(r))
        case .markdown: out.append(full ? AnalysisMarkdownRenderer.render(r) : AnalysisMarkdownRenderer.renderSummary(r))
        case .text where summary: out.append(AnalysisSummaryRenderer.render(r))
        case .text: out.append(AnalysisTextRenderer.render(r, color: color))
        case .json where summary: out.append(try AnalysisJSONRenderer.renderSummary(r))
        case .json: out.append(try AnalysisJSONRenderer.render(r))
        }
        if explain { out.append(explanation(r, format: format)) }
        out.finish()
    }

    /// The `--explain RULE` section appended to a text or Markdown report (JSON and HTML carry the report's
    /// explanation in their own shape, summary or not).
    static func explanation(_ report: AnalysisReport, format: ReportFormat) -> String {
        switch format {
        case .markdown: return ExplanationText.markdown(report)
        case .text: return ExplanationText.text(report)
        case .json, .jsonl, .html: return ""
        }
    }
}
