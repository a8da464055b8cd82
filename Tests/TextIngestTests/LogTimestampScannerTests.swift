import Foundation
import LicensingModel
import Testing
@testable import TextIngest

@Suite struct LogTimestampScannerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var year: Int?, month: Int?, day: Int?
        var clock: String
        var zone: String?
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: "2018-01-26 15:11:23,456 ERROR [t] c - m", year: 2018, month: 1, day: 26, clock: "15:11:23.456"),
        Case(line: "2018-01-26T15:11:23.456+05:30 host app", year: 2018, month: 1, day: 26, clock: "15:11:23.456", zone: "+05:30"),
        Case(line: "[2018-01-26 15:11:23.001] INFO x", year: 2018, month: 1, day: 26, clock: "15:11:23.001"),
        Case(line: "Jan 26 15:11:23.123 IST: %SMART_LIC-3-COMM_FAILED: x", month: 1, day: 26, clock: "15:11:23.123", zone: "IST"),
        Case(line: "Jan 26 2018 15:11:23 UTC: %SMART_LIC-5-EVAL_START: x", year: 2018, month: 1, day: 26, clock: "15:11:23", zone: "UTC"),
        Case(line: "Dec 03 16:43:48 2018 UTC x", year: 2018, month: 12, day: 3, clock: "16:43:48", zone: "UTC"),
        Case(line: "000123: *Nov  9 23:46:35.010: %SMART_LIC-6-AGENT_READY: x", month: 11, day: 9, clock: "23:46:35.010"),
        Case(line: "<189>Jan 26 15:11:23 host: %CALL_HOME-5-SL_MESSAGE_FAILED: x", month: 1, day: 26, clock: "15:11:23"),
        Case(line: "26 Jan 2018 15:11:23,456 WARN [t] c - m", year: 2018, month: 1, day: 26, clock: "15:11:23.456"),
        Case(line: "19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] x", clock: "19:19:03.395"),
        Case(line: "Jan 27 09:30:00 r1 412: Jan 27 04:00:00.000 UTC: %SMART_LIC-5-COMM_RESTORED: x", month: 1, day: 27,
            clock: "04:00:00.000", zone: "UTC"),
        Case(line: "Jan 26 10:11:23 pub local7 2 : 187: pub: Jan 26 2018 09:41:23.123 UTC :  %UC_RTMT-2-RTMT_ALERT: x",
            year: 2018, month: 1, day: 26, clock: "09:41:23.123", zone: "UTC"),
        Case(line: "admin:2018-01-26 15:11:05,002 INFO x", year: 2018, month: 1, day: 26, clock: "15:11:05.002"),
        Case(line: "slm.log:12:2018-01-26 15:11:05,002 INFO x", year: 2018, month: 1, day: 26, clock: "15:11:05.002"),
        Case(line: "RP/0/RP0/CPU0:Mar  3 10:00:01.123 UTC: smartlicserver[397]: %LICENSE-SMART_LIC-3-COMM_FAILED : x",
            month: 3, day: 3, clock: "10:00:01.123", zone: "UTC"),
    ]

    @Test(arguments: cases) func readsTheStamp(_ c: Case) throws {
        let found = try #require(LogTimestampScanner.scan(c.line[...]))
        let s = found.stamp
        #expect(s.year == c.year)
        #expect(s.month == c.month)
        #expect(s.day == c.day)
        let ms = s.nanosecond / 1_000_000
        let clock = String(format: "%02d:%02d:%02d", s.hour, s.minute, s.second) + (c.clock.count > 8 ? String(format: ".%03d", ms) : "")
        #expect(clock == c.clock)
        #expect(s.zone == c.zone)
    }

    @Test(arguments: [
        "INFO starting service at port 8443", "Mark 26 15:11:23 x", "2018-13-40 15:11:23 x", "at com.cisco.X.y(X.java:12)",
        "Cisco Smart License Manager[STARTED]", "", "   ", "see https://tools.cisco.com/its 15:11:23",
    ])
    func rejectsTextWithoutAStamp(_ line: String) {
        #expect(LogTimestampScanner.scan(line[...]) == nil)
    }

    @Test func cuslmsvrHeaderGetsItsDateFromTheDDMMYYYYField() throws {
        let h = LineHeader(parsing: "19:19:04.789 |8060,,,CuSlmSvr,3,18-08-2020 ERROR [SLM-12] a.b#c - m"[...])
        let s = try #require(h.stamp)
        #expect((s.year, s.month, s.day) == (2020, 8, 18))
        #expect(h.layout == .cuslmsvr)
        #expect(h.level == "ERROR" && h.thread == "SLM-12" && h.component == "CuSlmSvr")
        let cont = LineHeader(parsing: "19:19:04.789 |8060,,,CuSlmSvr,3,com.cisco.X.processTPK(X.java:676)"[...])
        #expect(cont.stamp?.hasDate == false)
        #expect(cont.layout == .cuslmsvr)
    }

    @Test func resolvesWithZoneTableAndRecordsAssumptions() throws {
        let s = try #require(LogTimestampScanner.scan("Jan 26 15:11:23 IST: x"[...])?.stamp)
        let t = try #require(s.resolve(inferredYear: (2018, "year 2018 inferred from test"), zones: ZoneResolver()))
        #expect(t.instant.iso8601UTC == "2018-01-26T09:41:23Z")
        #expect(t.assumptions.first == "year 2018 inferred from test")
        #expect(t.assumptions.contains { $0.contains("IST is ambiguous") })
        let israel = try ZoneResolver(specifications: ["IST=+02:00"])
        #expect(s.resolve(inferredYear: (2018, "y"), zones: israel)?.instant.iso8601UTC == "2018-01-26T13:11:23Z")
        #expect(s.resolve(inferredYear: nil, zones: ZoneResolver()) == nil)
    }
}

@Suite struct YearInferenceTests {
    typealias P = YearInference.Point

    @Test func datedLinesInTheFileWinWithRolloverAfterThem() {
        let yi = YearInference(hints: [.init(year: 1999, source: "hint")], modificationTime: nil, path: "f")
        let years = yi.years(for: [P(year: 2017, month: 12, line: 1), P(year: nil, month: 12, line: 2), P(year: nil, month: 1, line: 3)])
        #expect(years[0] == nil)
        #expect(years[1]?.year == 2017)
        #expect(years[2]?.year == 2018)
        #expect(years[2]?.assumption.contains("New Year rollover") == true)
        #expect(years[1]?.assumption == "year 2017 inferred from the dated line f:1")
    }

    @Test func aFollowingDatedLineIsUsedBackwards() {
        let yi = YearInference(hints: [], modificationTime: nil, path: "f")
        let years = yi.years(for: [P(year: nil, month: 12, line: 1), P(year: 2018, month: 1, line: 2)])
        #expect(years[0]?.year == 2017)
    }

    @Test func hintsAnchorTheLastStampAndCountNewYearsBack() {
        let yi = YearInference(hints: [.init(year: 2019, source: "show license all in the same bundle")], modificationTime: nil, path: "f")
        let years = yi.years(for: [P(year: nil, month: 11, line: 1), P(year: nil, month: 12, line: 2), P(year: nil, month: 2, line: 3)])
        #expect(years.map { $0?.year } == [2018, 2018, 2019])
        #expect(years[0]?.assumption.contains("show license all in the same bundle") == true)
        #expect(years[0]?.assumption.contains("1 New Year rollover counted back") == true)
    }

    @Test func modificationTimeAnchorsWhenNothingElseDoes() {
        // 2019-01-05T00:00:00Z; the last stamp is in December: written across a New Year.
        let mtime = Date(timeIntervalSince1970: 1_546_646_400)
        let yi = YearInference(hints: [], modificationTime: mtime, path: "slm.log")
        let years = yi.years(for: [P(year: nil, month: 12, line: 1)])
        #expect(years[0]?.year == 2018)
        #expect(years[0]?.assumption.contains("modification time of slm.log") == true)
        #expect(YearInference(hints: [], modificationTime: nil, path: "x").years(for: [P(year: nil, month: 1, line: 1)])[0] == nil)
    }
}
