internal import CZlib

/// A running CRC-32 (ISO-HDLC, as zip and gzip use), computed by zlib.
public struct CRC32: Sendable, Hashable {
    /// The checksum of everything fed so far.
    public private(set) var value: UInt32 = 0

    /// Starts an empty checksum.
    public init() {}

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let updated: UInt32? = bytes.withContiguousStorageIfAvailable { Self.combine(value, $0) }
        if let updated {
            value = updated
        } else {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { value = Self.combine(value, $0) }
        }
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    private static func combine(_ crc: UInt32, _ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var running = UInt(crc)
        var rest = buffer[...]
        while !rest.isEmpty {
            let piece = rest.prefix(1 << 30)
            let base = UnsafeBufferPointer(rebasing: piece).baseAddress
            running = UInt(crc32(uLong(running), base, uInt(piece.count)))
            rest = rest.dropFirst(piece.count)
        }
        return UInt32(truncatingIfNeeded: running)
    }
}
