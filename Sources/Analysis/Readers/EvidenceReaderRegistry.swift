import BundleIngest

/// The readers the analysis loops over, and the one place where what a file is gets decided: each reader owns the
/// recognition of what it reads, and the registry asks them in order.
public struct EvidenceReaderRegistry: Sendable {
    /// How many leading bytes recognition looks at (more is accepted, and ignored).
    public static let prefixLength = 16 * 1024

    /// The readers, in the order they are asked (for text: the most specific markers first).
    public private(set) var readers: [any EvidenceReader]

    /// A registry holding `readers`.
    public init(_ readers: [any EvidenceReader]) { self.readers = readers }

    /// Captures, `utils ntp status` outputs, everything the message catalog reads, and `show license` outputs (whose
    /// words other text quotes, so their markers are asked last).
    public static let standard = EvidenceReaderRegistry([
        CaptureEvidenceReader(), NtpStatusEvidenceReader(), CatalogLogEvidenceReader(), ShowLicenseEvidenceReader(),
    ])

    /// Adds `reader` ahead of the registered ones, so it is asked first.
    public mutating func register(_ reader: any EvidenceReader) { readers.insert(reader, at: 0) }

    /// What a file whose content starts with `prefix` is, and the reader that takes it: the first reader whose
    /// signature matches; else an archive, binary content, or text voted for by the readers' markers; text no
    /// marker claimed goes to the first reader that reads unclaimed text. No reader: the file is skipped.
    public func recognise(prefix: [UInt8], name: String) -> Recognition {
        let head = prefix.prefix(Self.prefixLength)
        for reader in readers {
            if let kind = reader.recognise(prefix: head, name: name) {
                return Recognition(kind: kind, reader: reader, bySignature: true)
            }
        }
        if ArchiveSniff.isArchive(head) { return Recognition(kind: .archive, reader: nil) }
        if BinaryContent.looksBinary(head) { return Recognition(kind: .binary, reader: nil) }
        if let kind = TextVote.winner(head, name: name, kinds: readers.flatMap(\.textMarkers)) {
            return Recognition(kind: kind, reader: readers.first { $0.textMarkers.contains { $0.kind == kind } })
        }
        return Recognition(kind: .text, reader: textReader)
    }

    /// The reader of text no reader's markers claimed (the message catalog's, in the standard registry).
    public var textReader: (any EvidenceReader)? { readers.first { $0.readsUnclaimedText } }

    /// What the file at `path` is, for commands that read files one by one (`events`, `packets`, `status`), with
    /// gzip looked through: a gzip'd text whose reader inflates it itself (a log) keeps its kind; anything that
    /// must be expanded first (zip, tar, tar.gz, a gzip'd capture or `show license` output) is
    /// ``ContentKind/archive``. Nil when the file cannot be read.
    public func recognise(path: String, name: String? = nil) -> Recognition? {
        guard let head = ArchiveSniff.head(path: path, count: Self.prefixLength) else { return nil }
        guard let inner = head.decompressed else { return recognise(prefix: head.bytes, name: name ?? path) }
        let found = recognise(prefix: inner, name: name ?? path)
        let expandFirst = found.kind == .archive || found.bySignature || found.reader.map { !$0.readsGzip } == true
        return expandFirst ? Recognition(kind: .archive, reader: nil) : found
    }
}
