import Foundation
import Testing

/// Servers the tests start keep none of the test process's descriptors beyond stdin, stdout and stderr: an
/// inherited `flock` or output pipe held by a server that outlives a crashed test would block whoever waits on it.
@Suite struct LoopbackProcessTests {
    @Test func aStartedServerHoldsNoInheritedDescriptor() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-inherit-\(UUID().uuidString)").path
        let fd = open(path, O_CREAT | O_RDWR, 0o600)  // no O_CLOEXEC: inherited unless the spawn closes it
        try #require(fd > 2)
        defer { close(fd); unlink(path) }
        let server = try LoopbackProcess("sleep", ["30"])
        defer { server.stop() }
        let held = (try FileManager.default.contentsOfDirectory(atPath: "/proc/\(server.pid)/fd")).compactMap { Int32($0) }
        #expect(!held.isEmpty)
        // Only the planted descriptor is checked: tests running beside this one may open descriptors between the
        // listing and the spawn, and those (not the ones held from before, such as a flock) can still slip through.
        let targets = held.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(server.pid)/fd/\($0)") }
        #expect(!targets.contains(path))
    }
}
