import Foundation
import Testing
@testable import TextIngest

/// Every line head of the corpus (``LineHeaderCorpus``) still parses to the fields stored for it.
@Suite struct LineHeaderCorpusTests {
    @Test func everyHeadParsesAsStored() throws {
        var url = LineHeaderCorpus.sourceFile
        if ProcessInfo.processInfo.environment["LICSCOPE_UPDATE_GOLDEN"] == "1" {
            try LineHeaderCorpus.regenerate()
        } else {
            url = try #require(
                Bundle.module.url(forResource: "heads", withExtension: "jsonl.gz", subdirectory: "Fixtures/line-heads"))
        }
        var checked = 0
        var failures = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for stored in try LineHeaderCorpus.load(url) {
            let now = LineHeaderCorpus.entry(stored.bytes)
            checked += 1
            if now != stored {
                failures += 1
                if failures <= 20 {
                    let text = { (e: LineHeaderCorpus.Entry) in String(decoding: (try? encoder.encode(e)) ?? Data(), as: UTF8.self) }
                    Issue.record("stored \(text(stored))\n   now \(text(now))")
                }
            }
        }
        #expect(failures == 0)
        #expect(checked > 20_000)
    }
}
