import Foundation
import LicensingModel

/// The time-zones lines shown right under the verdict: the zone each zone-less source was read in, why, how it was
/// checked, and (marked) what is missing or disagrees.
extension AnalysisReport {
    /// One sentence per source group: sources sharing a zone, reason, check and warning are listed together.
    public var timeZoneLines: [(text: String, warning: String?)] {
        var groups: [(key: SourceZone, paths: [String])] = []
        for z in timeZones ?? [] {
            var key = z
            key.path = ""
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].paths.append(z.path) } else { groups.append((key, [z.path])) }
        }
        return groups.map { g in
            let shown = g.paths.prefix(3).joined(separator: ", ") + (g.paths.count > 3 ? " and \(g.paths.count - 3) more" : "")
            var text = "\(shown): read in \(g.key.zone) — \(g.key.reason)"
            if let c = g.key.check { text += "; \(c)" }
            return (text, g.key.warning)
        }
    }
}

extension AnalysisTextRenderer {
    static func timeZones(_ r: AnalysisReport, _ p: TerminalPaint) -> String {
        let lines = r.timeZoneLines
        guard !lines.isEmpty else { return "" }
        var out = indent + p.bold("time zones of sources that print none") + "\n"
        for l in lines {
            out += AnalysisFormatting.wrap(l.text, indent: indent + "  ")
            if let w = l.warning { out += indent + "  " + p.warn("! " + AnalysisFormatting.printable(w)) + "\n" }
        }
        return out
    }
}

extension AnalysisMarkdownRenderer {
    static func timeZones(_ r: AnalysisReport) -> String {
        let lines = r.timeZoneLines
        guard !lines.isEmpty else { return "" }
        var out = "**Time zones of sources that print none:**\n\n"
        for l in lines {
            out += "- \(MarkdownText.prose(l.text))\n"
            if let w = l.warning { out += "  - **Warning:** \(MarkdownText.prose(w))\n" }
        }
        return out + "\n"
    }
}
