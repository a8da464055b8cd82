import Foundation
import LicensingModel
import Rules

/// The short form of an analysis (`analyze --summary`): the verdict, a findings table, the runway, and what to
/// collect — each collect hint once, however many rules need it. Fits a terminal screen or a case note.
public enum AnalysisSummaryRenderer {
    /// The summary as plain text, ending with a newline.
    public static func render(_ r: AnalysisReport) -> String {
        var out = "VERDICT\n" + AnalysisFormatting.wrap(r.verdict.summary, indent: "  ")
        out += "  exit code \(r.verdict.exitCode): \(AnalysisFormatting.exitMeaning(r.verdict.exitCode))\n"
        if let window = r.window { out += AnalysisFormatting.wrap("window: " + window.assumption, indent: "  ") }
        if r.productInstances.count > 1 {
            out += "  warning: \(r.productInstances.count) product instances merged: "
                + AnalysisFormatting.printable(r.productInstances.joined(separator: "; ")) + "\n"
        }
        if !r.findings.isEmpty {
            out += "\nFINDINGS\n"
            for f in r.findings {
                let sev = AnalysisFormatting.severity(f.severity).padding(toLength: 9, withPad: " ", startingAt: 0)
                let id = "\(f.id) rev \(f.rev)".padding(toLength: 28, withPad: " ", startingAt: 0)
                out += "  \(sev) " + AnalysisFormatting.printable("\(id) \(f.title)") + "\n"
            }
        }
        if !r.connections.isEmpty {
            out += "\nCONNECTIONS\n"
            for c in r.connections.prefix(5) {
                out += "  \(AnalysisFormatting.printable(c.endpoint))  \(AnalysisFormatting.printable(c.ladder))  \(AnalysisFormatting.printable(c.source.description))"
                    + (c.count > 1 ? "  ×\(c.count)" : "") + "\n"
            }
        }
        if !r.runway.isEmpty {
            out += "\nRUNWAY — if no communication succeeds\n"
            for t in r.runway { out += "  \(AnalysisFormatting.time(t.at))  \(t.dimension.rawValue): \(t.to)\n" }
        }
        let collect = collectHints(r)
        if !collect.isEmpty {
            out += "\nCOLLECT\n"
            for c in collect { out += AnalysisFormatting.wrap("- " + c, indent: "  ") }
        }
        return out
    }

    /// Every collect hint of the findings and of the rules not evaluated, once each, in first-seen order.
    public static func collectHints(_ r: AnalysisReport) -> [String] {
        var seen = Set<String>()
        return (r.findings.flatMap(\.collect) + r.notEvaluated.flatMap(\.collect)).filter { seen.insert($0).inserted }
    }
}
