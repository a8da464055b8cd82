/// Bounds-checked little-endian field reads for archive headers: nil when the bytes are short, never a trap.
/// Offsets are relative to the start of the collection.
extension Collection where Element == UInt8, Index == Int {
    /// The unsigned integer of `width` bytes at `offset`, or nil when the bytes are short.
    func littleEndian(at offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, width > 0, width <= 8, offset <= count - width else { return nil }
        var value: UInt64 = 0
        for index in (0..<width).reversed() {
            value = (value << 8) | UInt64(self[startIndex + offset + index])
        }
        return value
    }

    /// A 16-bit little-endian field as `Int`.
    func uint16LE(at offset: Int) -> Int? { littleEndian(at: offset, width: 2).map { Int($0) } }

    /// A 32-bit little-endian field as `Int`.
    func uint32LE(at offset: Int) -> Int? { littleEndian(at: offset, width: 4).map { Int($0) } }

    /// A 64-bit little-endian field as `Int`, or nil when it does not fit an `Int`.
    func uint64LE(at offset: Int) -> Int? {
        littleEndian(at: offset, width: 8).flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil }
    }

    /// The bytes at `offset..<offset+length`, or nil when short.
    func bytes(at offset: Int, length: Int) -> SubSequence? {
        guard offset >= 0, length >= 0, offset <= count - length else { return nil }
        return self[(startIndex + offset)..<(startIndex + offset + length)]
    }
}
