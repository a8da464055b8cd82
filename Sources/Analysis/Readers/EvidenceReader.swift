import Foundation
import BundleIngest
import LicensingModel
import Reports
import TextIngest
import Timeline

/// One file of the bundle as readers see it: where it is, what it is called inside the bundle, its size and date,
/// and what the registry recognised it as.
public struct EvidenceEntry: Sendable {
    /// The path shown to users and in source pointers (`bundle.zip!cm/trace/slm/log4j/slm.log`).
    public var displayPath: String
    /// Where the (decompressed) content can be read.
    public var localPath: String
    /// The content's size in bytes.
    public var size: Int
    /// What the registry recognised the content as (the kind the reader that took it named).
    public var content: ContentKind
    /// The date the archive's header records for this member (nil for loose files): for yearless stamps.
    public var memberDate: Date?

    /// Creates an entry.
    public init(displayPath: String, localPath: String, size: Int, content: ContentKind) {
        self.displayPath = displayPath
        self.localPath = localPath
        self.size = size
        self.content = content
    }
}

/// What a reader made of one entry: the events, what kinds of evidence they are, and the inventory line's figures.
public struct EvidenceReading: Sendable {
    /// Events, grouped by the source they came from (usually one group).
    public var sources: [SourceEvents] = []
    /// Evidence kinds the entry shows (rules' `requires`).
    public var present: Set<EvidenceKind> = []
    /// The reader or format named in the inventory (`show license parser`, `libpcap`, `log4j`).
    public var reader: String
    /// Lines read, for text.
    public var lines: Int?
    /// Frames read, for captures.
    public var frames: Int?
    /// What could not be read, each with its position (`slm.log:12: invalid UTF-8`).
    public var damage: [Damage] = []
    /// Years printed in the entry, for yearless stamps elsewhere in the bundle.
    public var yearHints: [CiscoTimestamp.YearHint] = []
    /// True when the reader found nothing it reads: the entry stays skipped, with the bundle's reason.
    public var nothingFound = false
    /// The zone each zone-less source of the entry was read in, and why.
    public var timeZones: [SourceZone] = []
    /// Display path → the file whose lines are re-read for the excerpts its events do not hold.
    public var excerptFiles: [String: LogLineFile] = [:]

    /// Creates a reading.
    public init(reader: String) { self.reader = reader }

    /// Events read, over all groups (folded repeats counted).
    public var eventCount: Int { sources.reduce(0) { $0 + $1.events.occurrenceCount } }
}

/// What readers get besides the entry: the analysis options and what earlier readers learned.
public struct EvidenceReaderContext: Sendable {
    /// Zones, catalog, trust anchors.
    public var options: AnalysisOptions
    /// Years printed by entries read in earlier passes (CLI outputs), for yearless log stamps.
    public var yearHints: [CiscoTimestamp.YearHint]
    /// What the bundle says about its nodes' zones (`show timezone config`, printed abbreviations).
    public var zoneEvidence: [ZoneEvidence] = []
    /// Whether a reader may spread one large file over every core (``LogIngestOptions/splitAcrossCores``); false
    /// while entries are already read one per core (``ParallelReads``), so a 2-core machine runs two scans, not six.
    public var splitLargeFiles = true

    /// A context for reading with `options`, the years `yearHints` give and the zones `zoneEvidence` shows.
    public init(options: AnalysisOptions, yearHints: [CiscoTimestamp.YearHint], zoneEvidence: [ZoneEvidence] = []) {
        self.options = options
        self.yearHints = yearHints
        self.zoneEvidence = zoneEvidence
    }
}

/// Reads one kind of input into events: recognises its entries from their first bytes and name, and reads them,
/// reporting coverage and damage.
///
/// Readers are registered in an ``EvidenceReaderRegistry``, which asks them what each entry is (signatures first,
/// then one vote over every reader's text markers) and hands the entry to the reader that claimed it; so a new input
/// type is one reader and one registration. Readers emit events, never verdicts.
public protocol EvidenceReader: Sendable {
    /// The name shown when the reader does not name a format of its own.
    var name: String { get }
    /// Entries of lower passes are read first (CLI outputs print the years that yearless log stamps need).
    var pass: Int { get }
    /// The kind of a file whose content starts with `prefix` (its first ``EvidenceReaderRegistry/prefixLength``
    /// bytes or fewer) when it bears one of this reader's signatures (a capture's magic), else nil. Asked before
    /// any text vote, in registry order. The name may break ties, never overrule the content.
    func recognise(prefix: ArraySlice<UInt8>, name: String) -> ContentKind?
    /// The text kinds this reader reads and the markers that recognise them, most specific first.
    var textMarkers: [TextMarkers] { get }
    /// True when the reader also reads text that no reader's markers claimed (to find what it can; the entry
    /// stays skipped when nothing is found).
    var readsUnclaimedText: Bool { get }
    /// True when the reader inflates a gzip'd file itself (the log reader); commands that read files one by one
    /// expand other gzip'd content first (``EvidenceReaderRegistry/recognise(path:name:)``).
    var readsGzip: Bool { get }
    /// Reads `entry`. Never throws: what cannot be read becomes damage.
    func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading
    /// Reads `entry` as `licscope events` does: every event, unfolded, handed to `sink` in file order as soon as it
    /// is settled, and the reading without its events (``EvidenceReading/sources`` empty). `progress` is told the
    /// bytes read so far, where the reader reads in chunks. Readers of inputs that can be large stream; the default
    /// reads the entry whole (``streamingRead(_:context:sink:)``).
    func stream(
        _ entry: EvidenceEntry, context: EvidenceReaderContext, progress: ((Int) -> Void)?, sink: (Event) -> Void
    ) -> EvidenceReading
}

extension EvidenceReader {
    /// No signature.
    public func recognise(prefix: ArraySlice<UInt8>, name: String) -> ContentKind? { nil }
    /// No text markers.
    public var textMarkers: [TextMarkers] { [] }
    /// Unclaimed text is not this reader's.
    public var readsUnclaimedText: Bool { false }
    /// Gzip'd content is expanded before this reader reads it.
    public var readsGzip: Bool { false }
}
