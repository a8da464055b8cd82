import Foundation
import LicensingModel

/// A report (or any command output) being written to a ``ReportSink`` through one bounded buffer: the writer
/// appends text, bytes and event records, and whenever the buffer holds ``blockSize`` bytes or more it is handed to
/// the sink and emptied. A document of any length is then never held whole; the buffer is at most one block plus
/// the last piece appended.
public struct ReportStream<Sink: ReportSink> {
    /// Where the blocks go.
    public private(set) var sink: Sink
    /// The size at which the buffer is handed over.
    public let blockSize: Int
    private var bytes: [UInt8] = []
    /// Writes the `licscope.event/1` records, remembering what repeats between them.
    private var records = EventRecordWriter()

    /// A stream into `sink`, handing over blocks of `blockSize` bytes (64 KiB unless told).
    public init(sink: Sink, blockSize: Int = 64 << 10) {
        self.sink = sink
        self.blockSize = max(1, blockSize)
        bytes.reserveCapacity(self.blockSize + 4096)
    }

    /// Appends text.
    public mutating func append(_ text: String) {
        var t = text
        t.withUTF8 { bytes.append(contentsOf: $0) }
        handOverIfFull()
    }

    /// Appends bytes rendered elsewhere. A piece of a block or more, arriving when nothing is buffered, is handed
    /// over as it is (not copied into the buffer first).
    public mutating func append(bytes more: [UInt8]) {
        if bytes.isEmpty, more.count >= blockSize {
            sink.receive(more)
            return
        }
        bytes.append(contentsOf: more)
        handOverIfFull()
    }

    /// Appends one byte.
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
        handOverIfFull()
    }

    /// Appends the record of a timed event (``EventRecordWriter/append(_:redact:to:)``); an untimed event writes
    /// nothing and returns false.
    @discardableResult
    public mutating func append(eventRecord e: Event) -> Bool {
        let written = records.append(e, to: &bytes)
        handOverIfFull()
        return written
    }

    /// Appends a record built from its parts (``EventRecordWriter/append(_:redact:to:)``).
    public mutating func append(record r: EventRecordEncoder.Record) {
        records.append(r, to: &bytes)
        handOverIfFull()
    }

    /// Hands over what is buffered and lets the sink write out what it held back (``ReportSink/flush()``): at the
    /// end of a document, or wherever everything so far must be out (a command's output before the next file's
    /// summary on stderr). The stream can be appended to again afterwards.
    public mutating func finish() {
        handOver()
        sink.flush()
    }

    private mutating func handOver() {
        guard !bytes.isEmpty else { return }
        sink.receive(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func handOverIfFull() {
        if bytes.count >= blockSize { handOver() }
    }
}
