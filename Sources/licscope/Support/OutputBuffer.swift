import Analysis
import Foundation
import LicensingModel
import Reports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes for standard output (or the `-o` file), written in 256 KiB blocks straight to the file descriptor, so a
/// stream of records is never built as one string and costs no per-line locking or bridging.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []
    private let fd: Int32
    /// Set when a write failed (a closed pipe, a full disk); `flush` then ends the command (exit 2, one line).
    private(set) var failed = false
    /// `--redact`: each block is redacted before it is written, whole lines at a time (a line cut by the block
    /// boundary waits for its end), with one placeholder mapping for the whole output.
    var redactor: OutputRedactor?
    /// Writes the event records, remembering what repeats between them.
    private var records = EventRecordWriter()

    init(fd: Int32 = STDOUT_FILENO, redactor: OutputRedactor? = nil) {
        self.fd = fd
        self.redactor = redactor
        bytes.reserveCapacity(Self.block + 4096)
    }

    static let block = 256 << 10

    /// Appends text.
    mutating func append(_ text: String) {
        var t = text
        t.withUTF8 { bytes.append(contentsOf: $0) }
        flushIfFull()
    }

    /// Appends bytes rendered elsewhere.
    mutating func append(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
        flushIfFull()
    }

    /// Appends one byte.
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a decimal integer.
    mutating func append(int: Int) { append(String(int)) }

    /// Appends one event record of schema `licscope.event/1`; an untimed event writes nothing and returns false.
    @discardableResult
    mutating func append(eventRecord e: Event) -> Bool {
        let written = records.append(e, to: &bytes)
        flushIfFull()
        return written
    }

    /// Appends one record of schema `licscope.event/1` built from its parts.
    mutating func append(record r: EventRecordEncoder.Record) {
        records.append(r, to: &bytes)
        flushIfFull()
    }

    /// Writes out the buffer when it holds a block.
    mutating func flushIfFull() {
        if bytes.count >= Self.block { flush() }
    }

    /// Writes out everything buffered (with a redactor, up to the last complete line unless `final`).
    mutating func flush(final: Bool = false) {
        guard var redactor else {
            writeOut(bytes)
            bytes.removeAll(keepingCapacity: true)
            return
        }
        let end = final ? bytes.count : (bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        guard end > 0 else { return }
        let block = Array(redactor.redact(String(decoding: bytes[..<end], as: UTF8.self)).utf8)
        self.redactor = redactor
        bytes.removeFirst(end)
        writeOut(block)
    }

    /// Writes out `chunk`, retrying short writes; a failure ends the command.
    private mutating func writeOut(_ chunk: [UInt8]) {
        var offset = 0
        while offset < chunk.count, !failed {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                Terminal.fail("cannot write the output: \(String(cString: strerror(errno)))")
            } else {
                offset += n
            }
        }
    }
}
