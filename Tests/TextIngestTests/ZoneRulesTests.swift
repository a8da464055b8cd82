import Foundation
import LicensingModel
import Testing
import TextIngest

@Suite("IANA zones, DST and --tz")
struct ZoneRulesTests {
    static func convert(_ times: [(Int, Int, Int, Int, Int)], in id: String) throws -> [String] {
        let zone = try #require(LocalZone(identifier: id))
        var c = WallClockConverter()
        var out: [String] = []
        for (y, mo, d, h, mi) in times {
            let converted = c.convert(year: y, month: mo, day: d, hour: h, minute: mi, second: 0, zone: zone)
            out.append(try #require(converted).instant.iso8601UTC)
        }
        return out
    }

    @Test("the EU October change: the repeated hour is resolved by line order")
    func euFallBack() throws {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET.
        let got = try Self.convert([(2026, 10, 25, 1, 50), (2026, 10, 25, 2, 40), (2026, 10, 25, 2, 20), (2026, 10, 25, 2, 50), (2026, 10, 25, 3, 10)], in: "Europe/Zurich")
        #expect(got == ["2026-10-24T23:50:00Z", "2026-10-25T00:40:00Z", "2026-10-25T01:20:00Z", "2026-10-25T01:50:00Z", "2026-10-25T02:10:00Z"])
    }

    @Test("the US November change, and a lone time in the repeated hour is its first occurrence, said so")
    func usFallBack() throws {
        let got = try Self.convert([(2026, 11, 1, 1, 30), (2026, 11, 1, 1, 10), (2026, 11, 1, 9, 0)], in: "America/New_York")
        #expect(got == ["2026-11-01T05:30:00Z", "2026-11-01T06:10:00Z", "2026-11-01T14:00:00Z"])
        let zone = try #require(LocalZone(identifier: "America/New_York"))
        var c = WallClockConverter()
        let loneResult = c.convert(year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, zone: zone)
        let lone = try #require(loneResult)
        #expect(lone.note?.contains("occurs twice") == true)
        #expect(lone.note?.contains("first occurrence") == true)
    }

    @Test("a skipped spring time is read with the offset before the change; normal times carry no note")
    func springGap() throws {
        let zone = try #require(LocalZone(identifier: "Europe/London"))
        var c = WallClockConverter()
        let gapResult = c.convert(year: 2026, month: 3, day: 29, hour: 1, minute: 30, second: 0, zone: zone)
        let gap = try #require(gapResult)
        #expect(gap.instant.iso8601UTC == "2026-03-29T01:30:00Z")
        #expect(gap.note?.contains("does not exist") == true)
        let afterResult = c.convert(year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0, zone: zone)
        let after = try #require(afterResult)
        #expect(after.instant.iso8601UTC == "2026-03-29T02:30:00Z")
        #expect(after.note == nil)
    }

    @Test("--tz takes IANA ids, ABBR=IANA, ABBR=±HH:MM, ±HH:MM and abbreviations")
    func specifications() throws {
        let kolkata = try ZoneResolver(specifications: ["Asia/Kolkata"])
        #expect(kolkata.unzoned == LocalZone(identifier: "Asia/Kolkata"))
        #expect(kolkata.unzonedFromCommandLine)
        let unzoned = try #require(CiscoTimestamp.parse("Jan 26 15:11:23 2018", zones: kolkata))
        #expect(unzoned.instant.iso8601UTC == "2018-01-26T09:41:23Z")
        let israel = try ZoneResolver(specifications: ["IST=Asia/Jerusalem"])
        let summer = try #require(CiscoTimestamp.parse("Jul 26 15:11:23 2018 IST", zones: israel))
        #expect(summer.instant.iso8601UTC == "2018-07-26T12:11:23Z")  // IDT, +03:00, by the rules
        #expect(try ZoneResolver(specifications: ["+01:00"]).unzoned == .fixed(3600))
        #expect(try ZoneResolver(specifications: ["JST"]).unzoned == .fixed(32_400))
        #expect(throws: ZoneSpecError.self) { try ZoneResolver(specifications: ["Mars/Olympus"]) }
        #expect(throws: ZoneSpecError.self) { try ZoneResolver(specifications: ["IST=Mars/Olympus"]) }
        // A bundle's evidence does not replace a zone given on the command line.
        let kept = kolkata.withUnzoned(.fixed(0), reason: "bundle")
        #expect(kept.unzoned == LocalZone(identifier: "Asia/Kolkata"))
    }

    @Test("show timezone config, both spellings; unknown ids are ignored")
    func timezoneConfig() {
        let text = "admin:show timezone config\nCurrent timezone: Central European Time (Europe/Warsaw)\nTimezone version: 2012j\n"
            + "Current time zone: India Standard Time (Asia/Kolkata)\nCurrent timezone: Nowhere (Mars/Olympus)\n"
        let read = TimezoneConfigReader.read(text)
        #expect(read.map(\.identifier) == ["Europe/Warsaw", "Asia/Kolkata"])
        #expect(read.first?.line == 2)
        #expect(read.first?.name == "Central European Time")
    }

    @Test("IST under a configured (or --tz) Asia/Jerusalem is Israel's, by the rules of the date; alone it stays India's")
    func israelIST() throws {
        let jerusalem = try #require(LocalZone(identifier: "Asia/Jerusalem"))
        let evidence = [ZoneEvidence(kind: .timezoneConfig, path: "b/tz.txt", zone: jerusalem, detail: "show timezone config in b/tz.txt:3 prints (Asia/Jerusalem)")]
        let configured = ZoneDecision.withConfiguredZone(for: "b/show-license-status.txt", evidence: evidence, resolver: ZoneResolver())
        let winter = try #require(CiscoTimestamp.parse("Dec 07 07:09:40 2026 IST", zones: configured))
        #expect(winter.instant.iso8601UTC == "2026-12-07T05:09:40Z")
        #expect(winter.assumptions.contains { $0.contains("Asia/Jerusalem") && $0.contains("show timezone config") })
        let fromTz = try ZoneResolver(specifications: ["Asia/Jerusalem"])
        #expect(try #require(CiscoTimestamp.parse("Dec 07 07:09:40 2026 IST", zones: fromTz)).instant.iso8601UTC == "2026-12-07T05:09:40Z")
        let india = try #require(CiscoTimestamp.parse("Dec 07 07:09:40 2026 IST", zones: ZoneResolver()))
        #expect(india.instant.iso8601UTC == "2026-12-07T01:39:40Z")
        // A configured zone that does not print IST leaves the table's reading.
        let paris = try #require(LocalZone(identifier: "Europe/Paris"))
        let other = ZoneResolver().withConfiguredZone(paris, reason: "tz config")
        #expect(try #require(CiscoTimestamp.parse("Dec 07 07:09:40 2026 IST", zones: other)).instant.iso8601UTC == "2026-12-07T01:39:40Z")
        // The printed IST is then no disagreement with the configured zone.
        var ist = try #require(ZoneEvidence.fromAbbreviations(["IST"], path: "b/show-license-status.txt"))
        ist.path = "b/show-license-status.txt"
        let (_, decided) = ZoneDecision.decide(for: "b/slm.log", evidence: evidence + [ist], resolver: ZoneResolver())
        #expect(decided.zone == "Asia/Jerusalem" && decided.warning == nil)
    }

    @Test("zone decision: show timezone config beats abbreviations; the nearest node's evidence wins; none means UTC, said")
    func decision() throws {
        let paris = try #require(LocalZone(identifier: "Europe/Paris"))
        let kolkata = try #require(LocalZone(identifier: "Asia/Kolkata"))
        let evidence = [
            ZoneEvidence(kind: .printedAbbreviations, path: "b.zip!pub/show-license.txt", zone: paris, detail: "CET printed"),
            ZoneEvidence(kind: .timezoneConfig, path: "b.zip!sub/tz.txt", zone: kolkata, detail: "tz config"),
            ZoneEvidence(kind: .timezoneConfig, path: "b.zip!pub/tz.txt", zone: paris, detail: "tz config pub"),
        ]
        let (_, pub) = ZoneDecision.decide(for: "b.zip!pub/slm/slm.log", evidence: evidence, resolver: ZoneResolver())
        #expect(pub.zone == "Europe/Paris")
        #expect(pub.reason == "tz config pub")
        let (resolver, sub) = ZoneDecision.decide(for: "b.zip!sub/slm.log", evidence: evidence, resolver: ZoneResolver())
        #expect(sub.zone == "Asia/Kolkata")
        #expect(resolver.unzoned == kolkata)
        #expect(sub.warning?.contains("differs") == true)  // the printed CET disagrees with the configured zone
        let (_, none) = ZoneDecision.decide(for: "slm.log", evidence: [], resolver: ZoneResolver())
        #expect(none.zone == "UTC")
        #expect(none.warning?.contains("--tz") == true)
    }

    @Test("printed abbreviations map to IANA zones, with what stays open")
    func abbreviations() throws {
        let ist = try #require(ZoneEvidence.fromAbbreviations(["IST", "IST"], path: "x"))
        #expect(ist.zone == LocalZone(identifier: "Asia/Kolkata"))
        #expect(ist.note?.contains("Israel") == true)
        let eu = try #require(ZoneEvidence.fromAbbreviations(["CET", "CEST"], path: "x"))
        #expect(eu.zone == LocalZone(identifier: "Europe/Paris"))
        let us = try #require(ZoneEvidence.fromAbbreviations(["EST", "EDT"], path: "x"))
        #expect(us.zone == LocalZone(identifier: "America/New_York"))
        #expect(us.note == nil)
        #expect(ZoneEvidence.fromAbbreviations(["XYZ"], path: "x") == nil)
    }
}
