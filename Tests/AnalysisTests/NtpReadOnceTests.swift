import Analysis
import Foundation
import LicensingModel
import Testing
import TextIngest
import Timeline

/// The NTP reader reads its transcript once and hands the same bytes to the catalog and to ``NtpStatusReader``: the
/// reading is what the catalog reads from the file plus the NTP events read from it (how it was read before).
@Suite("utils ntp status transcripts are read once, with unchanged results")
struct NtpReadOnceTests {
    /// A platform CLI transcript: a yearless syslog line (dated by the file's modification time, set to 2019), a
    /// `utils service list` output and an NTP status.
    static func transcript(ntp: String) throws -> String {
        let service = """
            admin:utils service list
            Requesting service status, please wait...
            System SSH [STARTED]
            Cisco Smart License Manager[STOPPED]  Service Not Activated

            Jul 20 09:41:23 cucm-pub: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message.

            """
        let path = NtpAttributionTests.ntpFixtures.appendingPathComponent(ntp).path
        return service + (try String(contentsOfFile: path, encoding: .utf8))
    }

    static func fixtures() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: NtpAttributionTests.ntpFixtures.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test("every NTP fixture, alone and in a transcript with catalog lines: same events, lines, reader and damage")
    func unchanged() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-ntp1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let context = EvidenceReaderContext(options: try AnalysisFixtures.options(), yearHints: [])
        var compared = 0
        for name in try Self.fixtures() {
            let fixture = NtpAttributionTests.ntpFixtures.appendingPathComponent(name).path
            for text in [try String(contentsOfFile: fixture, encoding: .utf8), try Self.transcript(ntp: name)] {
                let path = dir.appendingPathComponent("transcript-\(compared).txt").path
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: 1_563_600_000)], ofItemAtPath: path)
                let entry = EvidenceEntry(displayPath: path, localPath: path, size: text.utf8.count, content: NtpStatusEvidenceReader.kind)
                let reading = NtpStatusEvidenceReader().read(entry, context: context)
                // The reference: the catalog reading the file by its path, and the NTP events of its text.
                var asText = entry
                asText.content = .text
                let catalog = CatalogLogEvidenceReader().read(asText, context: context)
                let (ntp, problems) = NtpStatusReader.events(text: text, path: path)
                var expected = catalog.sources.flatMap(\.events)
                if !ntp.isEmpty { expected += ntp }
                #expect(reading.sources.flatMap(\.events) == expected, "\(name)")
                #expect(reading.damage == catalog.damage + (ntp.isEmpty ? [] : problems), "\(name)")
                #expect(reading.lines == (ntp.isEmpty ? catalog.lines : catalog.lines ?? TextLineCount.of(text)), "\(name)")
                #expect(reading.present == (ntp.isEmpty ? catalog.present : catalog.present.union([.cli])), "\(name)")
                #expect(reading.timeZones == catalog.timeZones, "\(name)")
                compared += 1
            }
        }
        #expect(compared >= 10)
        // The yearless syslog line is dated by the file's modification time (2019), as when the catalog opens it.
        let transcript = try Self.transcript(ntp: "cucm-synchronised.txt")
        let path = dir.appendingPathComponent("dated.txt").path
        try transcript.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_563_600_000)], ofItemAtPath: path)
        let entry = EvidenceEntry(displayPath: path, localPath: path, size: transcript.utf8.count, content: NtpStatusEvidenceReader.kind)
        let events = NtpStatusEvidenceReader().read(entry, context: context).sources.flatMap(\.events)
        let dated = try #require(events.first { $0.time != nil })
        #expect(dated.time?.instant.iso8601UTC.hasPrefix("2019-07-20") == true)
    }
}
