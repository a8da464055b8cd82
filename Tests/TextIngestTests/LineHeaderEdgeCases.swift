/// Hand-made line heads for ``LineHeaderCorpus``: one head per layout the timestamp scanner and ``LineHeader`` know,
/// every prefix of each, junk bytes inserted at every offset, and heads whose fields straddle the 400-byte limit.
enum LineHeaderEdgeCases {
    /// One line per layout and decoration.
    static let layouts: [String] = [
        "2018-01-26 15:11:23,456 ERROR [SLM-11] com.cisco.a.B#c - message",
        "2018-01-26 15:11:23.456 INFO  [main] x - y",
        "2018-01-26 15:11:23 WARNING [http-nio-8443-exec-3] a - b",
        "2018-01-26T15:11:23.456+05:30 DEBUG [t] a - b",
        "2018-01-26T15:11:23Z SEVERE x",
        "2018-01-26 15:11:23 +0530 CRITICAL [x y] z",
        "2018-01-26 15:11:23 EST [INFO] [thread-1] m",
        "2018-01-26 15:11:23.123456789 UTC NOTICE x",
        "[2018-01-26 15:11:23.001] [ERROR] [pool-1] x",
        "admin:2018-01-26 15:11:23,456 INFO [a] b",
        "slm.log:12:2018-01-26 15:11:23,456 FATAL [a] b",
        "19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] a.b#c - m",
        "19:19:04.789 |8060,,,CuSlmSvr,3,com.cisco.X.processTPK(X.java:676)",
        "19:19:04.789 |8060,, , Cu Slm ,3,18-08-2020 TRACE [SLM-12] a",
        "19:19:04.789 |8060,,,CuSlmSvr,3,+1-08-2020 ERROR x",
        "19:19:04.789 | 8060,,,CuSlmSvr,3,18-08-20201 ERROR x",
        "Jan 26 15:11:23 IST: %SMART_LIC-3-COMM_FAILED: Communications failure",
        "Jan 26 15:11:23.123 IST: %LICENSE-SMART_LIC-3-COMM_FAILED: x",
        "<134>Jan 26 2018 15:11:23 UTC: %SMART_LIC-6-AUTH_RENEW_SUCCESS: x",
        "000123: *Mar  1 00:00:01.123: %SYS-5-CONFIG_I: Configured",
        "000124: *Mar  1 00:00:01.123 UTC: %SMART_LIC-5-EVAL_START: x",
        "Dec 03 2018 16:43:48 UTC: %LICENSE-3-X: y",
        "Nov 9 23:46:35 2017 IST %SMART_LIC-4-Y: z",
        "January 26 15:11:23 pub: x",
        "26 Jan 2018 15:11:23,456 INFO [a] b",
        "Jan 26 15:11:23 pub 12: pub: Jan 26 2018 09:41:23 UTC: %SMART_LIC-3-COMM_FAILED: x",
        "Jan 26 15:11:23 pub 12: pub: Jan 26 09:41:23 IST: %SMART_LIC-3-COMM_FAILED: x",
        "RP/0/RP0/CPU0:Mar 1 00:00:01.123 UTC: %PKT-3-X: y",
        "Jan 26 15:11:23 GMT+5:30 x",
        "Jan 26 15:11:23 UTC+05:30 x",
        "Jan 26 15:11:23 (ist) x",
        "Jan 26 15:11:23 [EST] x",
        "%UC_RTMT-2-RTMT_ALERT: %[AlertName=SmartLicCommError]",
        "Jan 26 15:11:23 pub 42: %UC_RTMT-2-RTMT_ALERT: x",
        "%SMART_LIC-3-COMM_FAILED: no stamp",
        "x %not-UPPER-3-x %SMART_LIC-33-X %A-1-B: y",
        "15:11:23.456 plain clock",
        "9:05:01 x",
        "x 15:11:23 not at start",
        "Mon Jan 26 15:11:23 2018 x",
        "Jan 26 15:11:23 2018 IST x",
        "2018-02-30 15:11:23 x",
        "2016-02-29 15:11:23,1 ERROR x",
        "Mark 26 15:11:23 x",
        "jan 26 15:11:23 x",
        "JAN 26 15:11:23 x",
        "Sep 31 15:11:23 x",
        "a b c d e f g h i j k l m Jan 26 2018 15:11:23 UTC x",
        "a b c d e f g h i j k l Jan 26 2018 15:11:23 UTC x",
        "a b c d e f g h i j k Jan 26 2018 15:11:23 UTC x",
        "Jan 26 15:11:23 a b c Feb 2 2019 01:02:03 x",
        "  \t 2018-01-26 15:11:23,456 INFO x",
        "2018-01-26\t15:11:23,456\tINFO\t[t]\tx",
        "2018-01-26 15:11:23,456 [t] [DEBUG] x",
        "2018-01-26 15:11:23,456 [] ERROR x",
        "2018-01-26 15:11:23,456 a b c ERROR x",
        "2018-01-26 15:11:23,456 INFO INFO [t] x",
        "2018-01-26 15:11:23,456\r",
        "Jan 26 15:11:23\r",
        "",
        " ",
    ]

    /// Bytes inserted into heads: NUL, invalid and truncated UTF-8, a letter, a combining mark, a no-break space,
    /// a prepended mark, a tab, a carriage return, an emoji with a joiner.
    static let junk: [[UInt8]] = [
        [0x00], [0xFF], [0xC3], [0xC3, 0xA9], [0xCC, 0x81], [0xC2, 0xA0], [0xD8, 0x80], [0x09], [0x0D],
        Array("👩‍💻".utf8), [0x25], [0x7C], [0x5B], [0x5D],
    ]

    /// Every prefix of each layout line's first 90 bytes.
    static var prefixes: [[UInt8]] {
        layouts.flatMap { line -> [[UInt8]] in
            let b = Array(line.utf8)
            return (0...min(b.count, 90)).map { Array(b[..<$0]) }
        }
    }

    /// Junk inserted at every offset of the first 70 bytes of some layout lines.
    static var insertions: [[UInt8]] {
        let bases = [0, 3, 11, 12, 16, 19, 25, 32].map { Array(layouts[$0].utf8) }
        var out: [[UInt8]] = []
        for b in bases {
            for at in 0...min(b.count, 70) {
                for j in junk { out.append(Array(b[..<at]) + j + Array(b[at...])) }
            }
        }
        return out
    }

    /// Heads whose mnemonic, thread or a multi-byte character straddles byte 400, and runs of tokens.
    static var limits: [[UInt8]] {
        var out: [[UInt8]] = []
        for pad in 350...405 {
            let filler = String(repeating: "a", count: pad)
            out.append(Array("Jan 26 15:11:23 IST: \(filler)%SMART_LIC-3-COMM_FAILED: x".utf8))
            out.append(Array("\(filler)%SMART_LIC-3-COMM_FAILED: x".utf8))
            out.append(Array("\(filler)é%UC_RTMT-2-RTMT_ALERT: x".utf8))
            out.append(Array("\(filler)👩‍💻 x".utf8))
            out.append(Array("\(filler)\u{0}\u{0} x".utf8))
        }
        for n in [100, 118, 119, 120, 121, 130, 390, 400] {
            let t = String(repeating: "T", count: n)
            out.append(Array("2018-01-26 15:11:23,456 ERROR [\(t)] x".utf8))
            out.append(Array("2018-01-26 15:11:23,456 [\(t)] ERROR x".utf8))
            out.append(Array("19:19:03.395 |8060,,,\(t),3,18-08-2020 INFO [SLM-12] x".utf8))
        }
        for n in 0...20 {
            let words = (0..<n).map { "w\($0)" }.joined(separator: " ")
            out.append(Array("\(words) Jan 26 15:11:23 IST x".utf8))
            out.append(Array("\(words) 2018-01-26 15:11:23 x".utf8))
        }
        out.append(Array(String(repeating: " ", count: 399).utf8) + Array("2018-01-26 15:11:23 x".utf8))
        out.append([UInt8](repeating: 0xFF, count: 500))
        out.append([UInt8](repeating: 0x00, count: 500))
        return out
    }

    /// Everything above.
    static var all: [[UInt8]] { layouts.map { Array($0.utf8) } + prefixes + insertions + limits }
}
