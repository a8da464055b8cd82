import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, with what `wait4` measured.
public struct ChildExit: Sendable, Hashable {
    /// The exit code, when it exited.
    public var exitCode: Int32?
    /// The signal that ended it, when one did.
    public var signal: Int32?
    /// Whether the parent killed it for running past its time limit.
    public var timedOut: Bool
    /// Whether the parent killed it because the run was interrupted.
    public var interrupted: Bool
    /// Peak resident memory, bytes (`ru_maxrss`).
    public var peakMemoryBytes: Int
    /// Wall time, seconds (measured, not evidence time).
    public var wallSeconds: Double
}

/// Runs one program in its own process group (so a time limit kills everything it started), with stdout discarded,
/// stderr to a file, and default signal dispositions; waits with `wait4` for its resource usage.
public enum ChildProcess {
    /// Runs `executable` with `arguments` (argv[1...]) and waits, killing the group at `timeout` or when `isCancelled`.
    public static func run(
        executable: String, arguments: [String], environment: [String: String], stderrPath: String, timeout: Double,
        registry: ChildRegistry
    ) throws -> ChildExit {
        try run(executable: executable, arguments: arguments, environment: environment, stderrPath: stderrPath,
                timeout: timeout, registry: registry, spawnFailure: nil)
    }

    /// `run`, where a test can replace the `posix_spawn` call by `spawnFailure`, which returns an error number (on
    /// glibc the failed child shares the parent's memory and leaves the same value in errno, so only a stand-in
    /// shows which of the two is reported).
    static func run(
        executable: String, arguments: [String], environment: [String: String], stderrPath: String, timeout: Double,
        registry: ChildRegistry, spawnFailure: (() -> Int32)?
    ) throws -> ChildExit {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGHUP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        let started = DispatchTime.now()
        var pid: pid_t = 0
        // posix_spawn returns its error number; it does not set errno.
        var spawnError: Int32 = 0
        let spawned = registry.spawn {
            spawnError = spawnFailure?() ?? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            return spawnError == 0 ? pid : nil
        }
        guard let pid = spawned else {
            if registry.isCancelled { throw ChildProcessError(reason: "interrupted") }
            throw ChildProcessError(reason: "cannot start \(executable): \(String(cString: strerror(spawnError)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var interrupted = false
        var pause: UInt32 = 500
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            if !timedOut && !interrupted {
                if registry.isCancelled {
                    interrupted = true
                    kill(-pid, SIGKILL)
                } else if elapsed > timeout {
                    timedOut = true
                    kill(-pid, SIGKILL)
                }
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
        registry.reaped(pid)
        // Killed by an interruption that came between two polls: still the interruption's doing.
        if registry.isCancelled && !timedOut { interrupted = true }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let exited = (status & 0x7f) == 0
        #if canImport(Darwin)
            let peak = Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            let peak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        return ChildExit(
            exitCode: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f, timedOut: timedOut,
            interrupted: interrupted, peakMemoryBytes: peak, wallSeconds: wall)
    }
}

/// A child could not be started.
public struct ChildProcessError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// The children alive right now, so an interrupted run can kill every one of them (each is its own process group).
public final class ChildRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var live: Set<pid_t> = []
    private var cancelled = false

    public init() {}

    /// Whether the run was interrupted.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Starts a child under the lock, unless the run is already interrupted.
    func spawn(_ start: () -> pid_t?) -> pid_t? {
        lock.withLock {
            guard !cancelled, let pid = start() else { return nil }
            live.insert(pid)
            return pid
        }
    }

    /// Forgets a reaped child.
    func reaped(_ pid: pid_t) { _ = lock.withLock { live.remove(pid) } }

    /// Marks the run interrupted and kills every live child's process group.
    public func cancelAll() {
        lock.withLock {
            cancelled = true
            for pid in live { kill(-pid, SIGKILL) }
        }
    }
}
