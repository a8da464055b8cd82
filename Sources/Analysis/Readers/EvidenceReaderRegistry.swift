/// The readers the analysis loops over, first match wins.
public struct EvidenceReaderRegistry: Sendable {
    /// The readers, in the order they are asked.
    public private(set) var readers: [any EvidenceReader]

    /// A registry holding `readers`.
    public init(_ readers: [any EvidenceReader]) { self.readers = readers }

    /// `show license` outputs, captures, and everything the message catalog reads.
    public static let standard = EvidenceReaderRegistry([
        ShowLicenseEvidenceReader(), CaptureEvidenceReader(), CatalogLogEvidenceReader(),
    ])

    /// Adds `reader` ahead of the registered ones, so it is asked first.
    public mutating func register(_ reader: any EvidenceReader) { readers.insert(reader, at: 0) }

    /// The reader that takes `entry`, or nil: the entry is inventoried as skipped.
    public func reader(for entry: EvidenceEntry) -> (any EvidenceReader)? {
        readers.first { $0.recognises(entry) }
    }
}
