import Foundation

/// Recognizes capture files by their first bytes.
public enum CaptureFormat {
    /// `pcap` (either byte order, micro- or nanosecond magic), `pcapng`, or nil.
    public static func sniff(_ firstBytes: [UInt8]) -> String? {
        guard firstBytes.count >= 4 else { return nil }
        let magic = Array(firstBytes.prefix(4))
        let pcapMagics: [[UInt8]] = [
            [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4], [0x4D, 0x3C, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D],
        ]
        if pcapMagics.contains(magic) { return "pcap" }
        if magic == [0x0A, 0x0D, 0x0D, 0x0A] { return "pcapng" }
        return nil
    }
}
