import LicensingModel
import Testing
import TextIngest

/// A `show license` output's line count is the log reader's: `analyze`'s inventory and `events`' stderr printed one
/// line more (the empty piece after the final line break) for the same file.
@Suite("line counts of show license outputs")
struct SnapshotLineCountTests {
    static let output = "admin:show license status\nSmart Licensing is ENABLED\n\nRegistration:\n  Status: REGISTERED\n"

    @Test("a show license output counts the lines the log reader counts", arguments: [
        output, output + "\n", String(output.dropLast()), "", "\n", "admin:show license status",
    ])
    func sameAsLogReader(text: String) {
        let snapshot = SnapshotEvents.read(text: text, path: "cli.txt", zones: ZoneResolver()).lineCount
        let log = LogIngester.ingest(bytes: Array(text.utf8), options: LogIngestOptions(catalog: MessageCatalog(entries: [])))
        #expect(snapshot == log.linesRead)
    }

    @Test("five lines ending in a line break are five lines")
    func fiveLines() {
        #expect(SnapshotEvents.read(text: Self.output, path: "cli.txt", zones: ZoneResolver()).lineCount == 5)
        #expect(TextLineCount.of(Self.output) == 5)
        #expect(TextLineCount.of("") == 0)
        #expect(TextLineCount.of("no break") == 1)
    }
}
