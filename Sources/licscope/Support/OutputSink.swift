import Analysis
import Foundation
import Reports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A command's output as a ``ReportStream``: standard output or the `-o` file, written in blocks of
/// ``OutputSink/blockSize``.
typealias CommandOutput = ReportStream<OutputSink>

/// Where a command's output goes: the blocks of its ``ReportStream`` are written straight to a file descriptor
/// (standard output or the `-o` file), so a stream of records is never built as one string and costs no per-line
/// locking or bridging. With `--redact` the blocks are rewritten whole lines at a time: a line cut by a block
/// boundary waits for its end, so an identifier split in two is still seen whole.
struct OutputSink: ReportSink {
    /// The block size of a command's output stream (one `write` each).
    static let blockSize = 256 << 10

    private let fd: Int32
    /// `--redact`: one placeholder mapping for the whole output.
    private var redactor: OutputRedactor?
    /// With a redactor, the bytes after the last line break handed over so far (the start of a cut line).
    private var partialLine: [UInt8] = []
    /// Whether a failed write ends the command (exit 2, one line), or is only remembered in ``failure``.
    private let failureEndsCommand: Bool
    /// Why a write failed (a closed pipe, a full disk); nothing more is written after it.
    private(set) var failure: String?

    /// Writes to `fd`; with `redactor`, redacted. A write failure ends the command unless `failureEndsCommand` is
    /// false (a second report, whose failure is a warning).
    init(fd: Int32 = STDOUT_FILENO, redactor: OutputRedactor? = nil, failureEndsCommand: Bool = true) {
        self.fd = fd
        self.redactor = redactor
        self.failureEndsCommand = failureEndsCommand
    }

    /// A command's output stream into `fd`.
    static func stream(fd: Int32, redact: Bool) -> CommandOutput {
        ReportStream(sink: OutputSink(fd: fd, redactor: redact ? OutputRedactor() : nil), blockSize: blockSize)
    }

    mutating func receive(_ bytes: [UInt8]) {
        guard redactor != nil else { return writeOut(bytes) }
        guard let last = bytes.lastIndex(of: 0x0A) else {
            partialLine.append(contentsOf: bytes)
            return
        }
        if partialLine.isEmpty {
            writeRedacted(bytes[...last])
        } else {
            partialLine.append(contentsOf: bytes[...last])
            writeRedacted(partialLine[...])
        }
        partialLine.removeAll(keepingCapacity: true)
        partialLine.append(contentsOf: bytes[(last + 1)...])
    }

    /// Writes out a line held back (redacted as it is: the output ends there, or a file's output does).
    mutating func flush() {
        guard !partialLine.isEmpty else { return }
        writeRedacted(partialLine[...])
        partialLine.removeAll(keepingCapacity: true)
    }

    private mutating func writeRedacted(_ lines: ArraySlice<UInt8>) {
        // Redacted in place: a local copy would share the placeholder table and copy it whenever a block adds one.
        guard let text = redactor?.redact(String(decoding: lines, as: UTF8.self)) else { return writeOut(Array(lines)) }
        writeOut(Array(text.utf8))
    }

    /// Writes out `chunk`, retrying short writes; a failure ends the command or is remembered.
    private mutating func writeOut(_ chunk: [UInt8]) {
        var offset = 0
        while offset < chunk.count, failure == nil {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                if failureEndsCommand { Terminal.fail("cannot write the output: \(failure ?? "")") }
            } else {
                offset += n
            }
        }
    }
}
