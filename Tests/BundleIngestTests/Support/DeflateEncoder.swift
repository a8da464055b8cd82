import Inflate

/// A tiny DEFLATE encoder for building test archives without external tools: stored blocks for arbitrary data,
/// and fixed-Huffman back-references for long runs of zeros (decompression bombs).
enum DeflateEncoder {
    /// Raw DEFLATE made of stored blocks (valid for any data).
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var rest = data[...]
        repeat {
            let block = rest.prefix(65_535)
            rest = rest.dropFirst(block.count)
            let length = UInt16(block.count)
            output.append(rest.isEmpty ? 1 : 0)
            output += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            output += block
        } while !rest.isEmpty
        return output
    }

    /// Raw DEFLATE of `count` zero bytes: one literal, then 258-byte matches at distance 1 (about 160:1).
    static func zeros(_ count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE = fixed Huffman
        var left = count
        if left > 0 {
            bits.writeCode(0x30, length: 8)  // literal 0
            left -= 1
        }
        while left >= 258 {
            bits.writeCode(0b1100_0101, length: 8)  // length code 285 = 258
            bits.writeCode(0, length: 5)  // distance code 0 = 1
            left -= 258
        }
        for _ in 0..<left { bits.writeCode(0x30, length: 8) }
        bits.writeCode(0, length: 7)  // end of block
        return bits.bytes
    }

    /// A single-member gzip file around `deflate`, the raw DEFLATE of `data`.
    /// `mtime` goes into the header's MTIME field (0: none recorded).
    static func gzip(_ data: [UInt8], deflate: [UInt8]? = nil, mtime: UInt32 = 0) -> [UInt8] {
        let body = deflate ?? stored(data)
        let crc = CRC32.checksum(data)
        let size = UInt32(truncatingIfNeeded: data.count)
        return [0x1f, 0x8b, 8, 0] + littleEndian32(mtime) + [0, 0xff] + body + littleEndian32(crc) + littleEndian32(size)
    }

    static func littleEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xff), UInt8((value >> 8) & 0xff), UInt8((value >> 16) & 0xff), UInt8(value >> 24)]
    }

    static func littleEndian16(_ value: Int) -> [UInt8] { [UInt8(value & 0xff), UInt8((value >> 8) & 0xff)] }
}

/// Packs bits least-significant first, as DEFLATE does.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 8

    /// Writes the low `count` bits of `value`, least significant first.
    mutating func write(_ value: Int, count: Int) {
        for index in 0..<count {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            if (value >> index) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << used) }
            used += 1
        }
    }

    /// Writes a Huffman code, most significant bit first.
    mutating func writeCode(_ code: Int, length: Int) {
        for index in (0..<length).reversed() { write((code >> index) & 1, count: 1) }
    }
}
