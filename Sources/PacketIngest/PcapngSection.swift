import Foundation
import LicensingModel

/// The per-section parsing state of the pcapng block reader (byte order and interfaces), and the decoding of the
/// blocks that carry frames.
struct PcapngSection {
    struct Interface {
        var linkType: Int
        var snaplen: Int
        var unitsPerSecond: UInt64
    }

    var bigEndian = false
    var interfaces: [Interface] = []
    var number = 0
    var lastSeconds: Int64 = 0
    var lastNanos: Int64 = 0
    /// Damage that does not stop reading (an interface option that cannot be read), reported at the end.
    var warnings: [Damage] = []

    mutating func handle(
        type: UInt32, block b: UnsafeRawBufferPointer, offset: Int, body: (RawFrame) -> Void
    ) -> String? {
        let be = bigEndian
        switch type {
        case 1:  // Interface Description Block
            guard let link = b.u16(8, bigEndian: be), let snap = b.u32(12, bigEndian: be) else {
                return "short interface description block"
            }
            let (units, problem) = tsresol(b, from: 16)
            if let problem {
                warnings.append(Damage(capture: "interface \(interfaces.count): \(problem); timestamps read in microseconds",
                    offset: offset, frame: number + 1))
            }
            interfaces.append(Interface(linkType: Int(link), snaplen: Int(snap), unitsPerSecond: units))
        case 6, 2:  // Enhanced / obsolete Packet Block
            let ifaceIndex = type == 6 ? b.u32(8, bigEndian: be).map(Int.init) : b.u16(8, bigEndian: be).map(Int.init)
            guard let ifaceIndex, let hi = b.u32(12, bigEndian: be), let lo = b.u32(16, bigEndian: be),
                let cap = b.u32(20, bigEndian: be), let orig = b.u32(24, bigEndian: be)
            else { return "short packet block" }
            guard ifaceIndex < interfaces.count else { return "packet block names unknown interface \(ifaceIndex)" }
            guard 28 + Int(cap) <= b.count - 4 else { return "captured length \(cap) exceeds its block" }
            let iface = interfaces[ifaceIndex]
            let ticks = UInt64(hi) << 32 | UInt64(lo)
            let units = max(iface.unitsPerSecond, 1)
            lastSeconds = Int64(clamping: ticks / units)
            // Exact integer arithmetic: (ticks mod units) < units, so the quotient is below 10^9.
            let scaled = (ticks % units).multipliedFullWidth(by: 1_000_000_000)
            lastNanos = Int64(units.dividingFullWidth((scaled.high, scaled.low)).quotient)
            emit(iface, b.slice(28, 28 + Int(cap)), Int(orig), body)
        case 3:  // Simple Packet Block
            guard let first = interfaces.first, let orig = b.u32(8, bigEndian: be) else {
                return "simple packet block without interface"
            }
            var cap = min(Int(orig), b.count - 16)
            if first.snaplen > 0 { cap = min(cap, first.snaplen) }
            emit(first, b.slice(12, 12 + cap), Int(orig), body)
        default:
            break
        }
        return nil
    }

    mutating func emit(_ iface: Interface, _ bytes: UnsafeRawBufferPointer, _ orig: Int, _ body: (RawFrame) -> Void) {
        number += 1
        body(RawFrame(
            number: number, seconds: lastSeconds, nanoseconds: lastNanos, linkType: iface.linkType, bytes: bytes,
            originalLength: orig))
    }

    /// Units per second from the `if_tsresol` option (code 9); microseconds when absent, and with the problem
    /// when an option runs past its block or the resolution cannot be represented.
    func tsresol(_ b: UnsafeRawBufferPointer, from start: Int) -> (UInt64, String?) {
        var i = start
        let optionsEnd = b.count - 4
        // Options end at the trailer: an interface block without options (its trailer right after the snaplen) has
        // none to read, and the trailer's bytes are not an option header.
        while i + 4 <= optionsEnd, let code = b.u16(i, bigEndian: bigEndian), let len = b.u16(i + 2, bigEndian: bigEndian),
            code != 0
        {
            guard i + 4 + Int(len) <= optionsEnd else {
                return (1_000_000, "option \(code) of \(len) bytes runs past the end of its block")
            }
            if code == 9, len >= 1, let v = b.u8(i + 4) {
                let exponent = Int(v & 0x7F)
                if v & 0x80 != 0 {
                    return exponent < 64 ? (UInt64(1) << UInt64(exponent), nil) : (1_000_000, "if_tsresol 2^-\(exponent) is out of range")
                }
                return exponent <= 19
                    ? ((0..<exponent).reduce(UInt64(1)) { r, _ in r * 10 }, nil)
                    : (1_000_000, "if_tsresol 10^-\(exponent) is out of range")
            }
            i += 4 + (Int(len) + 3) / 4 * 4
        }
        return (1_000_000, nil)
    }
}
