import Foundation
import LicensingModel
import PacketIngest
import Rules

/// The JSON pre-flight report (`licscope.preflight/1`).
public struct PreflightJSON: Encodable {
    struct FindingRow: Encodable {
        var id: String
        var rev: Int
        var severity: String
        var title: String
        var verdict: String
    }

    var schema = "licscope.preflight/1"
    var target: String
    var proxy: String?
    var startedAt: String
    var ladder: String
    var outcome: String
    var failedStage: String?
    var failure: String?
    var exitCode: Int32
    var stages: [PreflightStage]
    var findings: [FindingRow]
    var caveats: [PreflightResult.Caveat]
    var runway: [String]
    var capture: PreflightResult.CaptureComparison?
    var events: [Event]

    /// Renders `result` as pretty-printed JSON with sorted keys.
    public static func render(_ r: PreflightResult) -> String {
        let doc = PreflightJSON(
            target: r.target, proxy: r.proxy, startedAt: r.startedAt.iso8601UTC, ladder: r.ladder.ladderText,
            outcome: r.ladder.outcome, failedStage: r.failedStage?.name, failure: r.failedStage?.summary,
            exitCode: r.exitCode, stages: r.stages,
            findings: r.findings.map {
                FindingRow(id: $0.id, rev: $0.rule.rev, severity: $0.severity.rawValue, title: $0.rule.title, verdict: $0.rule.verdict)
            },
            caveats: r.caveats, runway: r.runway, capture: r.capture, events: r.events)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = JSONText.escapingFormatCharacters((try? encoder.encode(doc)) ?? Data("{}".utf8))
        return Redaction.redact(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
