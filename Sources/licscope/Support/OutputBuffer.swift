import Foundation

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

    /// Appends a JSON string literal (quotes included), escaped as `JSONEncoder` does with
    /// `.withoutEscapingSlashes`: `"` `\` and control characters; everything else as UTF-8.
    mutating func append(jsonString text: String) {
        bytes.append(0x22)
        var t = text
        t.withUTF8 { u in
            var run = 0
            for (i, c) in u.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                run = i + 1
                switch c {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        bytes.append(0x22)
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
