import Foundation
import Testing

/// Bidi overrides and other format characters planted in a log line, file names and a `show license` output leave
/// every JSON writer as `\uXXXX`, never raw, and every document still parses.
@Suite("JSON injection")
struct JSONInjectionTests {
    /// Scalars no JSON output may hold raw: C0/C1 controls but the newline between lines, DEL, format characters
    /// (the bidi embeddings, overrides, isolates and marks among them) and the line and paragraph separators.
    static func rawUnsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter {
            $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
                || $0.properties.generalCategory == .format)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Checks `output`: no raw unsafe scalar, the planted override escaped, and each document (or line) parses.
    static func check(_ output: String, lines: Bool, _ what: String) {
        #expect(!output.isEmpty, "\(what): no output")
        #expect(rawUnsafe(output).isEmpty, "\(what): raw \(Set(rawUnsafe(output)))")
        #expect(output.contains(#"\u202e"#), "\(what): the override escaped")
        let documents = lines ? output.split(separator: "\n").map(String.init) : [output]
        for d in documents {
            #expect((try? JSONSerialization.jsonObject(with: Data(d.utf8))) != nil, "\(what): not JSON: \(d.prefix(200))")
        }
    }

    @Test("analyze json and jsonl, events jsonl, packets jsonl and status json escape a planted RLO", arguments: [
        ["analyze", "--format", "json"], ["analyze", "--format", "jsonl"], ["events", "--format", "jsonl"],
        ["packets", "--format", "jsonl"], ["status", "--format", "json"],
    ])
    func commands(_ command: [String]) throws {
        let root = try TerminalInjectionTests.hostileBundle()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("packets.cap"), to: root.appendingPathComponent("pack\u{202E}ets.cap"))
        let input: String
        switch command[0] {
        case "status": input = root.appendingPathComponent("show\u{202E}license\u{1B}[1m.txt").path
        case "packets": input = root.appendingPathComponent("pack\u{202E}ets.cap").path
        default: input = root.path
        }
        let r = try BinaryRunner.run(command + [input])
        #expect([0, 1, 3, 4].contains(r.status), "stderr: \(r.stderr)")
        Self.check(r.stdout, lines: command.contains("jsonl"), command.joined(separator: " "))
    }

    @Test("triage's results line escapes an override in a bundle's name")
    func triage() throws {
        let bundle = try TerminalInjectionTests.hostileBundle()
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("inject-triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.moveItem(at: bundle, to: parent.appendingPathComponent("bund\u{202E}le"))
        let out = parent.appendingPathComponent("results.jsonl")
        let r = try BinaryRunner.run(["triage", parent.appendingPathComponent("bund\u{202E}le").path, "--out", out.path, "--jobs", "1"])
        #expect([0, 1, 3, 4].contains(r.status), "stderr: \(r.stderr)")
        Self.check(try String(contentsOf: out, encoding: .utf8), lines: true, "triage results")
    }

    @Test("preflight's JSON escapes an override in the target")
    func preflight() throws {
        let r = try BinaryRunner.run([
            "preflight", "--target", "https://tools.cisco.com/a\u{202E}b", "--proxy",
            "127.0.0.1:\(PreflightCommandTests.closedPort())", "--timeout", "2", "--format", "json",
        ])
        #expect(r.status == 11, "stderr: \(r.stderr)")
        Self.check(r.stdout, lines: false, "preflight")
    }
}
