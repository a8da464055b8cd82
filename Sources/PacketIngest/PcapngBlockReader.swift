import Foundation
import LicensingModel

/// Reads pcapng block by block: for files libpcap refuses although they are well-formed (libpcap 1.10 rejects
/// interfaces that differ in link type or snaplen), and for damaged ones, which it reads past. Handles several
/// sections of either byte order, per-interface `if_tsresol`, EPB, SPB and the obsolete PB; other blocks are
/// skipped.
///
/// Damage is reported with its offset and reading goes on: a block whose framing is intact but whose content is
/// not (a short packet block, an unknown interface) is skipped; a block whose framing cannot be trusted (its
/// trailing total length differs from its leading one, or the length is absurd or runs past the file) is skipped
/// by a linear resynchronization scan (``PcapngResync``) to the next intact block.
final class PcapngBlockReader: FrameSource {
    let readerName: String
    private let path: String
    private(set) var timeBeforeDamage: [Int: FrameTime] = [:]
    /// Blocks larger than this are treated as damage (an absurd length), not allocated.
    static let maxBlockLength = 64 * 1024 * 1024

    /// A reader for `path`, used because libpcap refused it (`why`), or, when `libpcapTried` is false, instead
    /// of libpcap for the reason `why`.
    init(path: String, why: String, libpcapTried: Bool = true) {
        self.path = path
        self.readerName = libpcapTried ? "pcapng block reader (libpcap refused: \(why))" : "pcapng block reader (\(why))"
    }

    func forEachFrame(deadline: ReadDeadline, _ body: (RawFrame) -> Void) -> [Damage] {
        guard let file = fopen(path, "rb") else {
            return [Damage(capture: "cannot open \(path)", offset: 0, frame: nil)]
        }
        defer { fclose(file) }
        var info = stat()
        let fileSize = fstat(fileno(file), &info) == 0 ? Int(info.st_size) : 0
        let resync = PcapngResync(descriptor: fileno(file), fileSize: fileSize, maxBlockLength: Self.maxBlockLength)
        var state = PcapngSection()
        var damage = CaptureDamageLog()
        var offset = 0
        var blocks = 0
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        var head = [UInt8](repeating: 0, count: 12)
        var lastTime: FrameTime?
        var timed = 0
        /// Gives the damage recorded since the previous frame the time of that frame.
        func timeNewDamage() {
            while timed < damage.errors.count {
                if let frame = damage.errors[timed].frame, let lastTime { timeBeforeDamage[frame] = lastTime }
                timed += 1
            }
        }
        func deliver(_ frame: RawFrame) {
            timeNewDamage()
            lastTime = FrameTime(seconds: frame.seconds, nanoseconds: frame.nanoseconds)
            body(frame)
        }
        /// Records `message` for the block at `offset` and moves past it to the next intact block; false at the end.
        func skipDamaged(_ message: String) -> Bool {
            switch resync.next(from: offset + 4, bigEndian: state.bigEndian, deadline: deadline, blocksSoFar: &blocks) {
            case .found(let next, let bigEndian):
                damage.add(message + "; reading resumed at the next intact block, offset \(next)", offset: offset,
                           frame: state.number + 1)
                offset = next
                state.bigEndian = bigEndian
                return fseeko(file, off_t(next), SEEK_SET) == 0
            case .endOfFile:
                damage.add(message + "; no intact block after it", offset: offset, frame: state.number + 1)
            case .stopped(let at, let reason):
                damage.add(message, offset: offset, frame: state.number + 1)
                damage.add("while looking for the next intact block: " + reason, offset: at, frame: state.number + 1)
            }
            return false
        }
        while true {
            if let reason = deadline.reasonToStop(beforeRecord: blocks) {
                damage.add(reason, offset: offset, frame: state.number + 1)
                break
            }
            blocks += 1
            let got = fread(&head, 1, 12, file)
            if got == 0 { break }
            guard got == 12 else {
                damage.add("truncated block header (\(got) of 12 bytes)", offset: offset, frame: state.number + 1)
                break
            }
            let isSHB = head[0] == 0x0A && head[1] == 0x0D && head[2] == 0x0D && head[3] == 0x0A
            if isSHB {
                if head[8] == 0x1A && head[9] == 0x2B { state.bigEndian = true }
                else if head[8] == 0x4D && head[9] == 0x3C { state.bigEndian = false }
                else if offset == 0 { return [Damage(capture: "bad section byte-order magic", offset: 8, frame: 1)] }
                else if skipDamaged("bad section byte-order magic") { continue } else { break }
                state.interfaces = []
            } else if offset == 0 {
                return [Damage(capture: "not a pcapng file (no section header block)", offset: 0, frame: nil)]
            }
            let length = head.withUnsafeBytes { Int($0.u32(4, bigEndian: state.bigEndian) ?? 0) }
            let type = head.withUnsafeBytes { $0.u32(0, bigEndian: state.bigEndian) ?? 0 }
            guard length >= 12, length % 4 == 0, length <= Self.maxBlockLength else {
                if skipDamaged("absurd block length \(length)") { continue } else { break }
            }
            guard length <= fileSize - offset else {
                let message = "truncated block: \(length) bytes announced, \(fileSize - offset) present"
                if skipDamaged(message) { continue } else { break }
            }
            if block.count < length { block = [UInt8](repeating: 0, count: length) }
            for i in 0..<12 { block[i] = head[i] }
            let rest = length - 12
            let read = rest > 0 ? block.withUnsafeMutableBytes { raw in raw.baseAddress.map { fread($0 + 12, 1, rest, file) } ?? 0 } : 0
            guard read == rest else {
                damage.add("truncated block: \(length) bytes announced, \(read + 12) present", offset: offset,
                           frame: state.number + 1)
                break
            }
            let trailer = block.withUnsafeBytes { $0.u32(length - 4, bigEndian: state.bigEndian) }
            guard trailer == UInt32(length) else {
                let message = "block total length \(length) in its header but \(trailer.map(String.init) ?? "?") "
                    + "in its trailer"
                if skipDamaged(message) { continue } else { break }
            }
            let error: String? = block.withUnsafeBytes { raw in
                state.handle(type: type, block: raw.slice(0, length), offset: offset, body: deliver)
            }
            damage.add(contentsOf: state.warnings)
            state.warnings = []
            if let error { damage.add(error + "; block skipped", offset: offset, frame: state.number + 1) }
            offset += length
        }
        timeNewDamage()
        return damage.all
    }

    /// Whether the file's first block (its section header) has a trailing total length different from its leading
    /// one. libpcap does not check that trailer; this reader does, so such a file is read by it.
    static func sectionHeaderTrailerDiffers(path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 12)
        guard fread(&head, 1, 12, file) == 12, head[8] == 0x1A || head[8] == 0x4D else { return false }
        let bigEndian = head[8] == 0x1A
        guard let length = head.withUnsafeBytes({ $0.u32(4, bigEndian: bigEndian) }), length >= 12,
            Int(length) <= maxBlockLength, fseeko(file, off_t(length) - 4, SEEK_SET) == 0
        else { return false }
        var trailer = [UInt8](repeating: 0, count: 4)
        guard fread(&trailer, 1, 4, file) == 4 else { return false }
        return trailer.withUnsafeBytes { $0.u32(0, bigEndian: bigEndian) } != length
    }
}
