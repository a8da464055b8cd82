import Dispatch
import LicensingModel
import Reports

/// The output of `events`, rendered and written on a second thread: the reading thread hands admitted events over in
/// batches and goes on scanning, while a serial queue renders each batch (text lines or `licscope.event/1` records)
/// into its ``CommandOutput`` stream, which writes it out. Records keep their order; at most ``depth`` batches wait, so memory
/// stays bounded whatever the input size. Every use of the buffer (rendering, `--redact`, writing) is on the queue.
final class EventOutputPipe: @unchecked Sendable {
    /// How an event is rendered.
    enum Format: Sendable {
        case text, jsonl
    }

    /// Events per batch.
    static let batchSize = 2_048
    /// Batches handed over and not yet rendered, at most.
    static let depth = 4

    private let format: Format
    private let queue = DispatchQueue(label: "licscope.events.output")
    private let slots = DispatchSemaphore(value: EventOutputPipe.depth)
    /// Read and written on the queue only.
    private var out: CommandOutput
    /// Filled on the reading thread only.
    private var pending: [Event] = []

    /// Takes over `out`; from now on it is used on the pipe's queue only.
    init(_ out: CommandOutput, format: Format) {
        self.out = out
        self.format = format
        pending.reserveCapacity(Self.batchSize)
    }

    /// Queues `event` to be written (from the reading thread). A JSON Lines record needs a time: an untimed event is
    /// not queued and false is returned (as ``ReportStream/append(eventRecord:)`` would).
    func send(_ event: Event) -> Bool {
        if format == .jsonl, event.time == nil { return false }
        pending.append(event)
        if pending.count >= Self.batchSize { handOver() }
        return true
    }

    /// Writes everything queued and finishes the stream (``ReportStream/finish()``); returns when it is written.
    func finish() {
        handOver()
        queue.sync { out.finish() }
    }

    private func handOver() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        pending.reserveCapacity(Self.batchSize)
        slots.wait()
        queue.async { [self] in
            for event in batch { render(event) }
            slots.signal()
        }
    }

    /// Renders one event into the buffer (on the queue).
    private func render(_ event: Event) {
        switch format {
        case .text:
            out.append(TerminalText.escaped(EventRecord.text(event)))
            out.append(byte: 0x0A)
        case .jsonl:
            out.append(eventRecord: event)
        }
    }
}
