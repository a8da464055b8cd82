import Foundation
import LicensingModel

/// Renders a ``StatusReport`` for a terminal. Every value read from the output (source path, command, printed
/// states and timers, errors, anomalies) is escaped by ``TerminalText`` as `events` and `packets` do.
public enum StatusTextRenderer {
    /// The report as text. `color` adds ANSI colors to verdicts.
    public static func render(_ report: StatusReport, color: Bool = false) -> String {
        var out = report.window.map { "window: \($0.sentence)\n\n" } ?? ""
        for s in report.snapshots {
            out += e("\(s.source)  \(s.command)") + "\n"
            if s.empty {
                out += "  no licensing content in this output"
                out += s.error.map { ": \"\(e($0))\"\n" } ?? "\n"
                out += "  (normal on a subscriber, where the License Manager does not run; on the publisher see CSCvf86710)\n\n"
                continue
            }
            if let o = s.observedAt {
                out += "  observed at or after " + e("\(o.local.map { "\($0) = " } ?? "")\(o.utc)") + "\n"
            }
            for key in ["registration", "authorization", "enforcement", "transport"] {
                if let v = s.state[key] { out += "  \(pad(key.capitalized + ":", 16))\(e(v))\n" }
            }
            if !s.timers.isEmpty {
                out += "\n  " + pad("timer", 28) + pad("printed", 30) + pad("derived (UTC)", 23) + "verdict\n"
                for t in s.timers {
                    let derived = t.derived?.utc ?? "—"
                    out += "  " + pad(e(t.label), 28) + pad(e(t.printed ?? "—"), 30) + pad(e(derived), 23)
                        + paint(e(t.verdict), color: color) + diffText(t) + "\n"
                    out += "      \(e(t.basis))\n"
                }
            }
            if !s.runway.isEmpty {
                out += "\n  runway — if no communication succeeds after the last evidence:\n"
                for r in s.runway {
                    out += "    " + e("\(r.at.utc)  \(r.at.local.map { "(\($0))  " } ?? "")\(r.dimension) → \(r.to)") + "\n"
                    out += "        \(e(r.cause))\n"
                }
            }
            for a in s.anomalies { out += "  ! \(e(a))\n" }
            for p in s.problems { out += "  ? \(e(p))\n" }
            if !s.assumptions.isEmpty {
                out += "\n  assumptions:\n"
                for a in s.assumptions { out += "    - \(e(a))\n" }
            }
            out += "\n"
        }
        return out
    }

    /// A value read from the input, safe to print.
    private static func e(_ text: String) -> String { TerminalText.escaped(text) }

    private static func diffText(_ t: StatusReport.TimerRow) -> String {
        guard let d = t.differenceSeconds, d != 0 else { return "" }
        return " (\(DurationFormat.spaced.text(Double(d), signed: true)))"
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    private static func paint(_ verdict: String, color: Bool) -> String {
        guard color else { return verdict }
        switch verdict {
        case "agree": return "\u{1B}[32m\(verdict)\u{1B}[0m"
        case "disagree": return "\u{1B}[31m\(verdict)\u{1B}[0m"
        default: return "\u{1B}[33m\(verdict)\u{1B}[0m"
        }
    }
}
