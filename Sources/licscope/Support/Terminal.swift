import Foundation

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

    /// Writes to standard output without buffering surprises.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
