import Inflate

/// Builds zip archives in memory for tests: stored or deflated members, Unix modes, flags, data descriptors,
/// and lying headers.
struct ZipBuilder {
    struct Member {
        var name: String
        var data: [UInt8]
        var method = 0
        /// The member's stored bytes; defaults to `data` (stored) or stored-block DEFLATE of it (deflate).
        var payload: [UInt8]? = nil
        var unixMode: Int? = nil
        var flags = 0
        var declaredSize: Int? = nil
        var crcOverride: UInt32? = nil
        var dataDescriptor = false
        /// DOS time and date fields (default 00:00:00 on 1980-01-01).
        var dosTime = 0
        var dosDate = 0x21
        /// Extra fields, written in the local header and the central directory alike.
        var extra: [UInt8] = []
    }

    var members: [Member] = []

    mutating func add(_ name: String, _ text: String, method: Int = 0) {
        members.append(Member(name: name, data: Array(text.utf8), method: method))
    }

    mutating func add(_ member: Member) { members.append(member) }

    /// The archive's bytes; `zip64` moves sizes and offsets into ZIP64 records as large archives do.
    func build(zip64: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for member in members {
            let payload = member.payload ?? (member.method == 8 ? DeflateEncoder.stored(member.data) : member.data)
            let crc = member.crcOverride ?? CRC32.checksum(member.data)
            let size = member.declaredSize ?? member.data.count
            let flags = member.flags | (member.dataDescriptor ? 0x8 : 0)
            let name = Array(member.name.utf8)
            let offset = output.count
            let le16 = DeflateEncoder.littleEndian16
            let le32 = { (value: Int) in DeflateEncoder.littleEndian32(UInt32(truncatingIfNeeded: value)) }
            let headerSizes = member.dataDescriptor ? [0, 0, 0, 0] + [0, 0, 0, 0] + [0, 0, 0, 0]
                : DeflateEncoder.littleEndian32(crc) + le32(payload.count) + le32(size)
            output += le32(0x0403_4b50) + le16(20) + le16(flags) + le16(member.method) + le16(member.dosTime)
            output += le16(member.dosDate) + headerSizes + le16(name.count) + le16(member.extra.count) + name
            output += member.extra + payload
            if member.dataDescriptor {
                output += le32(0x0807_4b50) + DeflateEncoder.littleEndian32(crc) + le32(payload.count) + le32(size)
            }
            let madeBy = member.unixMode == nil ? 20 : (3 << 8) | 20
            let external = (member.unixMode ?? 0) << 16
            central += le32(0x0201_4b50) + le16(madeBy) + le16(20) + le16(flags) + le16(member.method)
            central += le16(member.dosTime)
            let saturated = le32(0xFFFF_FFFF)
            let extra = (zip64 ? le16(1) + le16(24) + le64(size) + le64(payload.count) + le64(offset) : []) + member.extra
            central += le16(member.dosDate) + DeflateEncoder.littleEndian32(crc)
            central += zip64 ? saturated + saturated : le32(payload.count) + le32(size)
            central += le16(name.count) + le16(extra.count) + le16(0) + le16(0) + le16(0) + le32(external)
            central += (zip64 ? saturated : le32(offset)) + name + extra
        }
        let centralOffset = output.count
        output += central
        let le16 = DeflateEncoder.littleEndian16
        let le32 = { (value: Int) in DeflateEncoder.littleEndian32(UInt32(truncatingIfNeeded: value)) }
        if zip64 {
            let recordOffset = output.count
            output += le32(0x0606_4b50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            output += le64(members.count) + le64(members.count) + le64(central.count) + le64(centralOffset)
            output += le32(0x0706_4b50) + le32(0) + le64(recordOffset) + le32(1)
            output += le32(0x0605_4b50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
            output += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
            return output
        }
        output += le32(0x0605_4b50) + le16(0) + le16(0) + le16(members.count) + le16(members.count)
        output += le32(central.count) + le32(centralOffset) + le16(0)
        return output
    }

    private func le64(_ value: Int) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
}
