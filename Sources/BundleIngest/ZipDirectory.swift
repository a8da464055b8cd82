import Inflate

/// Reads a zip archive's end-of-central-directory record (ZIP64 included) and its central directory.
enum ZipDirectory {
    /// What reading the central directory gave.
    struct Listing {
        /// The members, in central-directory order.
        var members: [ZipMember]
        /// Damage found in the directory itself (the members listed before it are still usable).
        var damage: ZipStructureProblem?
    }

    private static let endRecordSignature: [UInt8] = [0x50, 0x4b, 0x05, 0x06]
    private static let centralSignature = 0x0201_4b50
    private static let maxCentralDirectoryBytes = 256 << 20

    /// The central directory of `file`, or a reason why it cannot be used (then scan the local headers).
    static func read(_ file: RandomAccessFile, maxEntries: Int = .max) throws -> Result<Listing, ZipFailure> {
        let tailLength = min(file.size, 22 + 0xFFFF)
        let tailStart = file.size - tailLength
        let tail = try file.read(at: tailStart, count: tailLength)
        guard let endIndex = findEndRecord(tail) else {
            return .failure(ZipFailure(.noEndRecord))
        }
        let end = tail[endIndex...]
        guard let disk = end.uint16LE(at: 4), let directoryDisk = end.uint16LE(at: 6),
            var count = end.uint16LE(at: 10), var size = end.uint32LE(at: 12), var offset = end.uint32LE(at: 16)
        else { return .failure(ZipFailure(.shortEndRecord)) }
        guard disk == 0 && directoryDisk == 0 else { return .failure(ZipFailure(.multiVolume)) }
        let endOffset = tailStart + endIndex
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            guard let zip64 = try readZip64End(file, endOffset: endOffset) else {
                return .failure(ZipFailure(.zip64EndRecord))
            }
            (count, size, offset) = zip64
        }
        guard size <= maxCentralDirectoryBytes, offset <= endOffset - size else {
            return .failure(ZipFailure(.directoryOutsideArchive))
        }
        let directory = try file.read(at: offset, count: size)
        // At most one entry past the member limit is listed: reaching it stops the archive and says so.
        return .success(parseEntries(directory[...], expected: min(count, maxEntries == .max ? .max : maxEntries + 1)))
    }

    private static func findEndRecord(_ tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50 && tail[index...].starts(with: endRecordSignature) { return index }
            index -= 1
        }
        return nil
    }

    private static func readZip64End(_ file: RandomAccessFile, endOffset: Int) throws -> (Int, Int, Int)? {
        guard endOffset >= 20 else { return nil }
        let locator = try file.read(at: endOffset - 20, count: 20)
        guard locator.uint32LE(at: 0) == 0x0706_4b50, let recordOffset = locator.uint64LE(at: 8) else { return nil }
        let record = try file.read(at: recordOffset, count: 56)
        guard record.uint32LE(at: 0) == 0x0606_4b50, let count = record.uint64LE(at: 32),
            let size = record.uint64LE(at: 40), let offset = record.uint64LE(at: 48)
        else { return nil }
        return (count, size, offset)
    }

    private static func parseEntries(_ bytes: ArraySlice<UInt8>, expected: Int) -> Listing {
        var members: [ZipMember] = []
        var position = 0
        while members.count < expected {
            guard bytes.uint32LE(at: position) == centralSignature,
                let madeBy = bytes.uint16LE(at: position + 4), let flags = bytes.uint16LE(at: position + 8),
                let method = bytes.uint16LE(at: position + 10), let crc = bytes.uint32LE(at: position + 16),
                let compressed = bytes.uint32LE(at: position + 20), let uncompressed = bytes.uint32LE(at: position + 24),
                let nameLength = bytes.uint16LE(at: position + 28), let extraLength = bytes.uint16LE(at: position + 30),
                let commentLength = bytes.uint16LE(at: position + 32), let external = bytes.uint32LE(at: position + 38),
                let localOffset = bytes.uint32LE(at: position + 42),
                let name = bytes.bytes(at: position + 46, length: nameLength),
                let extra = bytes.bytes(at: position + 46 + nameLength, length: extraLength)
            else {
                let damage = ZipStructureProblem.directoryDamaged(entry: members.count + 1, expected: expected)
                return Listing(members: members, damage: damage)
            }
            var member = ZipMember(
                name: ZipMember.decodeName(name), flags: flags, method: method, crc: UInt32(crc),
                compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset,
                externalAttributes: external, hostSystem: madeBy >> 8)
            member.applyZip64Extra(extra)
            member.applyTimes(dosTime: bytes.uint16LE(at: position + 12), date: bytes.uint16LE(at: position + 14), extra: extra)
            members.append(member)
            position += 46 + nameLength + extraLength + commentLength
        }
        return Listing(members: members, damage: nil)
    }
}

/// Why a zip archive's structure could not be used.
struct ZipFailure: Error {
    /// What is wrong.
    var problem: ZipStructureProblem
    init(_ problem: ZipStructureProblem) { self.problem = problem }
}
