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
    /// The modification time: the extended-timestamp extra field (UTC) when present, else the DOS date and time
    /// (local time of the zipping host, read as UTC: at most hours off, never a day's date wrong by more than one).
    var modified: Date? = nil

    /// True for the flag that marks encrypted members.
    var isEncrypted: Bool { flags & 0x1 != 0 }

    /// What kind of file system object the member is.
    enum Kind: Equatable {
        case regular, directory, symlink, special
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
            default: return .special
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

    /// The DOS date and time fields (`date`: bits 15–9 years since 1980, 8–5 month, 4–0 day; `time`: 15–11 hour,
    /// 10–5 minute, 4–0 seconds/2); nil when they do not form a real date (zero in archives written without one).
    static func dosDate(time: Int, date: Int) -> Date? {
        let year = 1980 + (date >> 9), month = (date >> 5) & 0xF, day = date & 0x1F
        let hour = time >> 11, minute = (time >> 5) & 0x3F, second = (time & 0x1F) * 2
        return LicensingCalendar.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59), offsetSeconds: 0)
    }

    /// Applies an extended-timestamp extra field (id 0x5455, "UT"): its modification time, when flagged.
    mutating func applyExtendedTimestamp(_ extra: ArraySlice<UInt8>) {
        var position = 0
        while let id = extra.uint16LE(at: position), let length = extra.uint16LE(at: position + 2) {
            guard let body = extra.bytes(at: position + 4, length: length) else { return }
            if id == 0x5455, let flags = body.first, flags & 1 != 0, let t = body.uint32LE(at: 1) {
                modified = Date(timeIntervalSince1970: TimeInterval(Int32(truncatingIfNeeded: t)))
                return
            }
            position += 4 + length
        }
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
