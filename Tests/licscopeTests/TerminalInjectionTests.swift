import Foundation
import Testing

/// Escape sequences and bidi overrides from inputs never reach the text output raw.
@Suite("terminal injection")
struct TerminalInjectionTests {
    @Test("events and packets text escape control and bidi characters from a log line")
    func eventsText() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let line = "10:02:09.031 |4211,,,CiscoSLM,3,14-03-2022 ERROR [SLM-12] com.callhome.module.transport.HttpClient#send - "
            + "Fail to send out Smart Licensing message to: https://tools.cisco.com/x (ERR 205 : \u{1B}]0;owned\u{07}\u{1B}[2J"
            + "Abort\u{202E}ed)\n"
        let log = root.appendingPathComponent("slm\u{1B}[31m.log")
        try line.write(to: log, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["events", log.path])
        #expect(r.stdout.contains("communication"), "the line became an event: \(r.stdout)")
        #expect(!r.stdout.contains("\u{1B}"))
        #expect(!r.stdout.contains("\u{202E}"))
        #expect(!r.stdout.contains("\u{07}"))
        #expect(r.stdout.contains("\\u{1B}"))
    }
}
