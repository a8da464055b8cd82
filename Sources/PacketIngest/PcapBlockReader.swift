import Foundation
import LicensingModel

/// Reads classic pcap files itself: the file is read in 1 MiB chunks, a few ahead on another core (``ReadAhead``),
/// and the 16-byte record headers are walked in place, so a frame costs no system call and no copy (libpcap
/// `fread`s every header and every packet, on the decoding thread).
///
/// It takes only the files whose reading it can state exactly as libpcap 1.10 reads them — version 2.4, one of the
/// four standard magics, a link type ``LinkLayerDecoder`` decodes — and gives the same frames: the same times
/// (microseconds scaled to nanoseconds, the 32-bit fields widened as libpcap widens them), lengths and bytes, a record
/// longer than the file's snapshot length cut to it, and libpcap's damage messages. Anything else (old versions,
/// other link types, live capture) stays with ``LibpcapReader``.
///
/// Bounded and trap-free: every length is checked against the buffer before it is used; a record longer than
/// libpcap's sanity limit, a truncated header or truncated data is damage at the record's byte offset, and reading
/// stops there as libpcap's does.
final class PcapBlockReader: FrameSource {
    let readerName = "pcap block reader"
    private let path: String
    private let header: Header

    /// What the 24-byte file header says.
    struct Header {
        var swapped: Bool
        var nanoseconds: Bool
        /// The link type as libpcap reports it (`pcap_datalink`): LINKTYPE_RAW (101) is DLT_RAW (12) on Linux.
        var linkType: Int
        /// The snapshot length after libpcap's adjustment (0 or too large means the maximum).
        var snapshot: Int
    }

    /// libpcap's `MAXIMUM_SNAPLEN`, the sanity limit on a record's captured length for every link type read here.
    static let maximumSnapshot = 262_144
    /// The read chunk (read ahead on another thread, see ``ReadAhead``).
    static let blockSize = 1 << 20
    /// Room before each chunk for the unread end of the one before: any record fits (at most 16 + 262,144 bytes).
    static let headroom = 16 + maximumSnapshot
    /// LINKTYPE values read here, with the DLT value libpcap hands out for each.
    static let linkTypes: [UInt32: Int] = [0: 0, 1: 1, 101: 12, 108: 108, 113: 113, 228: 228, 229: 229, 276: 276]

    /// A reader for `path` when its first 24 bytes are a header read here; nil otherwise (libpcap then reads it).
    static func forFile(path: String, head: [UInt8]) -> PcapBlockReader? {
        guard let header = parseHeader(head) else { return nil }
        return PcapBlockReader(path: path, header: header)
    }

    private init(path: String, header: Header) {
        self.path = path
        self.header = header
    }

    /// The header of a file read here, or nil.
    static func parseHeader(_ b: [UInt8]) -> Header? {
        guard b.count >= 24 else { return nil }
        return b.withUnsafeBytes { raw -> Header? in
            let swapped: Bool
            let nanoseconds: Bool
            switch raw.loadUnaligned(as: UInt32.self) {  // in this machine's byte order
            case 0xA1B2_C3D4: (swapped, nanoseconds) = (false, false)
            case 0xD4C3_B2A1: (swapped, nanoseconds) = (true, false)
            case 0xA1B2_3C4D: (swapped, nanoseconds) = (false, true)
            case 0x4D3C_B2A1: (swapped, nanoseconds) = (true, true)
            default: return nil
            }
            let half = { (at: Int) -> UInt16 in
                let v = raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)
                return swapped ? v.byteSwapped : v
            }
            guard half(4) == 2, half(6) == 4,
                let dlt = linkTypes[u32(raw, 20, swapped: swapped) & 0x03FF_FFFF]
            else { return nil }
            let snaplen = Int(u32(raw, 16, swapped: swapped))
            let snapshot = snaplen == 0 || snaplen > maximumSnapshot ? maximumSnapshot : snaplen
            return Header(swapped: swapped, nanoseconds: nanoseconds, linkType: dlt, snapshot: snapshot)
        }
    }

    func forEachFrame(deadline: ReadDeadline, _ body: (RawFrame) -> Void) -> [Damage] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [Damage(capture: "cannot open \(path)", offset: 0, frame: nil)] }
        defer { close(fd) }
        guard lseek(fd, 24, SEEK_SET) == 24 else {
            return [Damage(capture: "cannot seek past the file header", offset: 24, frame: 1)]
        }
        let ahead = ReadAhead(fd: fd, chunkSize: Self.blockSize, headroom: Self.headroom)
        defer { ahead.finish() }
        // The bytes being walked: a chunk, possibly preceded (in its head room) by the end of the chunk before.
        var window = UnsafeRawBufferPointer(start: nil, count: 0)
        var windowOffset = 24  // file offset of window[0]
        var start = 0  // the next record, within the window
        var last = false  // no chunk follows the window's
        var number = 0
        let h = header
        /// Makes `count` bytes from `start` contiguous (moving to the next chunk, the unread end of this one copied
        /// before it); false when the file ends first.
        func ensure(_ count: Int) -> Available {
            if window.count - start >= count { return .yes }
            if last { return .no }
            let rest = window.count - start
            let chunk = ahead.next()
            let base = chunk.buffer.baseAddress! + chunk.start
            if rest > 0 { memcpy(base - rest, window.baseAddress! + start, rest) }  // rest < a record ≤ the head room
            windowOffset += start
            window = UnsafeRawBufferPointer(start: base - rest, count: rest + chunk.count)
            start = 0
            last = chunk.isLast
            if chunk.error != 0 {
                let why = String(cString: strerror(chunk.error))
                return .failed(Damage(capture: "error reading dump file: \(why)",
                                      offset: windowOffset + window.count, frame: number + 1))
            }
            return window.count >= count ? .yes : .no
        }
        func damage(_ message: String) -> [Damage] {
            [Damage(capture: message, offset: windowOffset + start, frame: number + 1)]
        }
        while true {
            if let reason = deadline.reasonToStop(beforeRecord: number) { return damage(reason) }
            switch ensure(16) {
            case .failed(let e): return [e]
            case .yes: break
            case .no:
                let got = window.count - start
                return got == 0 ? [] : damage("truncated dump file; tried to read 16 header bytes, only got \(got)")
            }
            let record = UnsafeRawBufferPointer(rebasing: window[start...])
            let seconds = Self.stamp(Self.u32(record, 0, swapped: h.swapped), swapped: h.swapped)
            let fraction = Self.stamp(Self.u32(record, 4, swapped: h.swapped), swapped: h.swapped)
            let caplen = Int(Self.u32(record, 8, swapped: h.swapped))
            let length = Int(Self.u32(record, 12, swapped: h.swapped))
            if caplen > Self.maximumSnapshot {
                return damage(caplen > h.snapshot
                    ? "invalid packet capture length \(caplen), bigger than snaplen of \(h.snapshot)"
                    : "invalid packet capture length \(caplen), bigger than maximum of \(Self.maximumSnapshot)")
            }
            switch ensure(16 + caplen) {
            case .failed(let e): return [e]
            case .yes: break
            case .no:
                // libpcap's wording: past the snapshot length it first reads the snapshot, then discards the rest.
                let available = window.count - start - 16
                let wanted = caplen > h.snapshot && available < h.snapshot ? h.snapshot : caplen
                return damage("truncated dump file; tried to read \(wanted) captured bytes, only got \(available)")
            }
            number += 1
            let kept = min(caplen, h.snapshot)  // libpcap reads the snapshot length and discards the rest
            body(RawFrame(
                number: number, seconds: seconds, nanoseconds: h.nanoseconds ? fraction : fraction * 1000,
                linkType: h.linkType, bytes: UnsafeRawBufferPointer(rebasing: window[(start + 16)..<(start + 16 + kept)]),
                originalLength: length))
            start += 16 + caplen
        }
    }

    /// Whether the bytes asked for are there: yes, no (the file ends first), or the read failed.
    private enum Available {
        case yes, no
        case failed(Damage)
    }

    /// A 32-bit time field widened as libpcap 1.10 widens it: signed (`bpf_int32`) in the machine's byte order,
    /// unsigned after its byte swap. It only matters past 2^31 (2038, or a damaged record); the test pins both.
    @inline(__always)
    static func stamp(_ v: UInt32, swapped: Bool) -> Int64 {
        swapped ? Int64(v) : Int64(Int32(bitPattern: v))
    }

    /// The 32-bit word at `offset` of `b` in the file's byte order (the caller checked the bounds).
    @inline(__always)
    static func u32(_ b: UnsafeRawBufferPointer, _ offset: Int, swapped: Bool) -> UInt32 {
        let v = b.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return swapped ? v.byteSwapped : v
    }
}
