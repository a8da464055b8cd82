import Foundation
import BundleIngest
import LicensingModel
import Reports
import TextIngest
import Timeline

/// One file of the bundle as readers see it: where it is, what it is called inside the bundle, its size, and what
/// the bundle's content sniffing saw in its first bytes.
public struct EvidenceEntry: Sendable {
    /// The path shown to users and in source pointers (`bundle.zip!cm/trace/slm/log4j/slm.log`).
    public var displayPath: String
    /// Where the (decompressed) content can be read.
    public var localPath: String
    /// The content's size in bytes.
    public var size: Int
    /// What the bundle's content sniffing saw (capture magic, which text markers, binary).
    public var contentClass: FileClass
    /// The date the archive's header records for this member (nil for loose files): for yearless stamps.
    public var memberDate: Date?

    /// Creates an entry.
    public init(displayPath: String, localPath: String, size: Int, contentClass: FileClass) {
        self.displayPath = displayPath
        self.localPath = localPath
        self.size = size
        self.contentClass = contentClass
    }

    /// Up to `count` leading bytes of the content (empty when it cannot be read), for readers' own recognition.
    public func prefix(_ count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: localPath) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
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
    public var damage: [String] = []
    /// Years printed in the entry, for yearless stamps elsewhere in the bundle.
    public var yearHints: [CiscoTimestamp.YearHint] = []
    /// True when the reader found nothing it reads: the entry stays skipped, with the bundle's reason.
    public var nothingFound = false
    /// The zone each zone-less source of the entry was read in, and why.
    public var timeZones: [SourceZone] = []
    /// Display path → the file whose lines are re-read for the excerpts its events do not hold.
    public var excerptFiles: [String: String] = [:]

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
}

/// Reads one kind of input into events: recognises its entries and reads them, reporting coverage and damage.
///
/// Readers are registered in an ``EvidenceReaderRegistry``; the analysis asks the registry which reader takes each
/// entry, so a new input type is one reader and one registration. Readers emit events, never verdicts.
public protocol EvidenceReader: Sendable {
    /// The name shown when the reader does not name a format of its own.
    var name: String { get }
    /// Entries of lower passes are read first (CLI outputs print the years that yearless log stamps need).
    var pass: Int { get }
    /// Whether this reader reads `entry`.
    func recognises(_ entry: EvidenceEntry) -> Bool
    /// Reads `entry`. Never throws: what cannot be read becomes damage.
    func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading
}
