import Foundation
import Reports

/// Where output goes and whether it may be colored.
enum Terminal {
    /// Color only on a TTY, and never when `NO_COLOR` is set (https://no-color.org).
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Whether stderr is a terminal (progress is printed only then).
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) != 0 }

    /// Writes to standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Prints the one line an error gets: `licscope: error: …`.
    static func error(_ message: String) {
        warn("licscope: error: " + message)
    }

    /// Writes to standard output without buffering surprises; a failed write (a full device, a closed pipe) ends
    /// the process with exit code 2 and one line on stderr instead of a fatal error.
    static func write(_ text: String) {
        writeAll(Array(text.utf8))
    }

    /// Writes `bytes` to standard output with `write(2)`, retrying short writes and interruptions.
    static func writeAll(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Foundation.write(STDOUT_FILENO, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let reason = result < 0 ? String(cString: strerror(errno)) : "nothing written"
                fail("cannot write the output: \(reason)")
            }
            written += result
        }
    }

    /// Prints `licscope: error: MESSAGE` on stderr, removes the scratch directory and exits with code 2.
    static func fail(_ message: String) -> Never {
        warn("licscope: error: " + message)
        EarlyExitCleanup.removeAll()
        exit(ExitStatus.usageOrIOError.rawValue)
    }

    /// Makes a write to a closed pipe an `EPIPE` error (reported by `writeAll`) instead of a silent SIGPIPE death.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
