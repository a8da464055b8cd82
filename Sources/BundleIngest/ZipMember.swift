import Foundation
import LicensingModel

/// One member of a zip archive, as described by its central directory record (or, when the central directory is
/// missing, by its local header).
struct ZipMember {
    /// The name as stored (not yet checked).
    var name: String
    /// General-purpose flags (bit 0: encrypted, bit 3: sizes in a data descriptor, bit 11: UTF-8 name).
    var flags: Int
    /// Compression method (0 stored, 8 deflate; others are refused).
    var method: Int
    /// CRC-32 of the uncompressed data.
    var crc: UInt32
    /// Size of the stored (compressed) data.
    var compressedSize: Int
    /// Declared uncompressed size.
    var uncompressedSize: Int
    /// Offset of the local file header.
    var localHeaderOffset: Int
    /// External attributes (the high 16 bits hold the Unix mode when `hostSystem` is Unix).
    var externalAttributes: Int
    /// The "version made by" host system (0 MS-DOS, 3 Unix, 19 macOS).
    var hostSystem: Int
    /// The modification time from an extra field that records it in UTC: Info-ZIP's extended timestamp (0x5455),
    /// its older Unix field (0x5855) or the NTFS field (0x000a); nil when the member has none.
    var modified: Date? = nil
    /// The DOS date and time of the header: the zipping host's local wall time, zone unknown.
    var dosTime: ArchiveWallTime? = nil

    /// True for the flag that marks encrypted members.
    var isEncrypted: Bool { flags & 0x1 != 0 }

    /// What kind of file system object the member is.
    enum Kind: Equatable {
        case regular, directory, symlink
        /// A FIFO, device or socket: it holds no collected bytes.
        case special(SpecialFile.Kind)
    }

    /// The object kind from the name (trailing `/`) and the Unix mode or DOS attributes.
    var kind: Kind {
        if name.hasSuffix("/") || name.hasSuffix("\\") { return .directory }
        if hostSystem == 3 || hostSystem == 19 {
            let type = (externalAttributes >> 16) & 0o170000
            switch type {
            case 0, 0o100000: return .regular
            case 0o040000: return .directory
            case 0o120000: return .symlink
            default: return .special(SpecialFile.kind(mode: UInt32(truncatingIfNeeded: type)) ?? .other)
            }
        }
        return externalAttributes & 0x10 != 0 ? .directory : .regular
    }

    /// The method's name for refusal reasons.
    var methodName: String {
        switch method {
        case 0: return "stored"
        case 8: return "deflate"
        case 9: return "deflate64"
        case 12: return "bzip2"
        case 14: return "lzma"
        case 93: return "zstd"
        case 95: return "xz"
        case 99: return "AES-encrypted"
        default: return "method \(method)"
        }
    }

    /// Decodes a stored name (UTF-8, or CP437 read as UTF-8 with replacement for non-ASCII bytes).
    static func decodeName(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Reads the header's DOS date and time, then the UTC modification time of the extra fields, if any.
    mutating func applyTimes(dosTime time: Int?, date: Int?, extra: ArraySlice<UInt8>) {
        if let time, let date { dosTime = ArchiveWallTime(dosTime: time, date: date) }
        modified = Self.utcModification(extra)
    }

    /// 100 ns intervals from 1601-01-01 (Windows FILETIME) to 1970-01-01.
    private static let fileTimeEpoch: UInt64 = 116_444_736_000_000_000

    /// The modification time recorded in UTC by an extra field: the extended timestamp (0x5455, "UT": flags, then
    /// mtime as signed 32-bit Unix seconds when flag bit 0 is set), the older Info-ZIP Unix field (0x5855, "UX":
    /// atime, then mtime) or the NTFS field (0x000a: 4 reserved bytes, then tag 1 of 24 bytes holding mtime,
    /// atime and ctime as FILETIMEs). The first one found wins; nil when none is there or they are cut short.
    static func utcModification(_ extra: ArraySlice<UInt8>) -> Date? {
        var position = 0
        while let id = extra.uint16LE(at: position), let length = extra.uint16LE(at: position + 2) {
            guard let body = extra.bytes(at: position + 4, length: length) else { return nil }
            switch id {
            case 0x5455:
                if let flags = body.first, flags & 1 != 0, let t = body.uint32LE(at: 1) {
                    return Date(timeIntervalSince1970: TimeInterval(Int32(truncatingIfNeeded: t)))
                }
            case 0x5855:
                if let t = body.uint32LE(at: 4) {
                    return Date(timeIntervalSince1970: TimeInterval(Int32(truncatingIfNeeded: t)))
                }
            case 0x000a:
                var cursor = 4
                while let tag = body.uint16LE(at: cursor), let size = body.uint16LE(at: cursor + 2) {
                    if tag == 1, size >= 8, let t = body.littleEndian(at: cursor + 4, width: 8) {
                        guard t >= fileTimeEpoch else { break }
                        return Date(timeIntervalSince1970: TimeInterval((t - fileTimeEpoch) / 10_000_000))
                    }
                    cursor += 4 + size
                }
            default:
                break
            }
            position += 4 + length
        }
        return nil
    }

    /// Applies a ZIP64 extended-information extra field (id 0x0001) to the fields saturated at 0xFFFFFFFF.
    mutating func applyZip64Extra(_ extra: ArraySlice<UInt8>) {
        var position = 0
        while let id = extra.uint16LE(at: position), let length = extra.uint16LE(at: position + 2) {
            guard let body = extra.bytes(at: position + 4, length: length) else { return }
            if id == 0x0001 {
                var cursor = 0
                func next() -> Int? {
                    defer { cursor += 8 }
                    return body.uint64LE(at: cursor)
                }
                if uncompressedSize == 0xFFFF_FFFF, let value = next() { uncompressedSize = value }
                if compressedSize == 0xFFFF_FFFF, let value = next() { compressedSize = value }
                if localHeaderOffset == 0xFFFF_FFFF, let value = next() { localHeaderOffset = value }
                return
            }
            position += 4 + length
        }
    }
}
