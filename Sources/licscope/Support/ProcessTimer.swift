import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one whole process cost, as the kernel accounted it (`wait4` rusage).
struct ProcessCost: Sendable {
    /// Wall-clock seconds from spawn to reap.
    var wall: Double
    /// User + system CPU seconds of the process and the children it waited for.
    var cpu: Double
    /// Peak resident set size in MB (10^6 bytes; `ru_maxrss` is in KiB on Linux).
    var peakRSSMB: Double
    /// The exit status (or 128 + signal).
    var status: Int32
    /// Bytes of standard output written to the file.
    var outputBytes: Int
}

/// Runs a program as a user would — its own process, standard output to a file — and measures it.
///
/// The program runs under `/usr/bin/time`, whose `wait4` rusage gives CPU and peak RSS: Linux carries a process's
/// peak RSS across `execve`, so a program spawned straight from this (larger) process would report at least this
/// process's size; `time` is small and forks it afresh. Wall time is taken here, around the whole.
enum ProcessTimer {
    /// The timing wrapper (Debian package `time`).
    static let timeBinary = "/usr/bin/time"

    /// Spawns `argv` (searched in `PATH`), standard output to `stdoutPath`, standard error to `stderrPath`
    /// (or /dev/null), with `environment` added to this process's environment.
    /// - Returns: the cost, or nil when the program could not be started.
    static func run(_ argv: [String], stdoutPath: String, stderrPath: String = "/dev/null",
                    environment: [String: String] = [:]) -> ProcessCost? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        let cEnv = envStrings.map { strdup($0) } + [nil]
        defer { cEnv.forEach { free($0) } }
        let stats = stderrPath + ".rusage"
        let wrapped = [timeBinary, "-f", "%U %S %M", "-o", stats] + argv
        let cArgs = wrapped.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        guard FileManager.default.isExecutableFile(atPath: timeBinary),
              posix_spawn(&pid, timeBinary, &actions, nil, cArgs, cEnv) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // `time` writes "Command exited with non-zero status N" first when the program failed; the figures are last.
        let report = (try? String(contentsOfFile: stats, encoding: .utf8)) ?? ""
        let figures = report.split(separator: "\n").last.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        guard figures.count == 3, code != 127 else { return nil }
        let size = (try? FileManager.default.attributesOfItem(atPath: stdoutPath)[.size] as? NSNumber)?.intValue ?? 0
        return ProcessCost(
            wall: wall, cpu: figures[0] + figures[1], peakRSSMB: figures[2] * 1024 / 1e6, status: code, outputBytes: size)
    }

    /// The best (shortest wall time) of `runs` runs; the peak RSS is the largest seen, so it is never flattered.
    static func best(of runs: Int, _ argv: [String], stdoutPath: String, stderrPath: String = "/dev/null",
                     environment: [String: String] = [:]) -> ProcessCost? {
        var best: ProcessCost?
        var peak = 0.0
        for _ in 0..<max(1, runs) {
            guard let c = run(argv, stdoutPath: stdoutPath, stderrPath: stderrPath, environment: environment) else {
                return nil
            }
            peak = max(peak, c.peakRSSMB)
            if best == nil || c.wall < best!.wall { best = c }
        }
        best?.peakRSSMB = peak
        return best
    }
}
