/// The eight bytes of a 64-bit word as eight lanes, tested all at once (the "has a zero byte" word tricks), for the
/// scans that read text eight bytes at a time: JSON escaping, record messages, redaction's marker screen and the log
/// scanner's damage check.
///
/// Every test returns a word with the high bit (`0x80`) set in the lanes that pass and every other bit clear.
/// Which tests are exact per lane is said on each: the subtracting ones (``zero(_:)``, ``equal(_:_:)``,
/// ``below(_:_:)``, ``zeroOrHigh(_:)``) are exact as a whole — non-zero exactly when some lane passes, never flagging
/// a lane below the lowest passing one — but a lane above a passing one may be flagged too (the borrow runs upwards),
/// so they serve as yes/no tests or as pre-tests that a closer look confirms.
public enum ByteLanes {
    /// The byte `c` in every lane.
    @inlinable @inline(__always)
    public static func repeated(_ c: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(c) }

    /// Lanes holding `0`; exact as a whole (a lane above a zero lane may be flagged too).
    @inlinable @inline(__always)
    public static func zero(_ w: UInt64) -> UInt64 {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
    }

    /// Lanes holding `c`; exact as a whole.
    @inlinable @inline(__always)
    public static func equal(_ w: UInt64, _ c: UInt8) -> UInt64 { zero(w ^ repeated(c)) }

    /// Lanes holding a byte below `c` (`c` at most `0x80`); exact as a whole.
    @inlinable @inline(__always)
    public static func below(_ w: UInt64, _ c: UInt8) -> UInt64 {
        (w &- repeated(c)) & ~w & 0x8080_8080_8080_8080
    }

    /// Lanes holding a byte of `0x80` or more (not ASCII); exact in every lane.
    @inlinable @inline(__always)
    public static func high(_ w: UInt64) -> UInt64 { w & 0x8080_8080_8080_8080 }

    /// Lanes holding `0` or a byte of `0x80` or more; exact as a whole, and never flags a lane when all eight
    /// bytes are between `0x01` and `0x7F` (the only borrows come from a zero lane).
    @inlinable @inline(__always)
    public static func zeroOrHigh(_ w: UInt64) -> UInt64 {
        (w | ((w &- 0x0101_0101_0101_0101) & ~w)) & 0x8080_8080_8080_8080
    }

    /// Lanes holding an ASCII byte strictly between `low` and `high` (`low < high`, both at most `0x80`); exact in
    /// every lane (the "has between" trick: the sums stay within each lane because bytes ≥ `0x80` are masked first).
    @inlinable @inline(__always)
    public static func between(_ w: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let seven = w & 0x7F7F_7F7F_7F7F_7F7F
        return (repeated(127 &+ high) &- seven) & ~w & (seven &+ repeated(127 &- low)) & 0x8080_8080_8080_8080
    }
}
