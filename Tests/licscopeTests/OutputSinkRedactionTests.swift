import Analysis
import Foundation
import Reports
import Testing
@testable import licscope

/// `--redact` rewrites the output whole lines at a time: a line that a block boundary cuts (the renderer wrote it in
/// pieces and the buffer filled between them) is held back until its end, so an identifier cut in two is still seen
/// whole. Redacting each block on its own would leave both halves as they are.
@Suite("output sink: --redact on whole lines across block boundaries")
struct OutputSinkRedactionTests {
    /// Writes `pieces` through a redacting command output of `blockSize`-byte blocks into a file; returns the file's
    /// text.
    static func written(_ pieces: [String], blockSize: Int) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        var out = ReportStream(sink: OutputSink(fd: fd, redactor: OutputRedactor()), blockSize: blockSize)
        for piece in pieces { out.append(piece) }
        out.finish()
        close(fd)
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("an address cut by the 64 KiB boundary is redacted; so is an account name cut there")
    func cutAtBoundary() throws {
        let block = 64 << 10
        let filler = String(repeating: "filler line\n", count: block / 12)
        let head = String(filler.prefix(block - 6 - 6)) + "\nhost "
        // The first piece fills the block exactly, ending inside the address; the block is handed over there.
        let text = try Self.written(
            [head + "10.77.", "3.4 refused\n", "Smart Account: Acme ", "Widgets Ltd\n"], blockSize: block)
        #expect((head + "10.77.").utf8.count == block)
        #expect(text.utf8.count > block)
        #expect(!text.contains("10.77"), "\(text.suffix(80))")
        #expect(!text.contains("3.4 refused"))
        #expect(text.contains("\nhost ip-1 refused\n"))
        #expect(!text.contains("Acme") && !text.contains("Widgets"))
        #expect(text.hasSuffix("Smart Account: account-1\n"))
    }

    @Test("a last line without a line break is redacted when the output ends")
    func unterminatedLastLine() throws {
        let text = try Self.written(["ok\n", "host 10.77.", "3.4"], blockSize: 8)
        #expect(text == "ok\nhost ip-1")
    }

    @Test("without --redact the blocks are written as they are")
    func plain() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        var out = OutputSink.stream(fd: fd, redact: false)
        out.append("10.77.3.4 ")
        out.append(bytes: Array(repeating: 0x41, count: OutputSink.blockSize + 1))
        out.append(byte: 0x0A)
        out.finish()
        close(fd)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "10.77.3.4 " + String(repeating: "A", count: OutputSink.blockSize + 1) + "\n")
    }
}
