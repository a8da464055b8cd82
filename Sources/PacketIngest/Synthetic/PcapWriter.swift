import Foundation

/// Writes a classic little-endian pcap (microsecond stamps, LINKTYPE_ETHERNET unless told otherwise) — used by
/// the benchmark generator and by tests that build captures byte by byte.
public struct PcapWriter {
    /// The file bytes written so far (header included), when writing to memory.
    public private(set) var bytes: [UInt8] = []
    private let file: UnsafeMutablePointer<FILE>?
    /// Bytes written in total.
    public private(set) var written = 0

    /// Starts a capture in memory.
    public init(linkType: UInt32 = 1, snaplen: UInt32 = 262_144) {
        file = nil
        append(Self.header(linkType: linkType, snaplen: snaplen))
    }

    /// Starts a capture in a file (created or truncated); nil when it cannot be opened.
    public init?(path: String, linkType: UInt32 = 1, snaplen: UInt32 = 262_144) {
        guard let f = fopen(path, "wb") else { return nil }
        file = f
        append(Self.header(linkType: linkType, snaplen: snaplen))
    }

    /// The 24-byte pcap file header.
    public static func header(linkType: UInt32, snaplen: UInt32) -> [UInt8] {
        le32(0xA1B2_C3D4) + le16(2) + le16(4) + le32(0) + le32(0) + le32(snaplen) + le32(linkType)
    }

    /// Appends one record; `originalLength` defaults to the frame's length (set it larger to mimic a snaplen cut).
    public mutating func add(_ frame: [UInt8], microseconds: Int64, originalLength: Int? = nil) {
        let seconds = UInt32(truncatingIfNeeded: microseconds / 1_000_000)
        let micros = UInt32(truncatingIfNeeded: microseconds % 1_000_000)
        append(Self.le32(seconds) + Self.le32(micros) + Self.le32(UInt32(frame.count))
            + Self.le32(UInt32(originalLength ?? frame.count)))
        append(frame)
    }

    /// Flushes and closes the file (no-op in memory).
    public mutating func close() {
        if let file { fclose(file) }
    }

    private mutating func append(_ chunk: [UInt8]) {
        written += chunk.count
        if let file {
            _ = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        } else {
            bytes += chunk
        }
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
}
