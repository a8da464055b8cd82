import Foundation
import LicensingModel
import Testing
@testable import TextIngest

@Suite("timestamps and zones")
struct TimestampTests {
    let zones = ZoneResolver()

    @Test(
        "Cisco timestamp layouts",
        arguments: [
            ("Jan 26 15:11:23 2018 IST", "2018-01-26T09:41:23Z"),
            ("Nov 9 23:46:35 2017 IST", "2017-11-09T18:16:35Z"),
            ("Dec 03 2018 16:43:48 UTC", "2018-12-03T16:43:48Z"),
            ("Aug 30 23:12:38 2023 PDT", "2023-08-31T06:12:38Z"),
            ("Apr 21 09:29:18 2016 est", "2016-04-21T14:29:18Z"),
            ("2018-01-26 15:11:23 +0530", "2018-01-26T09:41:23Z"),
            ("Mon Jan 26 15:11:23.250 2018 UTC", "2018-01-26T15:11:23Z"),
        ])
    func layouts(text: String, utc: String) throws {
        let t = try #require(CiscoTimestamp.parse(text, zones: zones))
        #expect(t.instant.iso8601UTC == utc)
        #expect(t.raw == text)
    }

    @Test("not timestamps", arguments: ["", "SUCCEEDED", "Feb 30 10:00:00 2018 UTC", "Jan 26 25:11:23 2018 UTC", "Jan 26 15:11:23 2018 XYZQQ", "5 InCompliance"])
    func rejects(text: String) {
        #expect(CiscoTimestamp.parse(text, zones: zones) == nil)
    }

    @Test("yearless stamps need a year hint, which is recorded")
    func yearHint() throws {
        #expect(CiscoTimestamp.parse("Jan 26 15:11:23 UTC", zones: zones) == nil)
        let t = try #require(
            CiscoTimestamp.parse("Jan 26 15:11:23 UTC", zones: zones, yearHint: .init(year: 2018, source: "show license all")))
        #expect(t.instant.iso8601UTC == "2018-01-26T15:11:23Z")
        #expect(t.assumptions == ["year 2018 inferred from show license all"])
    }

    @Test("--tz re-reads an ambiguous abbreviation and sets the zone of unzoned stamps")
    func overrides() throws {
        let israel = try ZoneResolver(specifications: ["IST=+02:00", "+01:00"])
        let t = try #require(CiscoTimestamp.parse("Jan 26 15:11:23 2018 IST", zones: israel))
        #expect(t.instant.iso8601UTC == "2018-01-26T13:11:23Z")
        #expect(t.assumptions.first?.contains("--tz") == true)
        let unzoned = try #require(CiscoTimestamp.parse("Jan 26 15:11:23 2018", zones: israel))
        #expect(unzoned.instant.iso8601UTC == "2018-01-26T14:11:23Z")
        let defaultUTC = try #require(CiscoTimestamp.parse("Jan 26 15:11:23 2018", zones: zones))
        #expect(defaultUTC.assumptions.contains { $0.contains("UTC assumed") })
        #expect(throws: ZoneSpecError.self) { try ZoneResolver(specifications: ["IST=banana"]) }
        #expect(throws: ZoneSpecError.self) { try ZoneResolver(specifications: ["Mars/Olympus"]) }
    }

    @Test("offset forms", arguments: [("+05:30", 19_800), ("-0800", -28_800), ("UTC+5:30", 19_800), ("GMT", 0), ("Z", 0), ("+5", 18_000)])
    func offsets(text: String, seconds: Int) {
        #expect(ZoneResolver.parseOffset(text[...]) == seconds)
    }

    @Test("duration texts of both agent generations")
    func durations() {
        let long: TimeInterval = 89 * 86_400 + 3_600 + 33 * 60 + 51
        #expect(DurationText.seconds("89 days, 1 hours, 33 minutes, 51 seconds") == long)
        let short: TimeInterval = 87 * 86_400 + 3_600 + 41 * 60
        #expect(DurationText.seconds("87 days 1 hr 41 min 0 sec") == short)
        #expect(DurationText.seconds("soon") == nil)
    }
}
