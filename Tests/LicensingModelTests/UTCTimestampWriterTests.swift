import Foundation
import Testing
@testable import LicensingModel

/// The byte writer of record instants gives exactly `Date.iso8601UTC`, with one writer kept across a stream (its
/// remembered day) or a fresh one per instant.
@Suite struct UTCTimestampWriterTests {
    static func written(_ dates: [Date], writer: inout UTCTimestampWriter) -> [String] {
        dates.map { d in
            var bytes: [UInt8] = []
            writer.append(d, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test("known instants: leap days, pre-1970, sub-second, DST change days in UTC, the printable ends; non-finite reads as 0", arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (-0.5, "1969-12-31T23:59:59Z"), (-1, "1969-12-31T23:59:59Z"),
        (-86_400, "1969-12-31T00:00:00Z"), (-86_401, "1969-12-30T23:59:59Z"), (0.999_999, "1970-01-01T00:00:00Z"),
        (1_456_790_399.999_999, "2016-02-29T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (-2_203_891_200, "1900-03-01T00:00:00Z"), (4_107_456_000, "2100-02-28T00:00:00Z"),
        (4_107_542_400, "2100-03-01T00:00:00Z"), (1_521_939_600, "2018-03-25T01:00:00Z"),
        (1_541_311_200, "2018-11-04T06:00:00Z"), (1_516_924_800.002, "2018-01-26T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"), (1e13, "9999-12-31T23:59:59Z"), (-1e13, "0001-01-01T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"), (.nan, "1970-01-01T00:00:00Z"), (.infinity, "1970-01-01T00:00:00Z"),
    ])
    func known(seconds: Double, expected: String) {
        let d = Date(timeIntervalSince1970: seconds)
        var fresh = UTCTimestampWriter()
        #expect(Self.written([d], writer: &fresh) == [expected])
        #expect(d.iso8601UTC == expected)
    }

    @Test("a stream of instants from year 1 to 9999, in order and shuffled, as iso8601UTC writes each")
    func stream() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var dates: [Date] = []
        for _ in 0..<5_000 {
            let span = Double(253_402_300_799 + 62_135_596_800)
            dates.append(Date(timeIntervalSince1970: Double(next() % UInt64(span)) - 62_135_596_800 + Double(next() % 1000) / 1000))
        }
        // Runs of close instants, as a log writes them: the remembered day is reused and must be dropped at midnight.
        var t = 1_540_684_700.25
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: t))
            t += Double(next() % 90)
        }
        var writer = UTCTimestampWriter()
        #expect(Self.written(dates, writer: &writer) == dates.map(\.iso8601UTC))
        #expect(Self.written(dates.reversed(), writer: &writer) == dates.reversed().map(\.iso8601UTC))
    }
}
