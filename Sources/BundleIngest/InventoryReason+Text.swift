import Inflate
import LicensingModel

/// The words of every inventory reason: the only place they are written, so `analyze`'s inventory, `events`,
/// `packets` and `status` say the same thing of the same problem.
extension InventoryReason {
    /// The reason as reports and commands write it.
    public var description: String {
        switch self {
        case .noSuchFile: return "no such file or directory"
        case .notRegularFile(let kind): return SpecialFile.reason(kind)
        case .symbolicLinkNotFollowed: return "symbolic link (links are not followed)"
        case .macMetadata: return "macOS Finder metadata"
        case .cannotListDirectory(let message): return "cannot list this directory: \(message)"
        // The path is the entry's (or the line's prefix): said once, not again inside the reason.
        case .cannotRead(.file(let e)) where e.offset == 0: return "cannot read: \(e.message)"
        case .cannotRead(.file(let e)): return "cannot read at offset \(e.offset): \(e.message)"
        case .cannotRead(let failure): return "cannot read: \(failure)"
        case .unsupportedArchiveFormat(let name): return "unsupported archive format (\(name))"
        case .nestedTooDeep(let depth): return "archive nested deeper than \(depth) levels"
        case .tooManyMembers(let limit):
            return "more than \(limit) archive members in the bundle; the rest were not examined"
        case .timeLimit(let seconds, let offset):
            return "time limit of \(seconds) s per archive reached at offset \(offset); "
                + "the rest of the archive was not examined"
        case .gzip(let error): return "gzip: \(error)"
        case .recoveredFromLocalHeaders(let problem): return "\(problem.text); members recovered from local headers"
        case .zipStructure(let problem): return problem.text
        case .membersShareData: return "members share data"
        case .member(let path, let reason): return "\(path): \(reason)"
        case .truncatedTarHeader(let offset): return "truncated tar header at offset \(offset)"
        case .invalidTarHeader(let offset):
            return "invalid tar header at offset \(offset); the rest of the archive was not read"
        case .oversizedTarMetadata(let offset): return "oversized tar metadata entry at offset \(offset)"
        case .archiveEndsInMetadata(let offset): return "archive ends inside a metadata entry at offset \(offset)"
        case .archiveEndsInside(let path): return "archive ends inside \(path)"
        case .damagedAt(let offset, let failure): return "damaged at offset \(offset): \(failure)"
        case .stopped(let reason): return "stopped: \(reason)"
        case .nameContainsNUL: return "member name contains a NUL character"
        case .absolutePath: return "absolute path in archive member name"
        case .driveLetterPath: return "absolute (drive-letter) path in archive member name"
        case .pathTraversal: return "path traversal (..) in archive member name"
        case .link(let hard, let target):
            return "\(hard ? "hard" : "symbolic") link\(target.map { " to \($0)" } ?? "") (links are refused)"
        case .unsupportedTarType(let flag): return "unsupported tar entry type '\(flag)'"
        case .encrypted: return "encrypted member (password-protected)"
        case .unsupportedMethod(let name): return "unsupported compression method (\(name))"
        case .declaredSizeOverLimit(let declared, let limit):
            return "declared size \(declared) bytes exceeds the per-file limit of \(limit) bytes"
        case .totalLimitReached(let limit): return "total extraction limit of \(limit) bytes reached"
        case .declaredRatioOverLimit(let limit, let declared, let compressed):
            return "declared compression ratio above \(limit):1 (\(declared) bytes from \(compressed); decompression bomb?)"
        case .overlappingData: return "its data overlaps another member's (overlapping-entry zip bomb?)"
        case .noLocalHeader(let offset): return "no local header at offset \(offset) (archive truncated or damaged)"
        case .inflatesBeyondDeclaredSize(let declared):
            return "inflates beyond its declared size of \(declared) bytes (decompression bomb?)"
        case .largerThanLimit(let limit): return "larger than the extraction limit of \(limit) bytes"
        case .inflateLimit(let message): return "larger than the extraction limit (\(message))"
        case .ratioOverLimit(let limit, let produced, let compressed):
            return "compression ratio above \(limit):1 (\(produced) bytes from \(compressed); decompression bomb?)"
        case .cannotCreateWorkDirectory(let path, let message?):
            return "cannot create the work directory \(path): \(message)"
        case .cannotCreateWorkDirectory(let path, nil): return "cannot create a private directory under \(path)"
        case .cannotCreateExtractedFile(let path): return "cannot create \(path) for extraction"
        case .cannotWriteExtractedCopy(let message): return "cannot write the extracted copy: \(message)"
        case .truncatedMember(let copied, let declared): return "truncated: \(copied) of \(declared) bytes"
        case .readFailed(let failure): return failure.description
        case .dataCutShort: return "member data cut short at the end of the archive (truncated archive)"
        case .sizeMismatch(let extracted, let declared):
            return "size mismatch: \(extracted) bytes extracted, \(declared) declared"
        case .crcMismatch: return "CRC-32 mismatch (damaged data)"
        case .readerDamage(let damage): return damage.description
        }
    }

    /// The reasons of one item, as its inventory line writes them (`; ` between them); nil when there is none.
    public static func text(_ reasons: [InventoryReason]) -> String? {
        reasons.isEmpty ? nil : reasons.map(\.description).joined(separator: "; ")
    }
}

extension ZipStructureProblem {
    /// The problem's words.
    var text: String {
        switch self {
        case .noEndRecord: return "no end of central directory record (truncated archive?)"
        case .shortEndRecord: return "short end of central directory record"
        case .multiVolume: return "multi-volume zip archives are not supported"
        case .zip64EndRecord: return "ZIP64 end record missing or damaged"
        case .directoryOutsideArchive:
            return "central directory lies outside the archive (truncated or prefixed archive?)"
        case .directoryDamaged(let entry, let expected):
            return "central directory damaged at entry \(entry) of \(expected)"
        case .noValidLocalHeader(let offset): return "no valid local header at offset \(offset); scan stopped"
        case .memberCutShort(let offset): return "member at offset \(offset) is cut short; scan stopped"
        case .descriptorNotDeflated(let offset):
            return "member at offset \(offset) has a data descriptor and is "
                + "not deflated, so its end cannot be found without the central directory; scan stopped"
        case .scanLimit(let offset, let message):
            return "member at offset \(offset): \(message) while looking for its end; scan stopped"
        }
    }
}
