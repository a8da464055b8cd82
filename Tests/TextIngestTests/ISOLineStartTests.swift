import Testing
@testable import TextIngest

/// The byte-level reading of `2018-01-26 15:11:23,456 …` heads gives exactly what the word-by-word reading gives,
/// and hands every other head to it.
@Suite struct ISOLineStartTests {
    /// Heads built from every combination of the parts that change the reading.
    static var lines: [String] {
        let dates = ["2018-01-26", "2018-02-30", "2018-1-26", "20180-1-26", "2016-02-29", "0000-01-01", "2018-13-01"]
        let gaps = [" ", "\t", "  ", " \t "]
        let clocks = [
            "15:11:23,456", "15:11:23.456", "15:11:23", "9:05:01", "15:11:23,", "15:11:23.", "15:11:23.1234567890",
            "15:11:23.123456789", "15:11:23Z", "15:11:23+05:30", "15:11:23.456-0800", "24:00:00", "15:60:00",
            "15:11:60", "15:11:23,456]", "15:11:23,456|", "15:11:23,456\r", "1:2:3", "15:11:2x", "[15:11:23]", "x",
        ]
        let tails = [
            "", " INFO [SLM-11] a.b#c - m", " EST x", " [EST] x", " | UTC x", " : IST", " ERROR", " +05:30 y",
            " GMT+1 z", " <12>UTC", " admin:UTC", " (ist)", " WARNING [main] x", " | ", " |", "\r",
        ]
        var out: [String] = []
        for d in dates { for g in gaps { for c in clocks { for t in tails { out.append(d + g + c + t) } } } }
        return out + ["2018-01-26", "2018-01-26 ", " 2018-01-26 15:11:23,456 INFO x", "[2018-01-26 15:11:23.001] x"]
    }

    @Test func sameStampAsTheWordByWordReading() {
        var fast = 0
        for line in Self.lines {
            guard let found = LogTimestampScanner.isoLineStart(utf8: line) else { continue }
            fast += 1
            #expect(found == LogTimestampScanner.scanWords(utf8: line), "\(line.debugDescription)")
        }
        // The fast path does read the common heads (and is not a no-op).
        #expect(fast > 500)
    }

    @Test func readsTheTraceHead() throws {
        let line = "2018-01-26 00:03:47,186 INFO  [SLM-11] com.x.StatisticsMgr#update - seq=700186"
        let found = try #require(LogTimestampScanner.isoLineStart(utf8: line))
        #expect(found.stamp.raw == "2018-01-26 00:03:47,186")
        #expect(found.stamp.nanosecond == 186_000_000)
        #expect(found.stamp.year == 2018 && found.stamp.second == 47)
    }

    @Test func leavesZonesAndOtherHeadsToTheWordByWordReading() {
        for line in ["2018-01-26 15:11:23 EST x", "2018-01-26 15:11:23+05:30 x", "Jan 26 15:11:23 x",
            "2018-02-30 15:11:23 x", "19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO x"]
        {
            #expect(LogTimestampScanner.isoLineStart(utf8: line) == nil, "\(line)")
        }
    }
}

extension LogTimestampScanner {
    /// ``isoLineStart(_:)`` on a string's bytes.
    static func isoLineStart(utf8 line: String) -> Found? {
        var text = line
        return text.withUTF8 { isoLineStart($0) }
    }

    /// ``scanWords(_:)`` on a string's bytes.
    static func scanWords(utf8 line: String) -> Found? {
        var text = line
        return text.withUTF8 { scanWords($0) }
    }
}
