import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built binary as its own child (posix_spawn) and waits with `wait4`, so each run's own peak RSS is known;
/// a run that outlives its time limit is killed and reported as such.
struct MeasuredRun {
    /// How the run ended.
    var exitStatus: Int32?
    /// The signal that ended it (a trap is SIGILL or SIGTRAP), when it was one.
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident set size in bytes.
    var peakRSS: Int
    /// True when the time limit killed it.
    var timedOut: Bool

    /// Runs `licscope ARGUMENTS`, output into files under `scratch`, for at most `timeLimit` seconds.
    static func run(_ arguments: [String], scratch: URL, environment: [String: String] = [:], timeLimit: Double = 120) throws -> MeasuredRun {
        let tag = UUID().uuidString.prefix(8)
        let outPath = scratch.appendingPathComponent("stdout-\(tag)").path
        let errPath = scratch.appendingPathComponent("stderr-\(tag)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let binary = BinaryRunner.binary.path
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard rc == 0 else { throw CocoaError(.fileNoSuchFile) }
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                timedOut = true
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(20_000)
        }
        let read = { (path: String) in
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        let terminatedBySignal = status & 0x7F != 0
        return MeasuredRun(
            exitStatus: terminatedBySignal ? nil : (status >> 8) & 0xFF, signal: terminatedBySignal ? status & 0x7F : nil,
            stdout: read(outPath), stderr: read(errPath), peakRSS: Int(usage.ru_maxrss) * 1024, timedOut: timedOut)
    }
}
