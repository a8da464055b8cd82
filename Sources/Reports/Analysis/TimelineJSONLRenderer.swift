import Foundation
import LicensingModel
import Rules

/// Renders the timeline as JSON Lines that Timesketch imports, in the shared event record shape
/// (``EventRecordEncoder``, schema `licscope.event/1`): one record per timed event and one per finding.
///
/// Untimed events cannot sit on a timeline and are left out (the report's inventory and event count still
/// cover them); the output is pure JSON Lines, with no comment or summary line.
public enum TimelineJSONLRenderer {
    /// The timeline as JSON Lines, ordered by time (findings after the events at the same instant), in memory.
    /// - Parameters:
    ///   - events: the timeline's events in timeline order (parser events plus the engine's transitions and
    ///     anomalies), folded or not.
    ///   - report: the report whose findings are added at their first evidence time.
    /// - Returns: one JSON object per line, each line ending with a newline; empty when nothing is timed.
    public static func render(events: [Event], report: AnalysisReport) -> String {
        var out = ReportStream(sink: ReportBytes())
        write(TimelineOccurrences(events), report: report, to: &out)
        out.finish()
        return out.sink.text
    }

    /// Writes the timeline as JSON Lines to `out` as it walks it: every occurrence of the timeline's events in
    /// timeline order (``TimelineOccurrences``, folded repeats unfolded one at a time), each finding's record after
    /// the events at its first evidence time. Nothing grows with the number of occurrences; call
    /// ``ReportStream/finish()`` afterwards.
    /// - Parameters:
    ///   - timeline: the timeline's events.
    ///   - report: the report whose findings are added.
    ///   - out: where the records go.
    ///   - fill: given each timed occurrence before its record is written, to put back what the analysis did not
    ///     hold per event (a log line's excerpt and printed timestamp, re-read from its file).
    public static func write<Sink: ReportSink>(
        _ timeline: TimelineOccurrences, report: AnalysisReport, to out: inout ReportStream<Sink>,
        fill: (inout Event) -> Void = { _ in }
    ) {
        walk(timeline, report: report) { (event: consuming Event) in
            var e = event
            fill(&e)
            out.append(eventRecord: e)
        } finding: { out.append(record: $0) }
    }

    /// Walks the timeline's records in the order ``write(_:report:to:fill:)`` writes them, handing each to the
    /// caller instead of writing it: every timed occurrence (``TimelineOccurrences``) to `event`, each finding's
    /// record to `finding` before the first event after its first evidence time, the rest after the last event.
    /// A caller that renders elsewhere (another thread) gets the same records in the same order.
    /// - Parameters:
    ///   - timeline: the timeline's events.
    ///   - report: the report whose findings are added.
    ///   - event: given each timed occurrence as the single event it was read as (its own copy, to fill in and
    ///     pass on).
    ///   - finding: given each finding's record.
    public static func walk(
        _ timeline: TimelineOccurrences, report: AnalysisReport, event: (consuming Event) -> Void,
        finding: (consuming EventRecordEncoder.Record) -> Void
    ) {
        var findings: [(at: Date, index: Int)] = []
        for (i, f) in report.findings.enumerated() {
            if let first = f.firstEvidence { findings.append((first, i)) }
        }
        findings.sort { a, b in a.at != b.at ? a.at < b.at : a.index < b.index }
        var next = 0
        for o in timeline {
            // Untimed events come last in timeline order, and have no record.
            guard let at = o.instant else { break }
            while next < findings.count, findings[next].at < at {
                finding(record(for: report.findings[findings[next].index], at: findings[next].at))
                next += 1
            }
            event(timeline.event(of: o))
        }
        for f in findings[next...] { finding(record(for: report.findings[f.index], at: f.at)) }
    }

    /// What Timesketch shows in its timestamp description column.
    public static func timestampDescription(_ e: Event) -> String {
        switch e.kind {
        case .stateTransition: return "Engine Transition"
        case .engineAnomaly: return "Engine Anomaly"
        case .statusSnapshot: return "Observed Time"
        default:
            if case .frame = e.source.location { return "Capture Time" }
            return "Event Time"
        }
    }

    /// One line of text saying what happened.
    public static func message(_ e: Event) -> String {
        switch e.kind {
        case .stateTransition:
            return "\(e[text: "dimension"] ?? "state"): \(e[text: "from"] ?? "?") → \(e[text: "to"] ?? "?")"
                + (e[text: "cause"].map { " (\($0))" } ?? "")
        case .engineAnomaly:
            return "anomaly \(e[text: "anomaly"] ?? "?"): \(e[text: "detail"] ?? "")"
        default:
            if let first = e.excerpt.flatMap(firstLine) { return "\(e.kind.rawValue): \(trimmedOfWhitespace(first))" }
            // `kind key=value key=value…`, keys in order, built in one string.
            var text = e.kind.rawValue
            for (key, value) in e.fields.sorted(by: { $0.key < $1.key }) {
                text += " "
                text += key
                text += "="
                text += value.text
            }
            return text
        }
    }

    /// The first non-empty line of `text` (nil when it has none). An excerpt is nearly always one ASCII line
    /// without a line break: that is found from its bytes, without breaking it into characters.
    static func firstLine(_ text: String) -> Substring? {
        let mayBreak = text.utf8.contains { ($0 >= 0x0A && $0 <= 0x0D) || $0 >= 0x80 }
        return mayBreak ? text.split(whereSeparator: \.isNewline).first : text.isEmpty ? nil : text[...]
    }

    /// `line` without leading and trailing `CharacterSet.whitespaces` scalars (what `trimmingCharacters(in:
    /// .whitespaces)` does), without bridging to NSString.
    static func trimmedOfWhitespace(_ line: Substring) -> String {
        // Nearly always: the line neither starts nor ends with a space, a tab or a non-ASCII byte (which could be
        // another whitespace scalar), so there is nothing to trim.
        if let first = line.utf8.first, let last = line.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(line)
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterSet.whitespaces.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !CharacterSet.whitespaces.contains($0) }) ?? first
        return String(Substring(scalars[first...last]))
    }

    private static func record(for f: Finding, at first: Date) -> EventRecordEncoder.Record {
        let evidence = f.evidence.compactMap { $0.source.map { FieldValue.string($0.description) } }
        return EventRecordEncoder.Record(
            message: "[\(AnalysisFormatting.severity(f.severity))] \(f.id) rev \(f.rev): \(f.title) — \(f.verdict)",
            instant: first, timestampDescription: "Finding", kind: "finding",
            source: f.evidence.first?.source ?? SourcePointer(path: "rules/\(f.id)", location: .file),
            fields: [
                "id": .string(f.id), "rev": .int(f.rev), "severity": .string(f.severity.rawValue),
                "confidence": .string(f.confidence.rawValue), "title": .string(f.title), "evidence": .list(evidence),
                "last_evidence": f.lastEvidence.map { .time($0) } ?? .string(""),
            ])
    }
}
