/// A TCP or UDP packet decoded from a frame. `payload` borrows the frame's bytes.
struct DecodedPacket {
    var src: IPAddress
    var dst: IPAddress
    var isTCP: Bool
    var srcPort: UInt16
    var dstPort: UInt16
    var seq: UInt32 = 0
    var ack: UInt32 = 0
    var flags: UInt8 = 0
    /// The transport payload present in the file.
    var payload: UnsafeRawBufferPointer
    /// How many payload bytes the packet carried on the wire (more than `payload.count` after a snaplen cut).
    var wireLength: Int

    var syn: Bool { flags & 0x02 != 0 }
    var fin: Bool { flags & 0x01 != 0 }
    var rst: Bool { flags & 0x04 != 0 }
    var hasAck: Bool { flags & 0x10 != 0 }
}
