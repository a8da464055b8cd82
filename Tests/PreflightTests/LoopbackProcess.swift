import Foundation
import Testing

/// A server process a test starts on loopback and stops (by its own pid) when the test ends.
final class LoopbackProcess: @unchecked Sendable {
    // Safety: `pid` is set once in init; stop() is called by the owning test (and deinit), and `waitpid` reaps once.
    let pid: pid_t
    private var reaped = false
    let name: String
    private let logPath: String

    /// Starts `tool` (found on PATH) with `arguments` via posix_spawn, output to a log file. Fails the test with a
    /// clear message when the tool is not installed (CI installs it: `make deps`). Foundation's Process is not
    /// used: its waitUntilExit can hang on Linux when several children exit at once.
    init(_ tool: String, _ arguments: [String]) throws {
        guard let path = Self.which(tool) else { throw MissingTool(tool: tool) }
        name = tool
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-\(tool)-\(UUID().uuidString).log").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The server must not inherit the test process's other descriptors: a `flock` held around `swift test`, or
        // the pipe `make test` reads, would stay open in a server that outlives a crashed test and hold them.
        for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw LoopbackServers.ServerError(message: "cannot start \(tool): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// The tool is missing: the message says what to install (tests never skip silently).
    struct MissingTool: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "\(tool) is not installed; the pre-flight integration tests need it (run `make deps` as root, or apt-get install tinyproxy dnsmasq-base openssl python3)"
        }
    }

    /// What the process printed so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    var isRunning: Bool {
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return !reaped
    }

    /// Stops the process (SIGTERM to its pid, SIGKILL after a second: tinyproxy may linger), reaps it, and removes
    /// its log.
    func stop() {
        if isRunning {
            kill(pid, SIGTERM)
            let end = Date().addingTimeInterval(1)
            while isRunning && Date() < end { usleep(20_000) }
            if isRunning {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
                reaped = true
            }
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    deinit { stop() }

    /// The descriptors this process has open now (from /proc/self/fd; empty where /proc is not mounted).
    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
    }

    static func which(_ tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "") .split(separator: ":").map(String.init)
            + ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin"]
        return dirs.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool to completion; its exit status and combined output.
    static func runToEnd(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path = which(tool) else { throw MissingTool(tool: tool) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
