import Foundation
import LicensingModel
import Testing
import TextIngest

@Suite("collection time of show license outputs")
struct CollectionTimeTests {
    static let output = """
        admin:show license status
        Smart Licensing is ENABLED

        Registration:
          Status: REGISTERED
          Initial Registration: SUCCEEDED on Mar 10 10:00:00 2026 IST
        License Authorization:
          Status: AUTHORIZED on Mar 11 12:15:10 2026 IST
          Last Communication Attempt: SUCCEEDED on Mar 11 12:15:10 2026 IST
        """

    static func snapshotTime(_ text: String) throws -> EventTime {
        let reading = SnapshotEvents.read(text: text, path: "cli.txt", zones: ZoneResolver())
        return try #require(reading.groups.last?.first { $0.kind == .statusSnapshot }?.time)
    }

    @Test("a timestamp the transcript prints before the prompt is the collection time, and says so")
    func transcriptLine() throws {
        let t = try Self.snapshotTime("Thu Mar 12 09:30:00 IST 2026\n" + Self.output)
        #expect(t.instant.iso8601UTC == "2026-03-12T04:00:00Z")
        #expect(t.assumptions.contains { $0.contains("collection time printed by the transcript at line 1") })
    }

    @Test("without one, or with one before the printed activity, the latest printed activity is the last resort")
    func lastResort() throws {
        let plain = try Self.snapshotTime(Self.output)
        #expect(plain.instant.iso8601UTC == "2026-03-11T06:45:10Z")
        #expect(plain.assumptions.contains { $0.contains("latest activity") })
        let early = try Self.snapshotTime("Mar 01 09:30:00 2026 IST\n" + Self.output)
        #expect(early.instant.iso8601UTC == "2026-03-11T06:45:10Z")
    }
}
