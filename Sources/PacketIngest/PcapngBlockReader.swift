import Foundation

/// Reads pcapng block by block, for files libpcap refuses although they are well-formed (libpcap 1.10 rejects
/// interfaces that differ in link type or snaplen). Handles several sections of either byte order, per-interface
/// `if_tsresol`, EPB, SPB and the obsolete PB; other blocks are skipped.
final class PcapngBlockReader: FrameSource {
    let readerName: String
    private let path: String
    /// Blocks larger than this are treated as damage (an absurd length), not allocated.
    static let maxBlockLength = 64 * 1024 * 1024

    private struct Interface {
        var linkType: Int
        var snaplen: Int
        var unitsPerSecond: UInt64
    }

    init(path: String, why: String) {
        self.path = path
        self.readerName = "pcapng block reader (libpcap refused: \(why))"
    }

    func forEachFrame(_ body: (RawFrame) -> Void) -> [CaptureError] {
        guard let file = fopen(path, "rb") else {
            return [CaptureError(message: "cannot open \(path)", offset: 0, frame: nil)]
        }
        defer { fclose(file) }
        var state = SectionState()
        var offset = 0
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        var head = [UInt8](repeating: 0, count: 12)
        while true {
            let got = fread(&head, 1, 12, file)
            if got == 0 { return state.warnings }
            let frameNo = state.number + 1
            guard got == 12 else {
                return state.warnings + [CaptureError(message: "truncated block header (\(got) of 12 bytes)", offset: offset, frame: frameNo)]
            }
            let isSHB = head[0] == 0x0A && head[1] == 0x0D && head[2] == 0x0D && head[3] == 0x0A
            if isSHB {
                if head[8] == 0x1A && head[9] == 0x2B { state.bigEndian = true }
                else if head[8] == 0x4D && head[9] == 0x3C { state.bigEndian = false }
                else { return [CaptureError(message: "bad section byte-order magic", offset: offset + 8, frame: frameNo)] }
                state.interfaces = []
            } else if offset == 0 {
                return [CaptureError(message: "not a pcapng file (no section header block)", offset: 0, frame: nil)]
            }
            let length = head.withUnsafeBytes { Int($0.u32(4, bigEndian: state.bigEndian) ?? 0) }
            let type = head.withUnsafeBytes { $0.u32(0, bigEndian: state.bigEndian) ?? 0 }
            guard length >= 12, length % 4 == 0, length <= Self.maxBlockLength else {
                return state.warnings + [CaptureError(message: "absurd block length \(length)", offset: offset, frame: frameNo)]
            }
            if block.count < length { block = [UInt8](repeating: 0, count: length) }
            for i in 0..<12 { block[i] = head[i] }
            let rest = length - 12
            let read = rest > 0 ? block.withUnsafeMutableBytes { raw in raw.baseAddress.map { fread($0 + 12, 1, rest, file) } ?? 0 } : 0
            guard read == rest else {
                return state.warnings + [CaptureError(
                    message: "truncated block: \(length) bytes announced, \(read + 12) present", offset: offset,
                    frame: frameNo)]
            }
            let error: String? = block.withUnsafeBytes { raw in
                let b = raw.slice(0, length)
                guard b.u32(length - 4, bigEndian: state.bigEndian) == UInt32(length) else {
                    return "block total length in header and trailer differ"
                }
                return state.handle(type: type, block: b, offset: offset, body: body)
            }
            if let error { return state.warnings + [CaptureError(message: error, offset: offset, frame: state.number + 1)] }
            offset += length
        }
    }

    /// The per-section parsing state (byte order and interfaces).
    private struct SectionState {
        var bigEndian = false
        var interfaces: [Interface] = []
        var number = 0
        var lastSeconds: Int64 = 0
        var lastNanos: Int64 = 0
        /// Damage that does not stop reading (an interface option that cannot be read), reported at the end.
        var warnings: [CaptureError] = []

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
                    warnings.append(CaptureError(
                        message: "interface \(interfaces.count): \(problem); timestamps read in microseconds",
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
                lastNanos = Int64((Double(ticks % units) * 1e9 / Double(units)).rounded(.down))
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
            while let code = b.u16(i, bigEndian: bigEndian), let len = b.u16(i + 2, bigEndian: bigEndian), code != 0 {
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
}
