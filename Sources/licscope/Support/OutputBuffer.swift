import Foundation
import LicensingModel
import Reports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes for standard output, written in 256 KiB blocks straight to the file descriptor, so a stream of records
/// is never built as one string and costs no per-line locking or bridging.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []
    private let fd: Int32
    /// Set when a write failed (a closed pipe, a full disk); `flush` then ends the command (exit 2, one line).
    private(set) var failed = false

    init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        bytes.reserveCapacity(Self.block + 4096)
    }

    static let block = 256 << 10

    /// Appends text.
    mutating func append(_ text: String) {
        var t = text
        t.withUTF8 { bytes.append(contentsOf: $0) }
        flushIfFull()
    }

    /// Appends one byte.
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a decimal integer.
    mutating func append(int: Int) { append(String(int)) }

    /// Appends a JSON string literal (quotes included), escaped as `JSONEncoder` does with `.withoutEscapingSlashes`.
    mutating func append(jsonString text: String) { EventRecordEncoder.appendString(text, to: &bytes) }

    /// Appends one event record of schema `licscope.event/1`; an untimed event writes nothing and returns false.
    @discardableResult
    mutating func append(eventRecord e: Event) -> Bool {
        let written = EventRecordEncoder.append(e, to: &bytes)
        flushIfFull()
        return written
    }

    /// Appends one record of schema `licscope.event/1` built from its parts.
    mutating func append(record r: EventRecordEncoder.Record) {
        EventRecordEncoder.append(r, to: &bytes)
        flushIfFull()
    }

    /// Writes out the buffer when it holds a block.
    mutating func flushIfFull() {
        if bytes.count >= Self.block { flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() {
        var offset = 0
        while offset < bytes.count, !failed {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                Terminal.fail("cannot write the output: \(String(cString: strerror(errno)))")
            } else {
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
