import Foundation
import LicensingModel

/// `status --since/--until`: the window the outputs were kept from (JSON `window` of `licscope.status/1`).
/// An output is kept when the time it was placed at (its `observed_at`) is inside; one that cannot be placed in
/// time is left out, as `events` and `analyze` leave untimed evidence out.
public struct StatusWindow: Sendable, Codable, Hashable {
    /// The first instant kept; absent for an open start.
    public var since: String?
    /// The instant from which nothing was kept (excluded); absent for an open end.
    public var until: String?
    /// How zone-less `--since` / `--until` values were read: `UTC`, or the `--tz` zone.
    public var zoneOfZonelessValues: String
    /// Outputs outside the window (or not placeable in time), left out.
    public var outputsLeftOut: Int

    /// The line the text form starts with: `only outputs observed from … until … (…) were checked; 1 output(s) …`
    /// (not encoded: JSON has the parts).
    public var sentence: String

    private enum CodingKeys: String, CodingKey { case since, until, zoneOfZonelessValues, outputsLeftOut }

    /// From the command's window and what it left out.
    public init(_ window: TimeWindow, outputsLeftOut: Int) {
        since = window.since?.iso8601UTC
        until = window.until?.iso8601UTC
        zoneOfZonelessValues = window.zoneOfZonelessValues
        self.outputsLeftOut = outputsLeftOut
        let observed = window.description.replacingOccurrences(of: "the first evidence", with: "the first output")
            .replacingOccurrences(of: "the last evidence", with: "the last output")
        sentence = "only outputs observed \(observed) were checked; \(outputsLeftOut) output(s) outside it (or not placed in time) left out"
    }

    /// Decodes the encoded parts (the sentence is not rebuilt).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        since = try c.decodeIfPresent(String.self, forKey: .since)
        until = try c.decodeIfPresent(String.self, forKey: .until)
        zoneOfZonelessValues = try c.decode(String.self, forKey: .zoneOfZonelessValues)
        outputsLeftOut = try c.decode(Int.self, forKey: .outputsLeftOut)
        sentence = ""
    }

    /// Splits `groups` (one event list per output, each with its `status.snapshot` event) into those `window` keeps
    /// and the count left out, with `problems` kept beside their groups.
    public static func apply(
        _ window: TimeWindow, groups: [[Event]], problems: [[String]]
    ) -> (groups: [[Event]], problems: [[String]], leftOut: Int) {
        var kept: [[Event]] = []
        var keptProblems: [[String]] = []
        for (i, events) in groups.enumerated() {
            guard let snapshot = events.first(where: { $0.kind == .statusSnapshot }), window.keeps(snapshot) else { continue }
            kept.append(events)
            keptProblems.append(i < problems.count ? problems[i] : [])
        }
        return (kept, keptProblems, groups.count - kept.count)
    }
}
