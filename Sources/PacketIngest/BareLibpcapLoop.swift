internal import CPcap
import Foundation

/// The benchmark's baseline: the cheapest possible libpcap read loop (open, `pcap_next_ex` until EOF, count bytes).
public enum BareLibpcapLoop {
    /// Reads every record of `path`; returns the frame count and the captured bytes, or nil when libpcap refuses it.
    public static func run(path: String) -> (frames: Int, bytes: Int)? {
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard let handle = pcap_open_offline(path, &errbuf) else { return nil }
        defer { pcap_close(handle) }
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        var frames = 0
        var bytes = 0
        while pcap_next_ex(handle, &header, &data) == 1 {
            frames += 1
            bytes &+= Int(header?.pointee.caplen ?? 0) &+ Int(data?.pointee ?? 0)
        }
        return (frames, bytes)
    }
}
