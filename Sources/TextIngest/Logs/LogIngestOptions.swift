import Foundation
import LicensingModel

/// How ``LogIngester`` reads a log: zones, year hints, the name to show, and the message catalog.
public struct LogIngestOptions: Sendable {
    /// Zone resolution (`--tz`).
    public var zones: ZoneResolver
    /// Years to assume for yearless lines, e.g. from `show license …` snapshots in the same bundle.
    public var yearHints: [CiscoTimestamp.YearHint]
    /// The path to print in source pointers (`bundle.zip!cm/trace/slm/log4j/slm.log`); the file path when nil.
    public var displayPath: String?
    /// The catalog to match lines with.
    public var catalog: MessageCatalog
    /// The file's modification time for year inference; read from the file system when nil.
    public var modificationTime: Date?
    /// How many damage records to keep per file before summarizing the rest.
    public var maxDamageRecords: Int
    /// Whether events carry their line's text: the excerpt and the timestamp as printed (``EventTime/raw``). When
    /// false, events with fields carry no excerpt and an empty `raw` (a dense trace's hundreds of thousands of lines
    /// are not held; the instant, zone and assumptions stay) and ``LineExcerpts`` re-reads the lines a report shows.
    public var keepLineText = true
    /// Wall time after which reading one file stops (checked after each chunk), the rest reported as damage at the
    /// byte reached; nil for no limit. A bound on hostile or pathological input, not on analysis time.
    public var timeLimit: Duration? = .seconds(600)
    /// Whether ``LogIngester/ingest(path:options:)`` folds repeats of the same message into one event with
    /// ``Event/repeats`` (``EventFolder``): memory then grows with the distinct facts, not with the lines. Only
    /// events whose stamp text is not kept fold (see ``keepLineText``). Off by default; `analyze` turns it on.
    public var foldRepeats = false
    /// Whether a large uncompressed log may be scanned on every core (in blocks, stitched in file order: the result
    /// is the one-core scan's). Turn it off when files are already read one per core.
    public var splitAcrossCores = true
    /// Forces the block scan with this block size, whatever the file's size or kind (tests).
    var splitBlockBytes: Int?

    /// Creates options.
    public init(
        zones: ZoneResolver = ZoneResolver(), yearHints: [CiscoTimestamp.YearHint] = [], displayPath: String? = nil,
        catalog: MessageCatalog, modificationTime: Date? = nil, maxDamageRecords: Int = 100
    ) {
        self.zones = zones
        self.yearHints = yearHints
        self.displayPath = displayPath
        self.catalog = catalog
        self.modificationTime = modificationTime
        self.maxDamageRecords = maxDamageRecords
    }
}
