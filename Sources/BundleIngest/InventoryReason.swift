import Inflate
import LicensingModel

/// Why an inventory item was skipped, refused or read only in part: one case per thing the bundle layer can meet,
/// with the values that say where (member path, offset) and how much (byte counts, limits). Its text is written in
/// one place (``description``), so every report and command says the same words for the same problem.
public indirect enum InventoryReason: Sendable, Hashable, Codable, CustomStringConvertible {
    // MARK: Inputs and folders

    /// The path given does not exist.
    case noSuchFile
    /// A FIFO, device or socket — in a folder or an archive: never opened (opening a FIFO blocks until a writer comes).
    case notRegularFile(SpecialFile.Kind)
    /// A symbolic link found in a folder: not followed.
    case symbolicLinkNotFollowed
    /// macOS Finder metadata (`__MACOSX/`, `._name`, `.DS_Store`): never evidence.
    case macMetadata
    /// A folder whose entries could not be listed (the system's message).
    case cannotListDirectory(String)
    /// A file that could not be opened or read.
    case cannotRead(ReadFailure)

    // MARK: Archives as a whole

    /// A container format this layer does not expand (`xz`, `7z`…).
    case unsupportedArchiveFormat(String)
    /// An archive inside archives deeper than the nesting limit.
    case nestedTooDeep(maxDepth: Int)
    /// The bundle holds more members than the limit; the archive's rest was not examined.
    case tooManyMembers(limit: Int)
    /// The outermost archive took longer than its wall-time limit; stopped at `offset` of the archive.
    case timeLimit(seconds: Int, offset: Int)
    /// A gzip file whose stream cannot be read from its start.
    case gzip(ReadFailure)
    /// The zip's central directory cannot be used (`directory`), so members were found from their local headers.
    case recoveredFromLocalHeaders(ZipStructureProblem)
    /// A problem in the zip's structure (its central directory, or the local-header scan).
    case zipStructure(ZipStructureProblem)
    /// Overlapping members were refused (named on the archive, each member says which).
    case membersShareData
    /// A problem of the member at `path` (named on its archive's line).
    case member(path: String, InventoryReason)
    /// A tar header block cut short at `offset`.
    case truncatedTarHeader(offset: Int)
    /// A block at `offset` that is not a valid tar header; the rest was not read.
    case invalidTarHeader(offset: Int)
    /// A GNU long-name or pax entry at `offset` larger than 1 MiB.
    case oversizedTarMetadata(offset: Int)
    /// The archive ends inside the metadata entry at `offset`.
    case archiveEndsInMetadata(offset: Int)
    /// The archive ends inside the member at `path`.
    case archiveEndsInside(path: String)
    /// The archive stream failed at `offset` (of the decompressed tar stream).
    case damagedAt(offset: Int, ReadFailure)
    /// A limit that covers the whole archive stream stopped it.
    case stopped(InventoryReason)

    // MARK: Members refused before extraction

    /// A member name with a NUL character.
    case nameContainsNUL
    /// A member name that starts with `/`.
    case absolutePath
    /// A member name that starts with a drive letter (`C:`).
    case driveLetterPath
    /// A member name with a `..` component.
    case pathTraversal
    /// A link member (zip: `target` nil; tar: what it points to); links are refused.
    case link(hard: Bool, target: String?)
    /// A tar entry type this layer does not extract.
    case unsupportedTarType(String)
    /// A password-protected zip member.
    case encrypted
    /// A zip compression method other than stored or deflate (its name).
    case unsupportedMethod(String)
    /// A member whose declared size is above the per-file limit.
    case declaredSizeOverLimit(declared: Int, limit: Int)
    /// The total extraction limit was reached before this member.
    case totalLimitReached(limit: Int)
    /// A zip member whose declared sizes give a ratio above the limit.
    case declaredRatioOverLimit(limit: Int, declared: Int, compressed: Int)
    /// A zip member whose data overlaps an earlier member's (overlapping-entry zip bomb).
    case overlappingData
    /// A zip member whose local header is missing at `offset`.
    case noLocalHeader(offset: Int)

    // MARK: Limits met while extracting

    /// The member inflated past the size its archive declared.
    case inflatesBeyondDeclaredSize(declared: Int)
    /// The member grew past the bytes it was allowed.
    case largerThanLimit(limit: Int)
    /// The decompressor stopped at its output limit (its message).
    case inflateLimit(String)
    /// The output grew past the ratio limit: `produced` bytes from `compressed`.
    case ratioOverLimit(limit: Int, produced: Int, compressed: Int)
    /// The private work directory could not be created (`path`, the system's message when it gave one).
    case cannotCreateWorkDirectory(path: String, message: String?)
    /// The extracted copy could not be created.
    case cannotCreateExtractedFile(path: String)
    /// The extracted copy could not be written (the system's message).
    case cannotWriteExtractedCopy(String)

    // MARK: Damage found in a member's data

    /// A tar member cut short: `copied` of its `declared` bytes.
    case truncatedMember(copied: Int, declared: Int)
    /// Reading the member's data failed (corrupt or truncated compressed data, a read error).
    case readFailed(ReadFailure)
    /// A zip member whose data runs past the end of the archive.
    case dataCutShort
    /// A zip member whose extracted size differs from the declared one.
    case sizeMismatch(extracted: Int, declared: Int)
    /// A zip member whose CRC-32 differs from the declared one.
    case crcMismatch
    /// Damage a reader found after the bundle layer handed the file on.
    case readerDamage(Damage)
}

/// Why reading bytes failed: the decompressor's error, the file system's, or another error's text.
public enum ReadFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Corrupt, truncated or over-limit compressed data.
    case inflate(InflateError)
    /// The file could not be read.
    case file(FileReadError)
    /// Anything else (its text).
    case other(String)

    /// The failure `error` is.
    public init(_ error: any Error) {
        switch error {
        case let e as InflateError: self = .inflate(e)
        case let e as FileReadError: self = .file(e)
        default: self = .other("\(error)")
        }
    }

    /// The error's own text.
    public var description: String {
        switch self {
        case .inflate(let e): return e.description
        case .file(let e): return e.description
        case .other(let text): return text
        }
    }
}

/// What is wrong with a zip's structure: its central directory, or the local-header scan that replaces it.
public enum ZipStructureProblem: Sendable, Hashable, Codable {
    /// No end of central directory record.
    case noEndRecord
    /// An end record cut short.
    case shortEndRecord
    /// A multi-volume archive.
    case multiVolume
    /// The ZIP64 end record is missing or damaged.
    case zip64EndRecord
    /// The central directory lies outside the archive.
    case directoryOutsideArchive
    /// The central directory's entry `entry` (1-based) of `expected` cannot be read.
    case directoryDamaged(entry: Int, expected: Int)
    /// The local-header scan found no valid header at `offset`.
    case noValidLocalHeader(offset: Int)
    /// The member at `offset` is cut short.
    case memberCutShort(offset: Int)
    /// The member at `offset` has a data descriptor and is not deflated: its end cannot be found.
    case descriptorNotDeflated(offset: Int)
    /// Looking for the end of the member at `offset` met a limit (the decompressor's message).
    case scanLimit(offset: Int, message: String)
}
