import Foundation
import LicensingModel
import Rules

/// Renders the timeline as JSON Lines that Timesketch imports: one object per timed event and one per finding,
/// each with `message`, `datetime` (ISO-8601 UTC), `timestamp` (microseconds since the epoch) and
/// `timestamp_desc`, plus `kind`, `source`, `fields`, `assumptions` and, when there is one, the redacted `excerpt`.
///
/// Untimed events cannot sit on a timeline and are left out (the report's inventory and event count still
/// cover them); the output is pure JSON Lines, with no comment or summary line.
public enum TimelineJSONLRenderer {
    /// The timeline as JSON Lines, ordered by time (findings after the events at the same instant).
    /// - Parameters:
    ///   - events: the timeline's events (parser events plus the engine's transitions and anomalies).
    ///   - report: the report whose findings are added at their first evidence time.
    /// - Returns: one JSON object per line, each line ending with a newline; empty when nothing is timed.
    public static func render(events: [Event], report: AnalysisReport) -> String {
        var lines: [(at: Date, group: Int, index: Int, line: TimelineLine)] = []
        for (i, e) in events.enumerated() {
            guard let t = e.time else { continue }
            lines.append((t.instant, 0, i, line(for: e, at: t)))
        }
        for (i, f) in report.findings.enumerated() {
            guard let first = f.firstEvidence else { continue }
            lines.append((first, 1, i, line(for: f, at: first)))
        }
        lines.sort { a, b in
            if a.at != b.at { return a.at < b.at }
            return a.group != b.group ? a.group < b.group : a.index < b.index
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return lines.map { encode($0.line, encoder) + "\n" }.joined()
    }

    /// What Timesketch shows in its timestamp description column.
    static func timestampDescription(_ e: Event) -> String {
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
    static func message(_ e: Event) -> String {
        switch e.kind {
        case .stateTransition:
            return "\(e[text: "dimension"] ?? "state"): \(e[text: "from"] ?? "?") → \(e[text: "to"] ?? "?")"
                + (e[text: "cause"].map { " (\($0))" } ?? "")
        case .engineAnomaly:
            return "anomaly \(e[text: "anomaly"] ?? "?"): \(e[text: "detail"] ?? "")"
        default:
            if let first = e.excerpt?.split(whereSeparator: \.isNewline).first {
                return "\(e.kind.rawValue): \(first.trimmingCharacters(in: .whitespaces))"
            }
            let fields = e.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }
            return ([e.kind.rawValue] + fields).joined(separator: " ")
        }
    }

    private static func line(for e: Event, at t: EventTime) -> TimelineLine {
        var fields = e.fields
        for (k, v) in fields { if case .string(let s) = v { fields[k] = .string(Redaction.redact(s)) } }
        return TimelineLine(
            message: Redaction.redact(String(message(e).prefix(1_000))), datetime: t.instant.iso8601UTC,
            timestamp: microseconds(t.instant), timestampDesc: timestampDescription(e), kind: e.kind.rawValue,
            source: e.source.description, fields: fields, assumptions: t.assumptions,
            excerpt: e.excerpt.map { Redaction.redact($0) })
    }

    private static func line(for f: Finding, at first: Date) -> TimelineLine {
        let evidence = f.evidence.compactMap { $0.source.map { FieldValue.string($0.description) } }
        return TimelineLine(
            message: "[\(AnalysisFormatting.severity(f.severity))] \(f.id) rev \(f.rev): \(f.title) — \(f.verdict)",
            datetime: first.iso8601UTC, timestamp: microseconds(first), timestampDesc: "Finding", kind: "finding",
            source: f.evidence.first?.source?.description ?? "rules",
            fields: [
                "id": .string(f.id), "rev": .int(f.rev), "severity": .string(f.severity.rawValue),
                "confidence": .string(f.confidence.rawValue), "title": .string(f.title), "evidence": .list(evidence),
                "last_evidence": f.lastEvidence.map { .time($0) } ?? .string(""),
            ],
            assumptions: [], excerpt: nil)
    }

    private static func microseconds(_ d: Date) -> Int64 {
        let us = (d.timeIntervalSince1970 * 1_000_000).rounded()
        return us.isFinite && abs(us) < 9e18 ? Int64(us) : 0
    }

    /// Encodes a line; a field that cannot be encoded (a non-finite number) is written as its text instead.
    private static func encode(_ line: TimelineLine, _ encoder: JSONEncoder) -> String {
        if let data = try? encoder.encode(line) { return String(decoding: data, as: UTF8.self) }
        var safe = line
        safe.fields = line.fields.mapValues { .string($0.text) }
        return (try? encoder.encode(safe)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// One JSON Lines record.
struct TimelineLine: Encodable {
    var message: String
    var datetime: String
    var timestamp: Int64
    var timestampDesc: String
    var kind: String
    var source: String
    var fields: [String: FieldValue]
    var assumptions: [String]
    var excerpt: String?

    enum CodingKeys: String, CodingKey {
        case message, datetime, timestamp, kind, source, fields, assumptions, excerpt
        case timestampDesc = "timestamp_desc"
    }
}
