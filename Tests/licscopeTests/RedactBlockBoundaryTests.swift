import Foundation
import Testing

/// `--redact` on outputs of many blocks: every command that streams writes them through one redacting
/// ``OutputSink``, and no address is left, whichever block it falls in (the sink's own handling of a line cut by a
/// boundary is ``OutputSinkRedactionTests``).
@Suite("--redact on multi-block command outputs")
struct RedactBlockBoundaryTests {
    static let prefix = "10:02:09.031 |4211,,,CiscoSLM,3,14-03-2022 ERROR [SLM-12] com.callhome.module.transport.HttpClient#send - "

    /// A log of `count` failures whose reasons are mostly customer addresses (10.77.x.y), so the output of any
    /// command is a few MB in which nearly every byte belongs to an address: every block boundary (64 KiB and
    /// 256 KiB alike) falls inside or beside one.
    static func log(count: Int = 1_500) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redact-blocks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<count).map { i in
            let addresses = (0..<20).map { "10.77.\(i % 250).\($0 + 10 * (i / 250))" }.joined(separator: " ")
            return prefix + "Fail to send out Smart Licensing message to: https://tools.cisco.com/x (ERR 205 : \(addresses))"
        }
        let file = folder.appendingPathComponent("slm.log")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static let commands: [[String]] = [
        ["events", "--format", "jsonl"], ["events", "--format", "text"], ["analyze", "--format", "jsonl"],
    ]

    @Test("no address, whole or cut, survives --redact in a multi-block output", arguments: commands)
    func wholeLines(command: [String]) throws {
        let file = try Self.log()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try BinaryRunner.run(command + ["--redact", file.path])
        #expect(r.stdout.utf8.count > 300_000, "\(r.stdout.utf8.count) bytes: too few blocks to cross a boundary")
        #expect(r.stdout.contains("ip-1 "))
        // An address cut by a boundary leaves "10.77." (or a stray tail) unredacted in one of the halves.
        #expect(!r.stdout.contains("10.77."))
        #expect(!r.stdout.contains(".77."))
        let placeholders = r.stdout.components(separatedBy: "ip-").count - 1
        #expect(placeholders >= 1_500 * 20, "\(placeholders) placeholders")
    }
}
