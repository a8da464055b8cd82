import Foundation
import TestSupport
import LicensingModel
import Testing
import TextIngest

/// `events` reads a .gz log as one stream: a gzip bomb stops at the ratio limit, as damage naming the limit.
@Suite("log decompression bombs")
struct LogBombTests {
    @Test("a gzip bomb is stopped by its ratio", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/gzip")))
    func gzipBomb() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).log.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Shell.check("head -c 200000000 /dev/zero | /bin/gzip -c > '\(path)'")
        let started = Date()
        let result = LogIngester.ingest(path: path, options: LogIngestOptions(catalog: MessageCatalog(entries: [])))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.damage.contains { $0.reason.contains("compression ratio above 200:1") }, "\(result.damage)")
    }

    @Test("a FIFO or a device is refused without reading", arguments: ["/dev/zero"])
    func device(path: String) {
        let result = LogIngester.ingest(path: path, options: LogIngestOptions(catalog: MessageCatalog(entries: [])))
        #expect(result.damage.first?.reason.contains("not a regular file") == true, "\(result.damage)")
    }
}
