import Foundation
import LicensingModel
import Rules
import StateEngine

/// A table as plain text — the Markdown and HTML renderers escape and decorate its cells their own way, so both
/// show the same columns from one definition.
struct PlainTable {
    var header: [String]
    var rows: [[String]]
    /// The column holding a state value (HTML draws its color swatch there).
    var stateColumn: Int?
    /// The column holding source pointers or paths (shown as code).
    var codeColumn: Int?
    /// Rows whose `alertColumn` cell is emphasized (a file not read in full, an anomaly).
    var alertRows: Set<Int> = []
    var alertColumn: Int?
}

/// The tables of the analysis report, and the labeled notes under a finding, shared by the Markdown and HTML renderers.
enum AnalysisTables {
    static func intervals(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["Dimension", "State", "From (UTC)", "To (UTC)", "Cause", "Evidence"],
            rows: StateDimension.allCases.flatMap { d in
                r.states.filter { $0.dimension == d }.map { i in
                    [d.rawValue, i.value, AnalysisFormatting.time(i.start, placeholder: "before the evidence"),
                     AnalysisFormatting.time(i.end, placeholder: "end of the evidence"), i.cause,
                     evidence(i.evidence)]
                }
            }, stateColumn: 1, codeColumn: 5)
    }

    /// Transitions; with `end` (the runway) a `When` column says how long after the last evidence.
    static func transitions(_ rows: [AnalysisReport.TransitionRow], relativeTo end: Date?) -> PlainTable {
        let shift = end == nil ? 0 : 1
        var header = ["At (UTC)", "Dimension", "From", "To", "Cause", "Evidence"]
        if end != nil { header.insert("When", at: 1) }
        return PlainTable(
            header: header,
            rows: rows.map { t in
                var row = [AnalysisFormatting.time(t.at), t.dimension.rawValue, t.from, t.to,
                    t.cause + (t.byTimer ? " (timer)" : ""), evidence(t.evidence)]
                if let end { row.insert(AnalysisFormatting.relative(t.at, to: end) ?? "", at: 1) }
                return row
            }, stateColumn: 3 + shift, codeColumn: 5 + shift)
    }

    static func deadlines(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["Due (UTC)", "Deadline", "Then", "When", "Basis", "Evidence"],
            rows: r.deadlines.map { d in
                [AnalysisFormatting.time(d.due), d.name, d.consequence ?? "—",
                 AnalysisFormatting.relative(d.due, to: r.evidenceEnd) ?? "", d.basis, evidence(d.evidence)]
            }, stateColumn: 2, codeColumn: 5)
    }

    static func anomalies(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["At (UTC)", "Anomaly", "Detail", "Evidence"],
            rows: r.anomalies.map { a in
                [AnalysisFormatting.time(a.at, placeholder: "untimed"), a.name.rawValue, a.detail, evidence(a.evidence)]
            }, codeColumn: 3, alertRows: Set(r.anomalies.indices), alertColumn: 1)
    }

    /// Rules not evaluated and the evidence kinds each lacks; what to collect is ``notEvaluatedCollect(_:)``, once.
    static func notEvaluated(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["Rule", "Severity", "Title", "Needs"],
            rows: r.notEvaluated.map { [$0.id, $0.severity.rawValue, $0.title, $0.missing.map(\.rawValue).joined(separator: ", ")] },
            codeColumn: 0)
    }

    /// What to collect for the rules not evaluated, each line once, in first-seen order.
    static func notEvaluatedCollect(_ r: AnalysisReport) -> [String] {
        var seen = Set<String>()
        return r.notEvaluated.flatMap(\.collect).filter { seen.insert($0).inserted }
    }

    static func inventory(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["Status", "File", "Parsed as", "Read", "Reader", "Reason"],
            rows: r.inventory.map { e in
                [AnalysisFormatting.status(e.status), e.path, e.parsedAs, AnalysisFormatting.amount(e), e.reader ?? "",
                 e.reason ?? ""]
            }, codeColumn: 1, alertRows: Set(r.inventory.indices.filter { r.inventory[$0].status != .parsed }), alertColumn: 0)
    }

    /// Each `show license` output checked against the replay: where it is, when it was placed, and one line per
    /// printed state and timer, flagged when it disagrees with the engine.
    static func snapshotChecks(_ r: AnalysisReport) -> [(source: String, observedAt: String, lines: [(text: String, disagrees: Bool)])] {
        r.snapshots.map { s in
            let states = s.stateComparisons.map { (AnalysisFormatting.comparison($0), !$0.agrees) }
            let timers = s.timers.map { (AnalysisFormatting.timer($0), $0.verdict == .disagree) }
            return (s.source.description, AnalysisFormatting.time(s.observedAt), states + timers)
        }
    }

    /// Pointers, or `—` when there are none.
    private static func evidence(_ list: [SourcePointer]) -> String {
        list.isEmpty ? "—" : AnalysisFormatting.pointers(list)
    }

    /// The labeled notes under a finding's evidence, in reading order: what to collect to corroborate it, the
    /// remediation, affected and fixed versions. Values are rule prose (may hold `code` spans).
    static func notes(_ f: Finding) -> [(label: String, text: String)] {
        var out = zip(f.missingCorroboration, f.collect).map { ("To corroborate, collect (\($0.rawValue))", $1) }
        out.append(("Remediation", f.remediation))
        if !f.affectedVersions.isEmpty { out.append(("Affected", f.affectedVersions.joined(separator: ", "))) }
        if !f.fixedVersions.isEmpty { out.append(("Fixed in", f.fixedVersions.joined(separator: ", "))) }
        return out
    }

    /// The labeled lists under a finding: facts, then inferences (never to be read as facts).
    static func lists(_ f: Finding) -> [(label: String, items: [String])] {
        [("Facts", f.facts), ("Inferred (not verbatim from a source)", f.inferences)].filter { !$0.items.isEmpty }
    }
}

extension AnalysisTables {
    /// The "Connections" table: one row per distinct ladder, with how often and when it was seen.
    static func connections(_ r: AnalysisReport) -> PlainTable {
        PlainTable(
            header: ["First", "Seen", "Endpoint", "Ladder", "Failure", "Source"],
            rows: r.connections.map { c in
                [AnalysisFormatting.time(c.at, placeholder: "untimed"), AnalysisFormatting.repeats(c.count, last: c.lastAt),
                 c.endpoint + (c.proxy.map { " via \($0)" } ?? ""), c.ladder, c.failure ?? "—", c.source.description]
            }, codeColumn: 5)
    }
}

