/// What the registry recognised a file as, and the reader that takes it (nil: no reader does; the file is
/// inventoried as skipped, never counted as evidence of a kind it is not).
public struct Recognition: Sendable {
    /// The kind, as the inventory shows it.
    public var kind: ContentKind
    /// The reader that reads it.
    public var reader: (any EvidenceReader)?
    /// True when a reader's signature (not text markers) recognised it.
    var bySignature = false

    /// A recognition of `kind`, read by `reader`.
    public init(kind: ContentKind, reader: (any EvidenceReader)?) {
        self.kind = kind
        self.reader = reader
    }

    init(kind: ContentKind, reader: (any EvidenceReader)?, bySignature: Bool) {
        self.init(kind: kind, reader: reader)
        self.bySignature = bySignature
    }

    /// Why a file that no reader takes is skipped (the inventory's reason).
    public var skipReason: String {
        kind == .binary
            ? "binary content: not a pcap, pcapng or supported archive"
            : "no Smart Licensing content recognised in the first \(EvidenceReaderRegistry.prefixLength / 1024) KiB"
    }
}
