import Foundation

/// Runs `/bin/sh -c` commands for tests that build their inputs with standard tools (gzip, tar, zip) or run a
/// reproduction hint as a user would.
public enum Shell {
    /// The outcome of one command.
    public struct Outcome: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything the command wrote to standard output.
        public var stdout: Data
        /// Standard output as UTF-8 text.
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// A command that did not exit 0.
    public struct Failure: Error, CustomStringConvertible {
        /// The command.
        public var command: String
        /// Its exit status.
        public var status: Int32
        /// The command and its status.
        public var description: String { "`\(command)` exited \(status)" }
    }

    /// Runs `command` (in `directory` when given), standard error discarded, and returns its status and output.
    @discardableResult
    public static func run(_ command: String, in directory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: data)
    }

    /// Runs `command` and throws ``Failure`` unless it exits 0; its output.
    @discardableResult
    public static func check(_ command: String, in directory: String? = nil) throws -> Outcome {
        let outcome = try run(command, in: directory)
        guard outcome.status == 0 else { throw Failure(command: command, status: outcome.status) }
        return outcome
    }
}
