import Foundation
import LicensingModel
import Rules
import StateEngine
import Timeline

/// Wording shared by the analysis renderers (text, Markdown, HTML), so the three say the same thing the same way.
/// Every instant is printed in UTC; every relative time is measured from the last evidence, never from the wall clock.
enum AnalysisFormatting {
    /// The dimensions drawn and listed, in reading order.
    static let bandDimensions: [StateDimension] = [.registration, .authorization, .enforcement]

    /// `2018-07-25T09:41:23Z`, or `placeholder` when there is no instant.
    static func time(_ date: Date?, placeholder: String = "—") -> String {
        date?.iso8601UTC ?? placeholder
    }

    /// `HIGH`.
    static func severity(_ s: RuleSeverity) -> String { s.rawValue.uppercased() }

    /// Where `due` sits relative to the last evidence: `12d 04h after the last evidence`.
    static func relative(_ due: Date, to end: Date?) -> String? {
        guard let end else { return nil }
        let delta = due.timeIntervalSince(end)
        if abs(delta) < 1 { return "at the last evidence" }
        return "\(DurationFormat.spaced.text(delta)) \(delta > 0 ? "after" : "before") the last evidence"
    }

    /// `2 findings (1 high, 1 medium)` or `no findings`.
    static func findingsTally(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "no findings" }
        let parts = RuleSeverity.allCases.reversed().compactMap { s -> String? in
            let n = findings.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        return "\(plural(findings.count, "finding")) (\(parts.joined(separator: ", ")))"
    }

    /// What the exit code means (DESIGN.md "Outputs").
    static func exitMeaning(_ code: Int32) -> String {
        ExitStatus(rawValue: code)?.meaning ?? "unexpected exit code"
    }

    /// `once`, or `×12 until 2018-07-30T08:02:11Z` for grouped identical evidence.
    static func repeats(_ count: Int?, last: Date?) -> String {
        guard let count, count > 1 else { return "once" }
        return "×\(count)" + (last.map { " until \(time($0))" } ?? "")
    }

    /// `1 file`, `3 files`.
    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `slm.log:12, packets.pcap#7`, at most `limit` pointers then `+N more`.
    static func pointers(_ list: [SourcePointer], limit: Int = 4) -> String {
        guard !list.isEmpty else { return "no recorded evidence" }
        var text = list.prefix(limit).map { printable($0.description) }.joined(separator: ", ")
        if list.count > limit { text += " +\(list.count - limit) more" }
        return text
    }

    /// `1,204 lines, 37 events` — what was read from one inventory entry.
    static func amount(_ e: AnalysisReport.InventoryEntry) -> String {
        var parts: [String] = []
        if let n = e.lines { parts.append(plural(n, "line")) }
        if let n = e.frames { parts.append(plural(n, "frame")) }
        if parts.isEmpty, let n = e.bytes { parts.append(plural(n, "byte")) }
        parts.append(plural(e.events, "event"))
        return parts.joined(separator: ", ")
    }

    /// The inventory status as printed (`partly unreadable`).
    static func status(_ s: AnalysisReport.InventoryEntry.Status) -> String {
        s.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// An interval's span: `2018-01-26T09:41:23Z → 2018-04-26T09:41:23Z`, open ends spelled out.
    static func span(_ i: StateInterval) -> String {
        "\(time(i.start, placeholder: "before the evidence")) → \(time(i.end, placeholder: "end of the evidence"))"
    }

    /// The skew in one sentence: offset, support and meaning.
    static func skew(_ s: SkewEstimate) -> String {
        "capture clock − log clock \(DurationFormat.spaced.text(s.offsetSeconds, signed: true)), from "
            + "\(s.matchedPairs) matched attempt pairs (\(s.logAttempts) attempts in the logs, \(s.captureAttempts) in "
            + "the captures): \(s.interpretation)"
    }

    /// A snapshot check's timer line: `Next Renewal Attempt: printed …, derived …, agree (+62s)`.
    static func timer(_ t: TimerComparison) -> String {
        var text = "\(t.label): printed \(t.printed.map { printable($0.raw) } ?? "—"), derived \(time(t.derived)) — "
            + t.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
        if let d = t.differenceSeconds, d != 0 { text += " (\(DurationFormat.spaced.text(TimeInterval(d), signed: true)))" }
        return text
    }

    /// A state comparison: `registration: printed REGISTERED, replayed REGISTERED — agree`.
    static func comparison(_ c: StateComparison) -> String {
        "\(c.dimension.rawValue): printed \(printable(c.printed)), replayed \(c.replayed) — "
            + (c.agrees ? "agree" : "disagree")
    }

    /// The excerpt as it may be shown: secrets masked (again, in case a producer forgot), lines split, and each
    /// line made ``printable(_:)``.
    static func excerptLines(_ excerpt: String) -> [String] {
        Redaction.redact(excerpt).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { printable(String($0)) }
    }

    /// `text` safe to print: tabs as spaces, and control, bidi and line-separator characters (and U+FFFD, a byte that
    /// was not UTF-8) escaped visibly as `\u{1B}`, `\u{202E}` by ``TerminalText`` — the escaping `events` and
    /// `packets` use — so input text never drives a terminal, reorders a line or reaches a document as `�`.
    static func printable(_ text: String) -> String {
        TerminalText.escaped(text.contains("\t") ? text.replacingOccurrences(of: "\t", with: " ") : text)
    }

    /// Word-wraps prose to `width` columns, each line prefixed with `indent`.
    static func wrap(_ text: String, width: Int = 100, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        // Split at ASCII spaces and line ends only: any other separator (U+2028, a lone CR) is escaped, not dropped.
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" })
            .map({ printable(String($0)) }) {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { indent + $0 + "\n" }.joined()
    }
}
