import Foundation
import LicensingModel

/// One row of the report's "Connections" section: a connection ladder toward a licensing endpoint as the capture
/// shows it (`dns✓ tcp✓ proxy✗(407)`), with its failing stage. Identical attempts are one row with a count.
public struct ConnectionRow: Sendable, Hashable {
    /// The first attempt's time.
    public var at: Date?
    /// The last identical attempt's time, when there were several.
    public var lastAt: Date?
    /// How many identical attempts the row stands for.
    public var count: Int
    /// `tools.cisco.com`, `smartreceiver.cisco.com`, a satellite.
    public var endpoint: String
    /// `host:port` of the proxy, when the attempt went through one.
    public var proxy: String?
    /// `dns✓ tcp✓ proxy✗(407)`.
    public var ladder: String
    /// `succeeded`, `failed`, …
    public var outcome: String?
    /// The first stage that failed (`dns`, `tcp`, `proxy`, `tls`, `certificate`, `http`, `licensing`).
    public var failedStage: String?
    /// What failed, in one sentence.
    public var failure: String?
    /// The first attempt's pointer (`capture#frame`).
    public var source: SourcePointer

    /// The rows for the `connectivity.attempt` events of a timeline, identical attempts grouped, in time order.
    public static func rows(from events: [Event]) -> [ConnectionRow] {
        var rows: [ConnectionRow] = []
        var index: [String: Int] = [:]
        for e in events where e.kind.rawValue == "connectivity.attempt" {
            func f(_ k: String) -> String? { e.fields[k].map(\.text) }
            let row = ConnectionRow(
                at: e.time?.instant, lastAt: nil, count: 1, endpoint: f("endpoint") ?? f("target_host") ?? "?",
                proxy: f("proxy"), ladder: f("ladder") ?? e.excerpt ?? "", outcome: f("outcome"),
                failedStage: f("failed_stage"), failure: f("failure").map { Redaction.redact($0) }, source: e.source)
            let key = [row.endpoint, row.proxy ?? "", row.ladder, row.failure ?? ""].joined(separator: "\u{1F}")
            if let i = index[key] {
                rows[i].count += 1
                if let t = row.at { rows[i].lastAt = max(rows[i].lastAt ?? t, t) }
            } else {
                index[key] = rows.count
                rows.append(row)
            }
        }
        return rows
    }
}
