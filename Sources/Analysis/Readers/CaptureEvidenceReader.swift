import BundleIngest
import LicensingModel
import PacketIngest
import Timeline

/// pcap and pcapng captures: connection ladders and their events, streamed frame by frame.
public struct CaptureEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "capture" }
    public var pass: Int { 1 }

    /// pcap (six magics: µs and ns, both byte orders, and the "modified" pcap magic) with a whole file header, or
    /// pcapng (a section header block followed by the byte-order magic in either order).
    public func recognise(prefix head: ArraySlice<UInt8>, name: String) -> ContentKind? {
        if head.count >= 24, Self.pcapMagics.contains(where: { head.starts(with: $0) }) { return .pcap }
        if head.count >= 12, head.starts(with: [0x0a, 0x0d, 0x0d, 0x0a]) {
            let byteOrder = head.dropFirst(8).prefix(4)
            if byteOrder.elementsEqual([0x1a, 0x2b, 0x3c, 0x4d]) || byteOrder.elementsEqual([0x4d, 0x3c, 0x2b, 0x1a]) {
                return .pcapng
            }
        }
        return nil
    }

    private static let pcapMagics: [[UInt8]] = [
        [0xa1, 0xb2, 0xc3, 0xd4], [0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x4d, 0x3c, 0xb2, 0xa1],
        [0xa1, 0xb2, 0xcd, 0x34], [0x34, 0xcd, 0xb2, 0xa1],
    ]

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        let a = CaptureAnalyzer.analyze(
            path: entry.localPath,
            options: CaptureOptions(
                extraTrustAnchorsPEM: context.options.extraTrustAnchorsPEM, displayPath: entry.displayPath))
        var out = EvidenceReading(reader: a.reader)
        out.sources = [SourceEvents(path: entry.displayPath, kind: .capture, events: a.events)]
        out.present = [.capture]
        out.frames = a.framesRead
        out.damage = a.errors
        return out
    }
}
