import Foundation
import LicensingModel
import Rules

/// Renders an ``AnalysisReport`` as Markdown to paste into a TAC case. ``renderSummary(_:)`` is the case note
/// `analyze --format markdown` writes by default; ``render(_:)`` the full report (`--full`): the verdict, a findings
/// table and each finding with fenced excerpts, then the state timeline, the inventory table and the assumptions.
public enum AnalysisMarkdownRenderer {
    /// The full report as GitHub-flavored Markdown. Text from the evidence is kept in code spans and fences it cannot
    /// close.
    /// - Parameter r: the report.
    /// - Returns: the document, ending with a newline.
    public static func render(_ r: AnalysisReport) -> String {
        header(r) + findings(r) + notEvaluated(r) + connections(r) + timeline(r) + inventory(r) + assumptions(r)
    }

    static func header(_ r: AnalysisReport) -> String {
        let inputs = r.inputs.isEmpty ? "no input" : r.inputs.map(MarkdownText.code).joined(separator: ", ")
        var out = "# licscope analysis — \(inputs)\n\n"
        let worst = r.verdict.worstSeverity.map { " (\(AnalysisFormatting.severity($0)))" } ?? ""
        out += "**Verdict\(worst):** \(MarkdownText.prose(r.verdict.summary))\n\n"
        var tally = AnalysisFormatting.findingsTally(r.findings)
        if !r.notEvaluated.isEmpty { tally += " · \(AnalysisFormatting.plural(r.notEvaluated.count, "rule")) not evaluated" }
        out += "\(tally) · exit code \(r.verdict.exitCode): \(AnalysisFormatting.exitMeaning(r.verdict.exitCode))\n\n"
        if r.verdict.partlyUnreadable { out += "> **Some input could not be read in full** — see the inventory.\n\n" }
        out += timeZones(r)
        out += "Evidence \(AnalysisFormatting.time(r.evidenceStart)) → \(AnalysisFormatting.time(r.evidenceEnd)) · "
            + "\(AnalysisFormatting.plural(r.eventCount, "event")) · \(MarkdownText.prose(r.tool.name)) "
            + "\(MarkdownText.prose(r.tool.version)) · schema `\(r.schema)`\n\n"
        return out
    }

    private static func findings(_ r: AnalysisReport) -> String {
        guard !r.findings.isEmpty else { return "## Findings\n\nNo rule matched.\n\n" }
        var out = "## Findings\n\n" + findingsTable(r) + "\n"
        let hints = ReproductionHint(inventory: r.inventory)
        for (n, f) in r.findings.enumerated() { out += finding(f, number: n + 1, hints: hints) }
        return out
    }

    /// One row per finding: number, severity, rule, title, confidence, evidence count and span.
    static func findingsTable(_ r: AnalysisReport) -> String {
        MarkdownText.table(
            ["#", "Severity", "Rule", "Title", "Confidence", "Evidence"],
            r.findings.enumerated().map { n, f in
                ["\(n + 1)", "**\(AnalysisFormatting.severity(f.severity))**", "\(MarkdownText.codeCell(f.id)) rev \(f.rev)",
                 MarkdownText.cell(f.title), f.confidence.rawValue,
                 "\(f.evidence.count + f.evidenceOmitted) · \(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))"]
            })
    }

    private static func finding(_ f: Finding, number: Int, hints: ReproductionHint) -> String {
        var out = "### \(number). \(AnalysisFormatting.severity(f.severity)) — \(MarkdownText.code(f.id)) rev \(f.rev): "
            + "\(MarkdownText.prose(f.title))\n\n"
        out += "*\(f.kind.rawValue) · confidence \(f.confidence.rawValue)*"
        out += f.confidenceNote.map { " — \(MarkdownText.prose($0))" } ?? ""
        out += "\n\n\(MarkdownText.prose(f.verdict))\n\n"
        if !f.explain.isEmpty { out += "**Why:** \(MarkdownText.prose(f.explain))\n\n" }
        out += "**Evidence**\n\n"
        for e in f.evidence {
            out += "- `\(AnalysisFormatting.time(e.time, placeholder: "untimed"))` \(MarkdownText.code(e.label)) — "
                + (e.source.map { MarkdownText.code($0.description) } ?? "no source")
                + ((e.count ?? 1) > 1 ? " — " + AnalysisFormatting.repeats(e.count, last: e.lastTime) : "") + "\n"
            if let excerpt = e.excerpt {
                out += MarkdownText.fence(AnalysisFormatting.excerptLines(excerpt), info: "text", indent: "  ")
            }
            if let cmd = hints.command(for: e) {
                out += MarkdownText.fence([AnalysisFormatting.printable(cmd)], info: "sh", indent: "  ")
            }
        }
        if f.evidenceOmitted > 0 { out += "- … \(AnalysisFormatting.plural(f.evidenceOmitted, "more evidence item")) not shown\n" }
        out += "\n"
        for note in AnalysisTables.notes(f) { out += "**\(note.label):** \(MarkdownText.prose(note.text))\n\n" }
        for list in AnalysisTables.lists(f) {
            out += "**\(list.label):**\n\n" + list.items.map { "- \(MarkdownText.prose($0))\n" }.joined() + "\n"
        }
        if !f.references.isEmpty {
            out += "**References:** \(f.references.map(MarkdownText.reference).joined(separator: " · "))\n\n"
        }
        return out
    }

    private static func notEvaluated(_ r: AnalysisReport) -> String {
        guard !r.notEvaluated.isEmpty else { return "" }
        return "## Not evaluated — collect the evidence these rules need\n\n"
            + MarkdownText.table(AnalysisTables.notEvaluated(r)) + "\n**Collect** (each once, for all the rules above):\n\n"
            + AnalysisTables.notEvaluatedCollect(r).map { "- \(MarkdownText.prose($0))\n" }.joined() + "\n"
    }

    static func connections(_ r: AnalysisReport) -> String {
        guard !r.connections.isEmpty else { return "" }
        return "## Connections\n\nLadders toward the licensing servers in the captures.\n\n"
            + MarkdownText.table(AnalysisTables.connections(r)) + "\n"
    }

    private static func inventory(_ r: AnalysisReport) -> String {
        "## Inventory\n\n\(AnalysisFormatting.plural(r.inventory.count, "file")).\n\n"
            + MarkdownText.table(AnalysisTables.inventory(r)) + "\n"
    }

    private static func assumptions(_ r: AnalysisReport) -> String {
        guard !r.assumptions.isEmpty || !r.assumptionGroups.isEmpty else { return "" }
        var out = "## Assumptions\n\n"
        for g in r.assumptionGroups {
            out += "\(MarkdownText.code(g.path)) — \(AssumptionGroup.count(g.lines, g.unit))\n\n"
            out += g.items.map { "- \(MarkdownText.prose($0.text)) (\(AssumptionGroup.count($0.lines, g.unit)))\n" }.joined() + "\n"
        }
        let general = r.generalAssumptions
        if !general.isEmpty && !r.assumptionGroups.isEmpty { out += "All sources\n\n" }
        return out + general.map { "- \(MarkdownText.prose($0))\n" }.joined()
    }
}
