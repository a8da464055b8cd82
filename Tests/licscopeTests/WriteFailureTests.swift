import Foundation
import Testing

/// A report that cannot be written (stdout on a full device, a closed pipe) ends with exit code 2 and one line on
/// stderr, never a fatal error or a silent death by SIGPIPE.
@Suite("write failures")
struct WriteFailureTests {
    /// Runs licscope with stdout sent to `stdout`, returning the status and stderr.
    static func run(_ arguments: [String], stdout: Any) throws -> (status: Int32, stderr: String, reason: Process.TerminationReason) {
        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = arguments
        p.currentDirectoryURL = BinaryRunner.packageRoot
        let err = Pipe()
        p.standardOutput = stdout
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self), p.terminationReason)
    }

    static let commands: [[String]] = [
        ["status", BinaryRunner.seed.path],
        ["events", BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle/cm/trace/slm/log4j/slm.log").path],
        ["packets", BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle/packets.cap").path],
        ["analyze", BinaryRunner.seed.path],
    ]

    @Test("stdout on /dev/full", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")), arguments: commands)
    func fullDevice(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try Self.run(arguments, stdout: full)
        #expect(r.reason == .exit)
        #expect(r.status == 2)
        let errorLines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("licscope: error:") }
        #expect(errorLines.count == 1, "\(r.stderr)")
        #expect(errorLines.first?.contains("cannot write the output") == true)
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test("stdout on a pipe nobody reads", arguments: commands)
    func closedPipe(arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let r = try Self.run(arguments, stdout: pipe)
        #expect(r.reason == .exit, "not killed by SIGPIPE")
        #expect(r.status == 2)
        #expect(r.stderr.contains("licscope: error: cannot write the output"), "\(r.stderr)")
    }
}
