/// The two rules that shape a ``LogScanner`` pass's buffer, shared with ``LogBlockSplitter``, which follows the pass's
/// buffer without scanning (a block scan is the single pass's only while both obey the same rules). Positions are
/// the caller's (buffer indices or file offsets); `byte` reads the byte at one.
extension LogScanner {
    /// Where the pass's buffer starts after dropping the text more than ``lookbackBytes`` behind `scanned`, from a
    /// line start on; nil when nothing past `bufferStart` is dropped.
    static func dropPoint(scanned: Int, bufferStart: Int, byte: (Int) -> UInt8) -> Int? {
        var keep = scanned - lookbackBytes
        guard keep > bufferStart else { return nil }
        while keep < scanned, byte(keep - 1) != 0x0A { keep += 1 }
        return keep
    }

    /// Where the pass scans to once the text up to `end` is read: after the last line break past `floor`; nil when
    /// there is none and the unscanned text (from `scanned`) is not longer than ``maxLineBytes``; `end`, marked as a
    /// split, when it is.
    static func scanEnd(scanned: Int, floor: Int, end: Int, byte: (Int) -> UInt8) -> (end: Int, split: Bool)? {
        var e = end
        while e > floor, byte(e - 1) != 0x0A { e -= 1 }
        guard e == floor else { return (e, false) }
        return end - scanned > maxLineBytes ? (end, true) : nil
    }
}
