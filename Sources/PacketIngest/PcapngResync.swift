import Foundation

/// Finds where intact pcapng blocks resume after a damaged one (a block whose trailing total length differs from
/// its leading one, or whose length is absurd or runs past the file).
///
/// A candidate is a 4-byte-aligned position holding a known block type, a plausible length that ends inside the
/// file, and the same length again in the trailer at that end. Each position is examined once with a constant
/// amount of work (its first 12 bytes from a sliding window, and a 4-byte read of the trailer only for a plausible
/// header), so the scan is linear in the bytes it passes over whatever the file holds: a crafted file cannot make
/// it quadratic. It also stops at the per-file deadline.
struct PcapngResync {
    /// Block types a resync may land on: SHB, IDB, PB, SPB, NRB, ISB, EPB, and the systemd journal, decryption
    /// secrets and custom blocks.
    static let blockTypes: Set<UInt32> = [0x0A0D_0D0A, 1, 2, 3, 4, 5, 6, 9, 10, 0xBAD, 0x4000_0BAD]
    private static let windowSize = 64 * 1024

    /// The file's descriptor (read with `pread`, which leaves the stream position alone).
    let descriptor: Int32
    let fileSize: Int
    let maxBlockLength: Int

    /// Where the scan ended.
    enum Outcome: Equatable {
        /// An intact block at `offset`, in the byte order given (a section header sets its own).
        case found(offset: Int, bigEndian: Bool)
        /// No intact block before the end of the file.
        case endOfFile
        /// The deadline passed at `offset`.
        case stopped(offset: Int, reason: String)
    }

    /// Scans from `start` (a multiple of 4 past the damaged block's offset) for the next intact block; `blocksSoFar`
    /// counts toward the deadline's check interval (one per 64 KiB window).
    func next(from start: Int, bigEndian: Bool, deadline: ReadDeadline, blocksSoFar: inout Int) -> Outcome {
        var windowStart = start
        var window = [UInt8](repeating: 0, count: Self.windowSize + 12)
        while windowStart <= fileSize - 12 {
            if let reason = deadline.reasonToStop(beforeRecord: blocksSoFar) {
                return .stopped(offset: windowStart, reason: reason)
            }
            blocksSoFar += 1
            let want = min(window.count, fileSize - windowStart)
            let got = window.withUnsafeMutableBytes { raw in pread(descriptor, raw.baseAddress, want, off_t(windowStart)) }
            guard got >= 12 else { return .endOfFile }
            var position = 0
            while position + 12 <= got {
                if let order = intactBlock(window, valid: got, at: position, absolute: windowStart + position, bigEndian: bigEndian) {
                    return .found(offset: windowStart + position, bigEndian: order)
                }
                position += 4
            }
            windowStart += position
        }
        return .endOfFile
    }

    /// The byte order of an intact block at `position` of `window` (its first `valid` bytes read from file offset
    /// `absolute - position`), or nil. A trailer inside the window is read from it, one beyond with `pread`.
    private func intactBlock(_ window: [UInt8], valid: Int, at position: Int, absolute: Int, bigEndian: Bool) -> Bool? {
        window.withUnsafeBytes { raw -> Bool? in
            let head = raw.slice(position, position + 12)
            var order = bigEndian
            if head.be32(0) == 0x0A0D_0D0A {
                switch head.be32(8) {
                case 0x1A2B_3C4D: order = true
                case 0x4D3C_2B1A: order = false
                default: return nil
                }
            } else if let type = head.u32(0, bigEndian: order), !Self.blockTypes.contains(type) {
                return nil
            }
            guard let raw32 = head.u32(4, bigEndian: order) else { return nil }
            let length = Int(raw32)
            guard length >= 12, length % 4 == 0, length <= maxBlockLength, length <= fileSize - absolute else {
                return nil
            }
            if position + length <= valid {
                return raw.u32(position + length - 4, bigEndian: order) == raw32 ? order : nil
            }
            var trailer = [UInt8](repeating: 0, count: 4)
            let got = trailer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 4, off_t(absolute + length - 4)) }
            guard got == 4 else { return nil }
            let stored = trailer.withUnsafeBytes { $0.u32(0, bigEndian: order) }
            return stored == raw32 ? order : nil
        }
    }
}
