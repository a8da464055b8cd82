import Foundation
import LicensingModel
import Rules

/// Renders an ``AnalysisReport`` for a terminal: the verdict and findings first, then the state timeline, then
/// the inventory of every input file and the assumptions made reading times.
public enum AnalysisTextRenderer {
    /// The report as text.
    /// - Parameters:
    ///   - r: the report.
    ///   - color: whether to add ANSI colors (severities, headings, warnings). The caller decides: color only on
    ///     a TTY and never when `NO_COLOR` is set.
    /// - Returns: the text, ending with a newline.
    public static func render(_ r: AnalysisReport, color: Bool) -> String {
        let p = TerminalPaint(enabled: color)
        return header(r, p) + verdict(r, p) + findings(r, p) + notEvaluated(r, p) + connections(r, p) + timeline(r, p)
            + inventory(r, p)
            + assumptions(r, p)
    }

    static let indent = "  "

    private static func header(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        let inputs = r.inputs.isEmpty ? "no input" : r.inputs.map(AnalysisFormatting.printable).joined(separator: ", ")
        var out = p.bold("\(r.tool.name) \(r.tool.version) — analysis of \(inputs)") + "\n"
        out += "schema \(r.schema) · evidence \(AnalysisFormatting.time(r.evidenceStart)) → "
            + "\(AnalysisFormatting.time(r.evidenceEnd)) · \(AnalysisFormatting.plural(r.eventCount, "event"))\n\n"
        return out
    }

    private static func verdict(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        var out = p.heading("VERDICT") + "\n"
        let summary = AnalysisFormatting.wrap(r.verdict.summary, indent: indent)
        out += r.verdict.worstSeverity.map { p.severity($0, summary) } ?? summary
        var tally = AnalysisFormatting.findingsTally(r.findings)
        if !r.notEvaluated.isEmpty {
            tally += " · \(AnalysisFormatting.plural(r.notEvaluated.count, "rule")) not evaluated"
        }
        out += indent + tally + " · exit code \(r.verdict.exitCode): \(AnalysisFormatting.exitMeaning(r.verdict.exitCode))\n"
        if r.verdict.partlyUnreadable {
            out += indent + p.warn("some input could not be read in full: see INVENTORY") + "\n"
        }
        out += timeZones(r, p)
        return out + "\n"
    }

    private static func findings(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        guard !r.findings.isEmpty else { return "" }
        var out = p.heading("FINDINGS") + "\n"
        let hints = ReproductionHint(inventory: r.inventory)
        for (n, f) in r.findings.enumerated() {
            out += finding(f, number: n + 1, hints: hints, p)
        }
        return out
    }

    private static func finding(_ f: Finding, number: Int, hints: ReproductionHint, _ p: TerminalPaint) -> String {
        let deep = indent + "    "
        var out = indent + p.severity(f.severity, "[\(AnalysisFormatting.severity(f.severity))]")
            + p.bold(" \(number). " + AnalysisFormatting.printable("\(f.id) rev \(f.rev) — \(f.title)")) + "\n"
        var confidence = "\(f.kind.rawValue) · confidence \(f.confidence.rawValue)"
        if let note = f.confidenceNote { confidence += ": \(note)" }
        out += AnalysisFormatting.wrap(confidence, indent: deep)
        out += AnalysisFormatting.wrap(f.verdict, indent: deep)
        if !f.explain.isEmpty { out += AnalysisFormatting.wrap("why: " + f.explain, indent: deep) }
        out += deep + "evidence (\(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))):\n"
        for e in f.evidence {
            out += deep + "  " + p.dim(AnalysisFormatting.time(e.time, placeholder: "untimed")) + "  "
                + AnalysisFormatting.printable(e.label)
                + "  " + (e.source.map { AnalysisFormatting.printable($0.description) } ?? "no source")
                + ((e.count ?? 1) > 1 ? "  " + AnalysisFormatting.repeats(e.count, last: e.lastTime) : "") + "\n"
            for line in e.excerpt.map(AnalysisFormatting.excerptLines) ?? [] { out += deep + "      > " + line + "\n" }
            if let cmd = hints.command(for: e) { out += deep + "      $ " + AnalysisFormatting.printable(cmd) + "\n" }
        }
        if f.evidenceOmitted > 0 {
            out += deep + "  … \(AnalysisFormatting.plural(f.evidenceOmitted, "more evidence item")) not shown\n"
        }
        for note in AnalysisTables.notes(f) { out += AnalysisFormatting.wrap("\(note.label.lowercased()): \(note.text)", indent: deep) }
        for fact in f.facts { out += AnalysisFormatting.wrap("fact: " + fact, indent: deep) }
        for inference in f.inferences { out += AnalysisFormatting.wrap("inferred: " + inference, indent: deep) }
        if !f.references.isEmpty {
            out += deep + "references: " + AnalysisFormatting.printable(f.references.joined(separator: " · ")) + "\n"
        }
        return out + "\n"
    }

    private static func notEvaluated(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        guard !r.notEvaluated.isEmpty else { return "" }
        var out = p.heading("NOT EVALUATED — collect the evidence these rules need") + "\n"
        for n in r.notEvaluated {
            out += indent + AnalysisFormatting.printable("\(n.id) (\(n.severity.rawValue)) — \(n.title)") + "\n"
            out += indent + "    " + p.dim("needs " + n.missing.map(\.rawValue).joined(separator: ", ")) + "\n"
        }
        out += indent + p.bold("collect") + " (each once, for all the rules above)\n"
        for line in AnalysisTables.notEvaluatedCollect(r) { out += AnalysisFormatting.wrap("- " + line, indent: indent + "  ") }
        return out + "\n"
    }

    private static func connections(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        guard !r.connections.isEmpty else { return "" }
        var out = p.heading("CONNECTIONS") + " — ladders toward the licensing servers in the captures\n"
        for c in r.connections {
            let seen = c.count > 1 ? "  " + AnalysisFormatting.repeats(c.count, last: c.lastAt) : ""
            out += indent + p.dim(AnalysisFormatting.time(c.at, placeholder: "untimed")) + "  "
                + AnalysisFormatting.printable(c.endpoint + (c.proxy.map { " via \($0)" } ?? "")) + "  "
                + AnalysisFormatting.printable(c.ladder) + "  " + AnalysisFormatting.printable(c.source.description) + seen + "\n"
            if let failure = c.failure { out += AnalysisFormatting.wrap(failure, indent: indent + "    ") }
        }
        return out + "\n"
    }

    private static func inventory(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        var out = p.heading("INVENTORY") + " — \(AnalysisFormatting.plural(r.inventory.count, "file"))\n"
        for e in r.inventory {
            let status = AnalysisFormatting.status(e.status)
            let shown = e.status == .parsed ? status : p.warn(status)
            out += indent + shown + String(repeating: " ", count: max(1, 19 - status.count))
                + AnalysisFormatting.printable(e.path) + "\n"
            var detail = "as \(AnalysisFormatting.printable(e.parsedAs)) · \(AnalysisFormatting.amount(e))"
            if let reader = e.reader { detail += " · read by \(AnalysisFormatting.printable(reader))" }
            out += indent + String(repeating: " ", count: 19) + detail + "\n"
            if let reason = e.reason { out += AnalysisFormatting.wrap("reason: " + reason, indent: indent + String(repeating: " ", count: 19)) }
        }
        return out + "\n"
    }

    private static func assumptions(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        guard !r.assumptions.isEmpty || !r.assumptionGroups.isEmpty else { return "" }
        var out = p.heading("ASSUMPTIONS") + "\n"
        for g in r.assumptionGroups {
            out += indent + p.bold(AnalysisFormatting.printable(g.path)) + " — " + AssumptionGroup.count(g.lines, g.unit) + "\n"
            for item in g.items {
                out += AnalysisFormatting.wrap("- \(item.text) (\(AssumptionGroup.count(item.lines, g.unit)))", indent: indent + "  ")
            }
        }
        let general = r.generalAssumptions
        if !general.isEmpty && !r.assumptionGroups.isEmpty { out += indent + p.bold("all sources") + "\n" }
        for a in general { out += AnalysisFormatting.wrap("- " + a, indent: indent + (r.assumptionGroups.isEmpty ? "" : "  ")) }
        return out
    }
}

/// ANSI styling that is a no-op when color is off.
struct TerminalPaint {
    let enabled: Bool

    func severity(_ s: RuleSeverity, _ text: String) -> String {
        switch s {
        case .critical: return code("1;35", text)
        case .high: return code("1;31", text)
        case .medium: return code("33", text)
        case .low: return code("36", text)
        case .info: return text
        }
    }

    func heading(_ text: String) -> String { code("1;4", text) }
    func bold(_ text: String) -> String { code("1", text) }
    func dim(_ text: String) -> String { code("2", text) }
    func warn(_ text: String) -> String { code("33", text) }

    private func code(_ sgr: String, _ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        // Keep a trailing newline outside the escape, so a wrapped block stays colored line by line.
        if text.hasSuffix("\n") {
            return text.split(separator: "\n").map { "\u{1B}[\(sgr)m\($0)\u{1B}[0m" }.joined(separator: "\n") + "\n"
        }
        return "\u{1B}[\(sgr)m\(text)\u{1B}[0m"
    }
}
