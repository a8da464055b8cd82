internal import CPcap
import Foundation

/// Records live packets to a pcap file with libpcap (needs CAP_NET_RAW, usually root), on a background thread,
/// until ``stop()``. Used by `licscope preflight --capture` to keep its own packets for offline analysis.
public final class LiveCapture: @unchecked Sendable {
    // Safety: the capture thread uses `handle` and `dumper` until its loop returns; `stop()` only calls
    // `pcap_breakloop` (documented as callable from another thread) before `finished` says the loop is over.
    private let handle: OpaquePointer
    private let dumper: OpaquePointer
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Why a capture could not start.
    public struct StartFailure: Error, Sendable, CustomStringConvertible {
        /// libpcap's explanation (`socket: Operation not permitted`).
        public var description: String
    }

    /// Starts capturing on `interface` (`lo`, `any`, `eth0`) with a BPF `filter`, writing to `path`.
    public static func start(interface: String, filter: String, path: String) -> Result<LiveCapture, StartFailure> {
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        func text(_ buffer: [CChar]) -> String {
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let handle = pcap_create(interface, &errbuf) else { return .failure(.init(description: text(errbuf))) }
        _ = pcap_set_snaplen(handle, 65_535)
        _ = pcap_set_immediate_mode(handle, 1)
        _ = pcap_set_timeout(handle, 50)
        let activated = pcap_activate(handle)
        if activated < 0 {
            let why = pcap_geterr(handle).map { String(cString: $0) } ?? "pcap_activate failed (\(activated))"
            pcap_close(handle)
            return .failure(.init(description: why))
        }
        var program = bpf_program()
        if pcap_compile(handle, &program, filter, 1, PCAP_NETMASK_UNKNOWN) != 0 || pcap_setfilter(handle, &program) != 0 {
            let why = pcap_geterr(handle).map { String(cString: $0) } ?? "bad filter"
            pcap_freecode(&program)
            pcap_close(handle)
            return .failure(.init(description: "filter \(filter): \(why)"))
        }
        pcap_freecode(&program)
        guard let dumper = pcap_dump_open(handle, path) else {
            let why = pcap_geterr(handle).map { String(cString: $0) } ?? "cannot write \(path)"
            pcap_close(handle)
            return .failure(.init(description: why))
        }
        let capture = LiveCapture(handle: handle, dumper: dumper)
        let thread = Thread { capture.loop() }
        thread.start()
        return .success(capture)
    }

    private init(handle: OpaquePointer, dumper: OpaquePointer) {
        self.handle = handle
        self.dumper = dumper
    }

    private func loop() {
        let user = UnsafeMutablePointer<UInt8>(dumper)
        _ = pcap_loop(handle, -1, { user, header, bytes in pcap_dump(user, header, bytes) }, user)
        finished.signal()
    }

    /// Waits `settle` seconds for packets still in flight, stops the loop and closes the file. Call once.
    public func stop(settle: Double = 0.3) {
        guard !stopped else { return }
        stopped = true
        Thread.sleep(forTimeInterval: settle)
        pcap_breakloop(handle)
        // The loop returns within its 50 ms read timeout at the latest; only then are the handles closed.
        guard finished.wait(timeout: .now() + 5) == .success else { return }
        pcap_dump_close(dumper)
        pcap_close(handle)
    }
}
