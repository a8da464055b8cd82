/// Bounds-checked integer reads; every accessor returns nil past the end instead of trapping.
extension UnsafeRawBufferPointer {
    @inline(__always) func u8(_ i: Int) -> UInt8? {
        i >= 0 && i < count ? self[i] : nil
    }

    @inline(__always) func be16(_ i: Int) -> UInt16? {
        guard i >= 0, i + 2 <= count else { return nil }
        return UInt16(self[i]) << 8 | UInt16(self[i + 1])
    }

    @inline(__always) func be24(_ i: Int) -> Int? {
        guard i >= 0, i + 3 <= count else { return nil }
        return Int(self[i]) << 16 | Int(self[i + 1]) << 8 | Int(self[i + 2])
    }

    @inline(__always) func be32(_ i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= count else { return nil }
        return UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }

    /// A 16- or 32-bit read in the given byte order.
    @inline(__always) func u16(_ i: Int, bigEndian: Bool) -> UInt16? {
        guard let v = be16(i) else { return nil }
        return bigEndian ? v : v.byteSwapped
    }

    @inline(__always) func u32(_ i: Int, bigEndian: Bool) -> UInt32? {
        guard let v = be32(i) else { return nil }
        return bigEndian ? v : v.byteSwapped
    }

    /// The bytes in `range`, clamped to the buffer.
    func slice(_ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
        let s = Swift.max(0, Swift.min(start, count))
        let e = Swift.max(s, Swift.min(end, count))
        return UnsafeRawBufferPointer(rebasing: self[s..<e])
    }
}
