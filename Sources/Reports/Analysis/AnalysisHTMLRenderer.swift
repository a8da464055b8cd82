import Foundation
import LicensingModel
import Rules

/// Renders an ``AnalysisReport`` as one self-contained HTML file: inline CSS, an inline SVG timeline, no script and
/// nothing fetched (a Content-Security-Policy forbids it), every string escaped.
public enum AnalysisHTMLRenderer {
    /// The report as an HTML document; the timeline's event ticks come from the report itself (transitions,
    /// finding evidence, snapshots, anomalies).
    /// - Parameter r: the report.
    /// - Returns: the document.
    public static func render(_ r: AnalysisReport) -> String {
        render(r, events: [])
    }

    /// The report as an HTML document, with one timeline tick per pixel column for the given events as well.
    /// - Parameters:
    ///   - r: the report.
    ///   - events: the timeline's events in timeline order, folded or not (untimed ones are ignored).
    /// - Returns: the document.
    public static func render(_ r: AnalysisReport, events: [Event]) -> String {
        var out = ReportStream(sink: ReportBytes())
        write(r, timeline: TimelineOccurrences(events), to: &out)
        out.finish()
        return out.sink.text
    }

    /// Writes the report as an HTML document to `out`, section by section (a finding at a time), the timeline's
    /// ticks counted over every occurrence of its events as it walks them (``TimelineOccurrences``). Nothing grows
    /// with the number of occurrences; call ``ReportStream/finish()`` afterwards.
    /// - Parameters:
    ///   - r: the report.
    ///   - timeline: the timeline's events (untimed ones are ignored).
    ///   - out: where the document goes.
    public static func write<Sink: ReportSink>(_ r: AnalysisReport, timeline: TimelineOccurrences, to out: inout ReportStream<Sink>) {
        out.append(documentHead(r))
        out.append(header(r))
        out.append(verdict(r))
        out.append(timelineFigure(r, timeline: timeline))
        findings(r, to: &out)
        for section in [explanation, notEvaluated, connections, stateTimeline, inventory, assumptions] { out.append(section(r)) }
        out.append(documentFoot(r))
    }

    /// The self-contained page around `body`: head with the inline CSS and the policy that forbids fetching
    /// anything, then the body and a footer naming the tool and the schema.
    static func document(_ r: AnalysisReport, body: String) -> String {
        documentHead(r) + body + documentFoot(r)
    }

    /// The page up to the body's content: the head with the inline CSS and the policy that forbids fetching anything.
    static func documentHead(_ r: AnalysisReport) -> String {
        let inputs = r.inputs.joined(separator: ", ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <link rel="icon" href="data:,">
            <title>licscope analysis — \(HTMLText.escape(inputs))</title>
            <style>
            \(HTMLText.css)
            </style>
            </head>
            <body>

            """
    }

    /// The footer naming the tool and the schema, and the end of the page.
    static func documentFoot(_ r: AnalysisReport) -> String {
        "<footer class=\"muted\"><p>\(HTMLText.escape("\(r.tool.name) \(r.tool.version) · schema \(r.schema)"))</p></footer>\n"
            + "</body>\n</html>\n"
    }

    /// `--explain RULE`: the rule's outcome and each selection's, as the text report prints them.
    static func explanation(_ r: AnalysisReport) -> String {
        guard let e = r.explanation else { return "" }
        return "<section id=\"explain\"><h2>Explain \(HTMLText.escape(e.id))</h2>\n<details open><summary>"
            + "\(HTMLText.escape(e.title))</summary>\n<pre>\(ExplanationText.lines(e, HTMLText.escape))</pre></details></section>\n"
    }

    static func header(_ r: AnalysisReport) -> String {
        "<header><h1>licscope analysis — \(HTMLText.escape(r.inputs.isEmpty ? "no input" : r.inputs.joined(separator: ", ")))</h1>\n"
            + "<p class=\"meta\">evidence \(AnalysisFormatting.time(r.evidenceStart)) → \(AnalysisFormatting.time(r.evidenceEnd))"
            + " · \(AnalysisFormatting.plural(r.eventCount, "event")) · all times UTC</p></header>\n"
    }

    static func verdict(_ r: AnalysisReport) -> String {
        let sev = r.verdict.worstSeverity.map { " sev-\($0.rawValue)" } ?? ""
        var out = "<section class=\"verdict\(sev)\" id=\"verdict\"><h2>Verdict</h2>\n"
        if let s = r.verdict.worstSeverity { out += "<p>\(badge(s))</p>\n" }
        out += "<p class=\"summary\">\(HTMLText.escape(r.verdict.summary))</p>\n"
        var tally = AnalysisFormatting.findingsTally(r.findings)
        if !r.notEvaluated.isEmpty { tally += " · \(AnalysisFormatting.plural(r.notEvaluated.count, "rule")) not evaluated" }
        out += "<p>\(HTMLText.escape("\(tally) · exit code \(r.verdict.exitCode): \(AnalysisFormatting.exitMeaning(r.verdict.exitCode))"))</p>\n"
        if r.verdict.partlyUnreadable {
            out += "<p class=\"warn\">Some input could not be read in full — see the <a href=\"#inventory\">inventory</a>.</p>\n"
        }
        out += timeZones(r)
        return out + "</section>\n"
    }

    /// The zone each zone-less source was read in, as the text and Markdown reports show it under the verdict.
    private static func timeZones(_ r: AnalysisReport) -> String {
        let lines = r.timeZoneLines
        guard !lines.isEmpty else { return "" }
        var out = "<p class=\"label\">Time zones of sources that print none</p>\n<ul class=\"zones\">"
        for l in lines {
            out += "<li>\(HTMLText.prose(l.text))"
            if let w = l.warning { out += "<br><span class=\"warn\">Warning: \(HTMLText.prose(w))</span>" }
            out += "</li>"
        }
        return out + "</ul>\n"
    }

    private static func timelineFigure(_ r: AnalysisReport, timeline: TimelineOccurrences) -> String {
        var out = "<section id=\"timeline\"><h2>Timeline</h2>\n"
        guard let svg = TimelineSVG(report: r) else { return out + "<p class=\"muted\">No timed evidence.</p></section>\n" }
        out += svg.render(timeline: timeline) + svg.legend()
        return out + "</section>\n"
    }

    /// The findings, one at a time.
    private static func findings<Sink: ReportSink>(_ r: AnalysisReport, to out: inout ReportStream<Sink>) {
        out.append("<section id=\"findings\"><h2>Findings</h2>\n")
        if r.findings.isEmpty { return out.append("<p>No rule matched.</p></section>\n") }
        let hints = ReproductionHint(inventory: r.inventory)
        for (i, f) in r.findings.enumerated() { out.append(finding(f, number: i + 1, hints: hints)) }
        out.append("</section>\n")
    }

    private static func finding(_ f: Finding, number: Int, hints: ReproductionHint) -> String {
        var out = "<article class=\"finding sev-\(f.severity.rawValue)\" id=\"finding-\(number)\">\n"
        out += "<h3>\(badge(f.severity)) \(number). <code>\(HTMLText.escape(f.id))</code> rev \(f.rev) — \(HTMLText.escape(f.title))</h3>\n"
        var conf = "\(f.kind.rawValue) · confidence \(f.confidence.rawValue)"
        if let note = f.confidenceNote { conf += " — \(note)" }
        out += "<p class=\"muted\">\(HTMLText.escape(conf))</p>\n<p>\(HTMLText.prose(f.verdict))</p>\n"
        if !f.explain.isEmpty { out += "<p><span class=\"label\">Why:</span> \(HTMLText.prose(f.explain))</p>\n" }
        out += "<details class=\"evidence\"><summary>Evidence: \(AnalysisFormatting.plural(f.evidence.count, "item")), "
            + "\(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))</summary>\n<ol>\n"
        for e in f.evidence {
            out += "<li><code>\(AnalysisFormatting.time(e.time, placeholder: "untimed"))</code> \(HTMLText.escape(e.label)) — "
                + "<code>\(HTMLText.escape(e.source?.description ?? "no source"))</code>"
                + ((e.count ?? 1) > 1 ? " <span class=\"muted\">\(HTMLText.escape(AnalysisFormatting.repeats(e.count, last: e.lastTime)))</span>" : "")
            if let x = e.excerpt { out += "<pre>\(AnalysisFormatting.excerptLines(x).map(HTMLText.escape).joined(separator: "\n"))</pre>" }
            if let c = hints.command(for: e) { out += "<pre class=\"cmd\">$ \(HTMLText.escape(c))</pre>" }
            out += "</li>\n"
        }
        out += "</ol>\n"
        if f.evidenceOmitted > 0 {
            out += "<p class=\"muted\">… \(AnalysisFormatting.plural(f.evidenceOmitted, "more evidence item")) not shown</p>\n"
        }
        out += "</details>\n"
        for note in AnalysisTables.notes(f) {
            out += "<p><span class=\"label\">\(HTMLText.escape(note.label)):</span> \(HTMLText.prose(note.text))</p>\n"
        }
        for list in AnalysisTables.lists(f) {
            out += "<p class=\"label\">\(HTMLText.escape(list.label))</p><ul>"
                + list.items.map { "<li>\(HTMLText.prose($0))</li>" }.joined() + "</ul>\n"
        }
        if !f.references.isEmpty {
            out += "<p><span class=\"label\">References:</span> " + f.references.map(reference).joined(separator: " · ") + "</p>\n"
        }
        return out + "</article>\n"
    }

    /// A link for an `https://` reference (escaped, opened by the reader's choice), plain text otherwise.
    private static func reference(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("https://") || t.hasPrefix("http://"), !t.contains(" ") else { return HTMLText.escape(t) }
        return "<a href=\"\(HTMLText.escape(t))\" rel=\"noreferrer\">\(HTMLText.escape(t))</a>"
    }

    static func badge(_ s: RuleSeverity) -> String {
        "<span class=\"sev sev-\(s.rawValue)\">\(AnalysisFormatting.severity(s))</span>"
    }

    private static func notEvaluated(_ r: AnalysisReport) -> String {
        guard !r.notEvaluated.isEmpty else { return "" }
        return "<section id=\"not-evaluated\"><h2>Not evaluated — collect the evidence these rules need</h2>\n"
            + HTMLText.table(AnalysisTables.notEvaluated(r)) + "<p class=\"label\">Collect (each once, for all the rules above)</p><ul>"
            + AnalysisTables.notEvaluatedCollect(r).map { "<li>\(HTMLText.prose($0))</li>" }.joined() + "</ul></section>\n"
    }
}
