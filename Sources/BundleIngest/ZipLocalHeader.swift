import Inflate

/// A zip local file header (the 30-byte record before each member's data), and the recovery scan over them used
/// when the central directory is missing (a truncated upload).
struct ZipLocalHeader {
    /// The member as the local header describes it.
    var member: ZipMember
    /// Offset of the member's data.
    var dataOffset: Int

    static let signature = 0x0403_4b50
    private static let descriptorSignature = 0x0807_4b50

    /// Parses the local header at `offset`; nil when it is not one (or is cut short).
    init?(file: RandomAccessFile, offset: Int) throws {
        // Offsets come from the archive (ZIP64 allows any 64-bit value): one past the file is not a header, and
        // checking first keeps `offset + 30 + …` below from overflowing.
        guard offset >= 0, offset <= file.size - 30 else { return nil }
        let fixed = try file.read(at: offset, count: 30)
        guard fixed.uint32LE(at: 0) == Self.signature, let flags = fixed.uint16LE(at: 6),
            let method = fixed.uint16LE(at: 8), let crc = fixed.uint32LE(at: 14),
            let compressed = fixed.uint32LE(at: 18), let uncompressed = fixed.uint32LE(at: 22),
            let nameLength = fixed.uint16LE(at: 26), let extraLength = fixed.uint16LE(at: 28)
        else { return nil }
        let variable = try file.read(at: offset + 30, count: nameLength + extraLength)
        guard variable.count == nameLength + extraLength else { return nil }
        member = ZipMember(
            name: ZipMember.decodeName(variable[0..<nameLength]), flags: flags, method: method, crc: UInt32(crc),
            compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset,
            externalAttributes: 0, hostSystem: 0)
        member.applyZip64Extra(variable[nameLength...])
        member.applyTimes(dosTime: fixed.uint16LE(at: 10), date: fixed.uint16LE(at: 12), extra: variable[nameLength...])
        dataOffset = offset + 30 + nameLength + extraLength
    }

    /// True when the sizes follow the data in a data descriptor instead of being in the header.
    var hasDataDescriptor: Bool { member.flags & 0x8 != 0 }

    /// Walks the local headers from the start of `file`, recovering the members a damaged archive still holds.
    /// Data-descriptor deflate members are delimited by inflating them, bounded by `maxMemberBytes` and by
    /// `maxRatio` output bytes per compressed byte (past 1 MiB): the scan's work is at most that many bytes of
    /// inflation per byte of the archive, so a crafted archive cannot make it super-linear.
    static func scan(_ file: RandomAccessFile, maxMemberBytes: Int, maxRatio: Int) throws -> ZipDirectory.Listing {
        var members: [ZipMember] = []
        var offset = 0
        while offset + 4 <= file.size {
            guard let header = try ZipLocalHeader(file: file, offset: offset) else {
                let signature = try file.read(at: offset, count: 4).uint32LE(at: 0)
                // A central directory or end record after the last member ends the scan cleanly.
                if signature == 0x0201_4b50 || signature == 0x0605_4b50 { break }
                return .init(members: members, damage: .noValidLocalHeader(offset: offset))
            }
            var member = header.member
            let (sum, overflow) = header.dataOffset.addingReportingOverflow(member.compressedSize)
            guard !overflow else {
                members.append(member)
                return .init(members: members, damage: .memberCutShort(offset: offset))
            }
            var next = sum
            if header.hasDataDescriptor && member.compressedSize == 0 {
                guard member.method == 8 else {
                    members.append(member)
                    return .init(members: members, damage: .descriptorNotDeflated(offset: offset))
                }
                let length: Int
                switch try deflateLength(file, from: header.dataOffset, maxOutput: maxMemberBytes, maxRatio: maxRatio) {
                case .ended(let found):
                    length = found
                case .cutShort:
                    member.compressedSize = file.size - header.dataOffset
                    members.append(member)
                    return .init(members: members, damage: .memberCutShort(offset: offset))
                case .limit(let reason):
                    return .init(members: members, damage: .scanLimit(offset: offset, message: reason))
                }
                member.compressedSize = length
                next = header.dataOffset + length
                next += try applyDescriptor(file, at: next, to: &member)
            }
            members.append(member)
            offset = next
        }
        return .init(members: members, damage: nil)
    }

    /// How looking for the end of a DEFLATE stream ended.
    private enum StreamEnd {
        /// It ends after this many compressed bytes.
        case ended(Int)
        /// It does not end in the file (or is damaged).
        case cutShort
        /// A bound stopped the inflation: the output limit or the ratio.
        case limit(String)
    }

    /// Where the raw DEFLATE stream at `offset` ends.
    private static func deflateLength(_ file: RandomAccessFile, from offset: Int, maxOutput: Int, maxRatio: Int) throws -> StreamEnd {
        var reader = try ChunkedFileReader(
            file: file, range: offset..<file.size, encoding: .compressed(.rawDeflate), maxDecompressedBytes: maxOutput)
        reader.maxCompressionRatio = maxRatio
        do {
            while try reader.next() != nil {}
        } catch let error as InflateError where error.kind == .limitExceeded {
            return .limit(error.message)
        } catch {
            return .cutShort
        }
        return reader.reachedStreamEnd ? .ended(reader.compressedBytesConsumed) : .cutShort
    }

    /// Reads the data descriptor at `offset` (optional signature, CRC, sizes) into `member`; returns its length.
    private static func applyDescriptor(_ file: RandomAccessFile, at offset: Int, to member: inout ZipMember) throws -> Int {
        let bytes = try file.read(at: offset, count: 28)
        let skip = bytes.uint32LE(at: 0) == descriptorSignature ? 4 : 0
        guard let crc = bytes.uint32LE(at: skip) else { return 0 }
        member.crc = UInt32(crc)
        // 32-bit sizes, unless only the ZIP64 layout (8-byte sizes) is followed by a known signature.
        let headers = [signature, 0x0201_4b50, 0x0605_4b50]
        let after32 = bytes.uint32LE(at: skip + 12)
        let after64 = bytes.uint32LE(at: skip + 20)
        if let after64, headers.contains(after64), !headers.contains(after32 ?? -1) {
            member.uncompressedSize = bytes.uint64LE(at: skip + 12) ?? member.uncompressedSize
            return skip + 20
        }
        member.uncompressedSize = bytes.uint32LE(at: skip + 8) ?? member.uncompressedSize
        return skip + 12
    }
}
