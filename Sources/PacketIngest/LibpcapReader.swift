internal import CPcap
import Foundation
import LicensingModel

/// Reads pcap and pcapng files through libpcap (`pcap_open_offline` with nanosecond stamps, `pcap_next_ex`).
final class LibpcapReader: FrameSource {
    private let handle: OpaquePointer
    let readerName: String

    /// Opens `path`; on failure returns libpcap's error text.
    static func open(path: String, isPcapng: Bool) -> Result<LibpcapReader, OpenFailure> {
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard let handle = pcap_open_offline_with_tstamp_precision(path, UInt32(PCAP_TSTAMP_PRECISION_NANO), &errbuf)
        else {
            let message = String(decoding: errbuf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(OpenFailure(message: message))
        }
        return .success(LibpcapReader(handle: handle, isPcapng: isPcapng, standardRecords: hasStandardRecords(path)))
    }

    /// Whether `path` starts with one of the four standard classic-pcap magics, whose records have 16-byte headers
    /// (the modified format, magic `A1B2CD34`, has 24-byte ones).
    private static func hasStandardRecords(_ path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var magic = [UInt8](repeating: 0, count: 4)
        guard fread(&magic, 1, 4, file) == 4 else { return false }
        return CaptureFormat.sniff(magic) == "pcap"
    }

    /// libpcap's refusal to open a file.
    struct OpenFailure: Error { var message: String }

    private init(handle: OpaquePointer, isPcapng: Bool, standardRecords: Bool) {
        self.handle = handle
        self.isPcapng = isPcapng
        self.standardRecords = standardRecords
        self.snapshot = Int(pcap_snapshot(handle))
        self.readerName = Self.versionName
    }

    /// Whether the file is pcapng (record offsets are then not computable from record lengths).
    private let isPcapng: Bool
    /// A classic file with 16-byte record headers: the next record's offset follows from the lengths libpcap hands
    /// out, but for a record libpcap cut to the snapshot length (it reads past the rest, whose length it does not
    /// hand out). Otherwise the offset is asked of libpcap's `FILE` after each record.
    private let standardRecords: Bool
    /// The snapshot length libpcap cuts records to.
    private let snapshot: Int

    deinit { pcap_close(handle) }

    /// `libpcap 1.10.3`.
    static var versionName: String {
        guard let text = pcap_lib_version() else { return "libpcap" }
        let words = String(cString: text).split(separator: " ")
        if words.count >= 3, words[0] == "libpcap", words[1] == "version" { return "libpcap \(words[2])" }
        return String(cString: text)
    }

    func forEachFrame(deadline: ReadDeadline, _ body: (RawFrame) -> Void) -> [Damage] {
        let linkType = Int(pcap_datalink(handle))
        var number = 0
        var damage: [Damage] = []
        if !LinkLayerDecoder.supported.contains(linkType) {
            damage.append(Damage(capture: "link type \(linkType) is not decoded: frames are counted, not analyzed", offset: 20, frame: nil))
        }
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        // Classic pcap: the next record's offset is known by arithmetic (24-byte file header, 16-byte record
        // headers), except after a record cut to the snapshot length or in the modified format, where the FILE is
        // asked (ftell, which may cost a system call: only there). pcapng: asked only on error.
        var nextOffset = 24
        while true {
            if let reason = deadline.reasonToStop(beforeRecord: number) {
                return damage + [Damage(capture: reason, offset: isPcapng ? currentOffset() : nextOffset,
                                              frame: number + 1)]
            }
            let rc = pcap_next_ex(handle, &header, &data)
            if rc == 1, let h = header?.pointee, let data {
                if !isPcapng {
                    let cut = Int(h.caplen) >= snapshot
                    nextOffset = standardRecords && !cut ? nextOffset + 16 + Int(h.caplen) : currentOffset() ?? nextOffset
                }
                number += 1
                let frame = RawFrame(
                    number: number, seconds: Int64(h.ts.tv_sec), nanoseconds: Int64(h.ts.tv_usec),
                    linkType: linkType, bytes: UnsafeRawBufferPointer(start: data, count: Int(h.caplen)),
                    originalLength: Int(h.len))
                body(frame)
            } else if rc == PCAP_ERROR_BREAK || rc == 0 {
                break
            } else {
                let message = pcap_geterr(handle).map { String(cString: $0) } ?? "libpcap read error \(rc)"
                let offset = isPcapng ? currentOffset() : nextOffset
                return damage + [Damage(capture: message, offset: offset, frame: number + 1)]
            }
        }
        return damage
    }

    /// Where libpcap's FILE stands (after the failed read, for pcapng).
    private func currentOffset() -> Int? {
        guard let file = pcap_file(handle) else { return nil }
        let position = ftell(file)
        return position >= 0 ? Int(position) : nil
    }
}
