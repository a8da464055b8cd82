import Foundation
import Inflate

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A limit stopped extraction before the end of a member (or of a whole compressed stream).
struct ExtractionLimitReached: Error {
    /// The reason shown in the inventory.
    var reason: InventoryReason
    /// True when the limit covers the whole archive stream (the archive stops), false for one member.
    var stopsArchive = false

    /// The reason `error` gives: the limit's, else the failure's own.
    static func reason(_ error: any Error) -> InventoryReason {
        (error as? ExtractionLimitReached)?.reason ?? .readFailed(ReadFailure(error))
    }
}

/// The bounds one extracted file must stay within.
struct MemberBudget {
    /// The most bytes this file may have (the per-entry limit or what is left of the total, whichever is less).
    var maxBytes: Int
    /// The compressed size the output is compared with for the ratio limit (nil when unknown or not compressed).
    var compressedSize: Int?
    /// The highest accepted ratio once `ratioGraceBytes` were produced.
    var maxRatio: Int
    /// Output below this size is never refused for its ratio.
    var ratioGraceBytes: Int
    /// The size the archive declares for the file (zip), when known: inflating past it is refused at once.
    var declaredSize: Int? = nil

    /// The reason to stop at `produced` output bytes, or nil to go on.
    func violation(produced: Int) -> InventoryReason? {
        if let declaredSize, produced > declaredSize { return .inflatesBeyondDeclaredSize(declared: declaredSize) }
        if produced > maxBytes { return .largerThanLimit(limit: maxBytes) }
        if let compressedSize, produced > ratioGraceBytes,
            produced / max(compressedSize, 1) > maxRatio
        {
            return .ratioOverLimit(limit: maxRatio, produced: produced, compressed: compressedSize)
        }
        return nil
    }
}

/// Writes one extracted file into the private work directory, keeping its size and CRC-32, and stopping as soon
/// as the budget is exceeded.
struct ExtractedFileWriter {
    /// Where the file is written.
    let localPath: String
    /// Bytes written so far.
    private(set) var size = 0
    /// The CRC-32 of everything written.
    private(set) var crc = CRC32()
    /// The first ``headLength`` bytes written (fewer for a shorter file): what recognition looks at, so the
    /// extracted file is not opened again to read them.
    private(set) var head: [UInt8] = []
    /// How many leading bytes ``head`` keeps.
    let headLength: Int

    private let handle: FileHandle
    private let budget: MemberBudget

    /// Creates `localPath`, which must not exist yet (one `open`: no temporary file renamed into place, as
    /// `FileManager.createFile` does, which costs three more system calls per member of a 100,000-member zip).
    init(localPath: String, budget: MemberBudget, headLength: Int = TarHeader.blockSize) throws {
        let descriptor = open(localPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ExtractionLimitReached(reason: .cannotCreateExtractedFile(path: localPath))
        }
        self.localPath = localPath
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.budget = budget
        self.headLength = headLength
    }

    /// Appends `chunk`; throws `ExtractionLimitReached` (after writing nothing more) when the budget is exceeded.
    mutating func write(_ chunk: some Collection<UInt8>) throws {
        if let reason = budget.violation(produced: size + chunk.count) { throw ExtractionLimitReached(reason: reason) }
        crc.update(chunk)
        if head.count < headLength { head += chunk.prefix(headLength - head.count) }
        do {
            try handle.write(contentsOf: Data(chunk))
        } catch {
            throw ExtractionLimitReached(reason: .cannotWriteExtractedCopy(error.localizedDescription))
        }
        size += chunk.count
    }

    /// Closes the file.
    func close() { try? handle.close() }
}
