import Dispatch
import Foundation
import LicensingModel
import Reports

/// Output rendered and written on a second thread: the producing thread (`events` reading its files, `analyze
/// --format jsonl` walking its timeline and re-reading line text) hands events — and records built elsewhere, such
/// as a finding's — over in batches and goes on, while a serial queue renders each batch (text lines or
/// `licscope.event/1` records) into its ``ReportStream``, which writes it out. Everything keeps the order it was
/// sent in; at most ``depth`` batches wait, so memory stays bounded whatever the input size. Every use of the stream
/// (rendering, `--redact`, writing) is on the queue until ``drained()`` hands it back. A rendered batch is handed
/// back to the producing thread, which empties and refills it: the events are freed there, and the queue's thread
/// only renders and writes.
final class EventOutputPipe<Sink: ReportSink>: @unchecked Sendable {
    /// How an event is rendered.
    enum Format: Sendable {
        case text, jsonl
    }

    /// One thing to render, in the order sent.
    private enum Item {
        case event(Event)
        case record(EventRecordEncoder.Record)
    }

    /// Items per batch.
    static var batchSize: Int { 2_048 }
    /// Batches handed over and not yet rendered, at most.
    static var depth: Int { 4 }

    private let format: Format
    private let queue = DispatchQueue(label: "licscope.events.output")
    private let slots: DispatchSemaphore
    /// Read and written on the queue only (until ``drained()``).
    private var out: ReportStream<Sink>
    /// Filled on the producing thread only.
    private var pending: [Item] = []
    /// Batches rendered, for the producing thread to empty and reuse (guarded by ``spentLock``).
    private var spent: [[Item]] = []
    private let spentLock = NSLock()

    /// Takes over `out`; from now on it is used on the pipe's queue only.
    init(_ out: ReportStream<Sink>, format: Format) {
        self.out = out
        self.format = format
        slots = DispatchSemaphore(value: Self.depth)
        pending.reserveCapacity(Self.batchSize)
    }

    /// Queues `event` to be written (from the producing thread). A JSON Lines record needs a time: an untimed event
    /// is not queued and false is returned (as ``ReportStream/append(eventRecord:)`` would).
    func send(_ event: consuming Event) -> Bool {
        if format == .jsonl, event.time == nil { return false }
        enqueue(.event(event))
        return true
    }

    /// Queues a record built from its parts (``ReportStream/append(record:)``), in order with the events.
    func send(record: consuming EventRecordEncoder.Record) {
        enqueue(.record(record))
    }

    /// Writes everything queued and finishes the stream (``ReportStream/finish()``); returns when it is written.
    /// More may be sent afterwards.
    func finish() {
        handOver()
        queue.sync { out.finish() }
    }

    /// Renders everything queued and hands the stream back, not finished (its sink may still hold the last block);
    /// the pipe is not to be used afterwards.
    func drained() -> ReportStream<Sink> {
        handOver()
        return queue.sync { out }
    }

    private func enqueue(_ item: consuming Item) {
        pending.append(item)
        if pending.count >= Self.batchSize { handOver() }
    }

    private func handOver() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = spentLock.withLock { spent.popLast() } ?? []
        // Frees the events of a rendered batch here, not on the queue.
        pending.removeAll(keepingCapacity: true)
        pending.reserveCapacity(Self.batchSize)
        slots.wait()
        queue.async { [self] in
            for i in batch.indices { render(batch[i]) }
            spentLock.withLock { spent.append(batch) }
            slots.signal()
        }
    }

    /// Renders one item into the stream (on the queue).
    private func render(_ item: Item) {
        switch (item, format) {
        case (.event(let event), .text):
            out.append(TerminalText.escaped(EventRecord.text(event)))
            out.append(byte: 0x0A)
        case (.event(let event), .jsonl):
            out.append(eventRecord: event)
        case (.record(let record), _):
            out.append(record: record)
        }
    }
}
