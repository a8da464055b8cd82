import BundleIngest
import LicensingModel
import PacketIngest
import Timeline

/// pcap and pcapng captures: connection ladders and their events, streamed frame by frame.
public struct CaptureEvidenceReader: EvidenceReader {
    public init() {}
    public var name: String { "capture" }
    public var pass: Int { 1 }

    public func recognises(_ entry: EvidenceEntry) -> Bool {
        entry.contentClass == .pcap || entry.contentClass == .pcapng
    }

    public func read(_ entry: EvidenceEntry, context: EvidenceReaderContext) -> EvidenceReading {
        let a = CaptureAnalyzer.analyze(
            path: entry.localPath,
            options: CaptureOptions(
                extraTrustAnchorsPEM: context.options.extraTrustAnchorsPEM, displayPath: entry.displayPath))
        var out = EvidenceReading(reader: a.reader)
        out.sources = [SourceEvents(path: entry.displayPath, kind: .capture, events: a.events)]
        out.present = [.capture]
        out.frames = a.framesRead
        out.damage = a.errors.map(\.description)
        return out
    }
}
