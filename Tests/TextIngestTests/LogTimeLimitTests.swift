import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// Reading one log stops at its wall-time limit, as damage at the byte reached, keeping what was read.
@Suite("per-file time limit")
struct LogTimeLimitTests {
    @Test("a limit already reached after the first chunk stops the read there, as damage naming the byte")
    func stopsAtTheLimit() {
        let line = "12:00:00.000 |4211,,,CiscoSLM,6,11-03-2026 INFO [SLM-12] filler line\n"
        let bytes = Array(String(repeating: line, count: 100).utf8)
        var options = LogIngestOptions(catalog: MessageCatalog(entries: []))
        options.displayPath = "slow.log"
        options.timeLimit = .zero
        let stopped = LogIngester.ingest(bytes: bytes, chunkSize: line.utf8.count * 10, options: options)
        let damage = stopped.damage.first { $0.reason.contains("per-file time limit of 0 s reached") }
        #expect(damage?.source.path == "slow.log")
        #expect(stopped.bytesRead < bytes.count)
        options.timeLimit = .seconds(600)
        let whole = LogIngester.ingest(bytes: bytes, chunkSize: line.utf8.count * 10, options: options)
        #expect(whole.bytesRead == bytes.count && !whole.damage.contains { $0.reason.contains("time limit") })
    }
}
