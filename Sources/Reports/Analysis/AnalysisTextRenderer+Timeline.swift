import Foundation
import LicensingModel
import StateEngine
import Timeline

extension AnalysisTextRenderer {
    /// STATE TIMELINE: histories, intervals per dimension, transitions, deadlines and runway, anomalies, snapshot
    /// checks and clock skew.
    static func timeline(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        let deep = indent + "    "
        var out = p.heading("STATE TIMELINE") + "\n"
        out += indent + "evidence \(AnalysisFormatting.time(r.evidenceStart)) → \(AnalysisFormatting.time(r.evidenceEnd))\n"
        for d in StateDimension.allCases {
            if let h = r.history[d.rawValue] { out += indent + "history " + pad(d.rawValue, 14) + AnalysisFormatting.printable(h) + "\n" }
        }
        out += "\n" + indent + p.bold("intervals") + "\n"
        for d in StateDimension.allCases {
            let rows = r.states.filter { $0.dimension == d }
            guard !rows.isEmpty else { continue }
            out += indent + "  " + d.rawValue + "\n"
            for i in rows {
                out += deep + pad(AnalysisFormatting.printable(i.value), 23) + AnalysisFormatting.span(i) + "\n"
                out += deep + "  " + p.dim("\(AnalysisFormatting.printable(i.cause)) — \(AnalysisFormatting.pointers(i.evidence))") + "\n"
            }
        }
        if !r.transitions.isEmpty {
            out += "\n" + indent + p.bold("transitions") + "\n"
            for t in r.transitions { out += transition(t, deep: deep, p) }
        }
        if !r.deadlines.isEmpty {
            out += "\n" + indent + p.bold("deadlines ahead of the last evidence") + "\n"
            for d in r.deadlines {
                out += deep + AnalysisFormatting.time(d.due) + "  " + AnalysisFormatting.printable(d.name)
                out += d.consequence.map { " → " + AnalysisFormatting.printable($0) } ?? ""
                out += AnalysisFormatting.relative(d.due, to: r.evidenceEnd).map { "  (\($0))" } ?? ""
                out += "\n" + deep + "  " + p.dim("\(AnalysisFormatting.printable(d.basis)) — \(AnalysisFormatting.pointers(d.evidence))") + "\n"
            }
        }
        if !r.runway.isEmpty {
            out += "\n" + indent + p.bold("runway — if no communication succeeds after the last evidence") + "\n"
            for t in r.runway { out += transition(t, deep: deep, p, relativeTo: r.evidenceEnd) }
        }
        if !r.anomalies.isEmpty {
            out += "\n" + indent + p.bold("anomalies") + "\n"
            for a in r.anomalies {
                out += deep + p.warn("! " + AnalysisFormatting.printable(a.name.rawValue)) + "  " + AnalysisFormatting.time(a.at, placeholder: "untimed") + "\n"
                out += AnalysisFormatting.wrap(a.detail, indent: deep + "  ")
                out += deep + "  " + p.dim(AnalysisFormatting.pointers(a.evidence)) + "\n"
            }
        }
        out += snapshots(r, deep: deep, p)
        if let s = r.skew {
            out += "\n" + indent + p.bold("clock skew") + "\n" + AnalysisFormatting.wrap(AnalysisFormatting.skew(s), indent: deep)
            for pair in s.pairs.prefix(3) { out += deep + "  " + p.dim(AnalysisFormatting.pointers(pair) + " (matched)") + "\n" }
        }
        return out + "\n"
    }

    private static func transition(
        _ t: AnalysisReport.TransitionRow, deep: String, _ p: TerminalPaint, relativeTo end: Date? = nil
    ) -> String {
        var out = deep + AnalysisFormatting.time(t.at) + "  " + pad(t.dimension.rawValue, 14) + "\(t.from) → \(t.to)"
        if t.byTimer { out += "  [timer]" }
        if let end, let rel = AnalysisFormatting.relative(t.at, to: end) { out += "  (\(rel))" }
        out += "\n" + deep + "  " + p.dim("\(AnalysisFormatting.printable(t.cause)) — \(AnalysisFormatting.pointers(t.evidence))") + "\n"
        return out
    }

    private static func snapshots(_ r: AnalysisReport, deep: String, _ p: TerminalPaint) -> String {
        guard !r.snapshots.isEmpty else { return "" }
        var out = "\n" + indent + p.bold("show license outputs checked against the replay") + "\n"
        for s in AnalysisTables.snapshotChecks(r) {
            out += deep + AnalysisFormatting.printable(s.source) + "  observed at " + s.observedAt + "\n"
            for line in s.lines { out += deep + "  " + (line.disagrees ? p.warn(line.text) : line.text) + "\n" }
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
