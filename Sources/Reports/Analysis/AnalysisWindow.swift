import Foundation
import LicensingModel

/// `analyze --since/--until`: the window evidence was kept from (JSON `window`, see docs/report-schema.md).
public struct AnalysisWindow: Sendable, Codable, Hashable {
    /// The first instant kept; absent for an open start.
    public var since: Date?
    /// The instant from which nothing was kept (excluded); absent for an open end.
    public var until: Date?
    /// How zone-less `--since` / `--until` values were read: `UTC`, or the `--tz` zone.
    public var zoneOfZonelessValues: String
    /// Events outside the window (or untimed, so not placeable in it), left out of the analysis.
    public var eventsLeftOut: Int

    /// From the command's window and what it left out.
    public init(_ window: TimeWindow, eventsLeftOut: Int) {
        since = window.since
        until = window.until
        zoneOfZonelessValues = window.zoneOfZonelessValues
        self.eventsLeftOut = eventsLeftOut
    }

    /// The assumption line every format shows: `only evidence from … until … analyzed (…); 12 events outside it left out`.
    public var assumption: String {
        let window = TimeWindow(since: since, until: until, zoneOfZonelessValues: zoneOfZonelessValues)
        return "only evidence \(window.description) was analyzed; \(eventsLeftOut) event(s) outside it (or untimed) left out"
    }
}
