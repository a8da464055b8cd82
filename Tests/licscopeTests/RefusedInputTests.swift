import Foundation
import TestSupport
import Testing

/// An input the reading commands refuse (a device, a FIFO) or cannot find is said once, and nothing is reported
/// about it as if it had been read: no `0 lines, format unknown` summary, no `0 frames` section.
@Suite("inputs: refused and missing")
struct RefusedInputTests {
    @Test("/dev/zero: one refusal line, no summary of a read that did not happen", arguments: ["events", "packets", "status"])
    func deviceIsRefusedOnce(command: String) throws {
        let r = try BinaryRunner.run([command, "/dev/zero"])
        #expect(r.stderr == "licscope: /dev/zero: not a regular file (character device); not opened\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(r.status == 5)
    }

    @Test("a path that does not exist is a usage error, as on analyze", arguments: ["events", "packets", "status"])
    func missingPath(command: String) throws {
        let r = try BinaryRunner.run([command, "/nonexistent/licscope-input.log"])
        #expect(r.stderr == "licscope: error: no such file or directory: /nonexistent/licscope-input.log\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.status == 2)
    }
}
