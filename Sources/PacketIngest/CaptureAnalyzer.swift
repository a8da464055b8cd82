import Foundation
import LicensingModel

/// Analyzes one capture file: streams its frames (the pcap block reader for classic pcap it reads exactly as libpcap
/// does, libpcap for the rest, or the pcapng block reader when libpcap refuses a well-formed file), decodes them, and
/// returns events, ladders, flows and damage.
///
/// Limits (memory stays bounded whatever the file size; see ``CaptureOptions``):
/// - the file is streamed record by record, never held; pcapng blocks over 64 MiB are treated as damage;
/// - per TCP direction at most `streamByteLimit` (256 KiB) is reassembled, out-of-order data waits in at most
///   64 segments within that budget; a hole that cannot fill (lost segment, snaplen cut) ends decoding of that
///   direction; decoding stops as soon as the handshake or HTTP heads are over;
/// - at most `maxTrackedFlows` connections are live; closed ones are finished 256 frames after closing, idle ones
///   after five minutes of capture time, and the oldest half is finished when the table is full;
/// - HTTP bodies are kept (64 KiB) only for licensing paths and JSON/XML/SOAP content, 64 messages per connection;
/// - IP fragments are noted (`capture.anomaly` `ip_fragment`), not reassembled;
/// - at most 200,000 events are kept (an `event_limit` anomaly counts the rest);
/// - reading one file stops at `timeLimit` (10 minutes) of wall time, as damage at the offset reached;
/// - damaged pcapng blocks are skipped by a linear resynchronization scan, each reported with its offset.
public enum CaptureAnalyzer {
    /// Analyzes `path`. Never throws: unreadable parts become ``Damage`` and reading goes on where it can.
    public static func analyze(path: String, options: CaptureOptions) -> CaptureAnalysis {
        let shown = options.displayPath ?? path
        if let refusal = SpecialFile.refusal(path) {
            return CaptureAnalysis(
                path: shown, reader: "none", errors: [Damage(capture: refusal, offset: nil, frame: nil)])
        }
        let head = firstBytes(path, count: 24)
        guard let head else {
            return CaptureAnalysis(
                path: shown, reader: "none",
                errors: [Damage(capture: "cannot open \(path)", offset: nil, frame: nil)])
        }
        let format = CaptureFormat.sniff(head)
        let deadline = ReadDeadline(limit: options.timeLimit)
        if format == "pcapng", PcapngBlockReader.sectionHeaderTrailerDiffers(path: path) {
            let why = "libpcap not used: it does not check the section header's trailing length"
            return run(PcapngBlockReader(path: path, why: why, libpcapTried: false), path: shown, options: options,
                       deadline: deadline)
        }
        if format == "pcap", let reader = PcapBlockReader.forFile(path: path, head: head) {
            return run(reader, path: shown, options: options, deadline: deadline)
        }
        switch LibpcapReader.open(path: path, isPcapng: format == "pcapng") {
        case .success(let reader):
            let first = run(reader, path: shown, options: options, deadline: deadline)
            // libpcap 1.10 stops at the first interface whose link type or snaplen differs, and at the first
            // damaged block: re-read the blocks (reading on past damage), and keep the reading that got further.
            let timedOut = first.errors.contains { $0.reason.hasPrefix("per-file time limit") }
            if format == "pcapng", !timedOut, let e = first.errors.first {
                let second = run(PcapngBlockReader(path: path, why: e.reason), path: shown, options: options,
                                 deadline: deadline)
                return second.framesRead >= first.framesRead ? second : first
            }
            return first
        case .failure(let refusal):
            if format == "pcapng" {
                return run(PcapngBlockReader(path: path, why: refusal.message), path: shown, options: options,
                           deadline: deadline)
            }
            let what = format == nil ? "not a pcap or pcapng file (bad magic)" : refusal.message
            return CaptureAnalysis(
                path: shown, reader: "\(LibpcapReader.versionName) (refused the file)",
                errors: [Damage(capture: what, offset: 0, frame: nil)])
        }
    }

    private static func run(
        _ reader: some FrameSource, path: String, options: CaptureOptions, deadline: ReadDeadline
    ) -> CaptureAnalysis {
        var processor = PacketProcessor(path: path, options: options)
        var frames = 0
        var errors = reader.forEachFrame(deadline: deadline) { frame in
            frames = frame.number
            processor.process(frame)
        }
        processor.finishCapture()
        let timeBefore = reader.timeBeforeDamage
        for e in errors { addReadError(e, framesRead: frames, timeBefore: timeBefore, to: &processor) }
        if processor.sink.dropped > 0 {
            // Not silent: events were lost, so the capture counts as partly unreadable.
            errors.append(Damage(capture: "\(processor.sink.dropped) per-packet events beyond the limit of \(processor.sink.limit) were not kept",
                offset: nil, frame: nil))
        }
        // Frame order; events of one frame keep the order they were produced in (sorting keys, not events).
        let unsorted = processor.sink.events
        let keys = unsorted.indices.map { i -> (Int, Int) in
            if case .frame(let n) = unsorted[i].source.location { return (n, i) }
            return (Int.max, i)
        }
        let events = keys.sorted { $0 < $1 }.map { unsorted[$0.1] }
        return CaptureAnalysis(
            path: path, events: events, ladders: processor.ladders, flows: processor.flows, framesRead: frames,
            reader: reader.readerName, firstFrameTime: processor.firstTime?.date,
            lastFrameTime: processor.lastTime?.date, errors: errors)
    }

    /// A `read_error` anomaly for one piece of damage, placed by its file offset. The damaged record has no usable
    /// timestamp of its own, so the event takes the time of the last good frame read before it, and says so
    /// (`time_basis: last_frame_before`): where reading stopped at the damage that is the last frame read; where it
    /// resumed after it, the frame the reader delivered just before it. Damage before any frame has no time
    /// (`time_basis: none`).
    private static func addReadError(
        _ e: Damage, framesRead: Int, timeBefore: [Int: FrameTime], to processor: inout PacketProcessor
    ) {
        let stoppedHere = e.frame.map { $0 > 1 && $0 == framesRead + 1 } ?? false
        let time = stoppedHere ? processor.lastTime : e.frame.flatMap { timeBefore[$0] }
        processor.sink.addAnomaly(
            "read_error", detail: e.reason, frame: max(1, e.frame ?? 1), time: time, offset: e.offset ?? -1,
            extra: ["time_basis": .string(time == nil ? "none" : "last_frame_before")])
    }

    private static func firstBytes(_ path: String, count: Int) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = fread(&bytes, 1, count, file)
        return Array(bytes.prefix(got))
    }
}
