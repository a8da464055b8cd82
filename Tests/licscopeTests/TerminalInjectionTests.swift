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

    /// The proxy-443 sample with hostile bytes planted in file names, a log line and the `show license` output: an
    /// escape sequence, a BEL, a right-to-left override, a line separator and a byte that is not UTF-8.
    static func hostileBundle() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inject-\(UUID().uuidString)")
        let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cm"), withIntermediateDirectories: true)
        let evil = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}rev\u{2028}"
        func plant(_ from: String, _ to: String, _ edit: (String) -> String) throws {
            let text = try String(contentsOf: sample.appendingPathComponent(from), encoding: .utf8)
            var data = Data(edit(text).utf8)
            if let i = data.firstIndex(of: UInt8(ascii: "~")) { data[i] = 0xFF }
            try data.write(to: root.appendingPathComponent(to))
        }
        try plant("cm/trace/slm/log4j/slm.log", "cm/slm\u{1B}[31m\u{202E}.log") {
            $0.replacingOccurrences(of: "(ERR 205 : Request Aborted)", with: "(ERR 205 : Request~ \(evil)Aborted)")
        }
        try plant("show-license-all.txt", "show\u{202E}license\u{1B}[1m.txt") {
            $0.replacingOccurrences(of: "Failure reason: Communication message send error", with: "Failure reason: send~ \(evil)error")
                .replacingOccurrences(of: "Address: proxy.example.net", with: "Address: proxy\(evil).example.net")
        }
        try FileManager.default.copyItem(at: sample.appendingPathComponent("packets.cap"), to: root.appendingPathComponent("packets.cap"))
        return root
    }

    /// Scalars that must never reach a text or Markdown report raw (a newline is the only control character allowed).
    static func rawUnsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && (TerminalTextProbe.isUnsafe($0) || $0 == "\u{FFFD}") }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test("analyze text and Markdown, and status text, escape control, bidi and undecodable bytes visibly", arguments: [
        ["analyze", "--color", "never"], ["analyze", "--format", "markdown"], ["analyze", "--format", "markdown", "--full"],
        ["analyze", "--summary"], ["status"],
    ])
    func reports(_ command: [String]) throws {
        let root = try Self.hostileBundle()
        defer { try? FileManager.default.removeItem(at: root) }
        // status reads one output; analyze the whole folder.
        let input = command == ["status"] ? root.appendingPathComponent("show\u{202E}license\u{1B}[1m.txt").path : root.path
        let r = try BinaryRunner.run(command + [input])
        #expect([0, 1, 3, 4].contains(r.status), "stderr: \(r.stderr)")
        #expect(!r.stdout.isEmpty)
        #expect(Self.rawUnsafe(r.stdout).isEmpty, "raw: \(Set(Self.rawUnsafe(r.stdout)))")
        // The short forms show no excerpt; the others show the planted text escaped.
        if command != ["analyze", "--summary"] && command != ["analyze", "--format", "markdown"] {
            #expect(r.stdout.contains("\\u{1B}"), "escape shown visibly")
            #expect(r.stdout.contains("\\u{202E}"), "bidi override shown visibly")
        }
        if command.first == "analyze" && command != ["analyze", "--summary"] && command != ["analyze", "--format", "markdown"] {
            #expect(r.stdout.contains("\\u{FFFD}"), "the undecodable byte in the log line shown visibly")
        }
    }
}

/// The unsafe-scalar predicate the renderers use, restated here so the test does not trust the code under test.
enum TerminalTextProbe {
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
