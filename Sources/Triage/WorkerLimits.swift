import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hidden `licscope triage-worker --max-memory MiB --time-limit S -- PROGRAM ARGS…`: limits its own memory,
/// arms an alarm, then replaces itself with PROGRAM (both survive `exec`). `posix_spawn` cannot set limits, hence
/// this step. The alarm is a backstop for a parent that was killed outright (SIGKILL), which can no longer enforce
/// `--timeout` itself: the analysis then still ends by SIGALRM.
public enum WorkerLimits {
    /// The worker subcommand's name.
    public static let subcommand = "triage-worker"
    /// Exit code when PROGRAM could not be started; its stderr says why.
    public static let execFailed: Int32 = 126

    /// Sets `RLIMIT_DATA` (heap and private mappings) to `maxMemoryMiB`, arms `alarm(timeLimitSeconds)`, then
    /// `execv`s `program`. Returns only on failure, with the reason.
    public static func limitAndExec(maxMemoryMiB: Int, timeLimitSeconds: Int, program: [String]) -> String {
        guard let executable = program.first else { return "no program to run" }
        let bytes = rlim_t(maxMemoryMiB) * 1024 * 1024
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_DATA.rawValue)
        #else
            let resource = RLIMIT_DATA
        #endif
        guard setrlimit(resource, &limit) == 0 else { return "cannot set the memory limit: \(String(cString: strerror(errno)))" }
        if timeLimitSeconds > 0 { alarm(UInt32(min(timeLimitSeconds, Int(UInt32.max)))) }
        let argv = program.map { strdup($0) } + [nil]
        execv(executable, argv)
        let reason = String(cString: strerror(errno))
        for pointer in argv { free(pointer) }
        return "cannot run \(executable): \(reason)"
    }
}
