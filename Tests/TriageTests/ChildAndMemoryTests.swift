import Foundation
import Testing

@testable import Triage

@Suite("child start failures and the memory-limit inference")
struct ChildAndMemoryTests {
    @Test("a program that cannot be started is reported with posix_spawn's own error, whatever errno held")
    func spawnFailureUsesTheReturnedError() throws {
        let stderrPath = NSTemporaryDirectory() + "licscope-spawn-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: stderrPath) }
        errno = EDOM  // posix_spawn returns its error and need not touch errno: this must not be what is reported
        do {
            _ = try ChildProcess.run(
                executable: "/nonexistent/licscope-no-such-program", arguments: [], environment: [:],
                stderrPath: stderrPath, timeout: 5, registry: ChildRegistry())
            Issue.record("a missing program was started")
        } catch let error as ChildProcessError {
            #expect(error.reason == "cannot start /nonexistent/licscope-no-such-program: \(String(cString: strerror(ENOENT)))")
        }
    }

    @Test("posix_spawn's returned error is reported even when errno holds another value")
    func spawnFailureIgnoresErrno() throws {
        do {
            _ = try ChildProcess.run(
                executable: "/bin/true", arguments: [], environment: [:], stderrPath: "/dev/null", timeout: 5,
                registry: ChildRegistry(), spawnFailure: { errno = EDOM; return EACCES })
            Issue.record("a failed spawn was taken as started")
        } catch let error as ChildProcessError {
            #expect(error.reason == "cannot start /bin/true: \(String(cString: strerror(EACCES)))")
        }
    }

    @Test("the memory limit is said to be inferred, from the allocation failure or the peak near the limit")
    func memoryLimitSigns() {
        #expect(BundleAnalyzer.memoryLimitSign(stderr: "fatal error: Cannot allocate memory", peakBytes: 0, limitMiB: 64)
            == "its stderr reports an allocation failure")
        #expect(BundleAnalyzer.memoryLimitSign(stderr: "", peakBytes: 60 * 1_048_576, limitMiB: 64)
            == "its peak memory 60 MiB reached 90 % of the limit")
        #expect(BundleAnalyzer.memoryLimitSign(stderr: "Segmentation fault", peakBytes: 10 * 1_048_576, limitMiB: 64) == nil)
    }
}
