/// What the bundle layer saw of a file. It only tells containers from the files it hands on: what a file's content
/// is, the evidence readers recognise (Analysis's `EvidenceReaderRegistry`).
public enum FileClass: String, Sendable, Codable, Hashable, CaseIterable {
    /// A container (zip, tar, gzip, or an unsupported archive format); expanded, not parsed.
    case archive
    /// A readable file handed on to the readers, which recognise what it is.
    case file
    /// Not examined: refused or lost before any content could be read.
    case unknown
}
