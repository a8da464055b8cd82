import Testing
@testable import TextIngest

/// The re-read of a log line (``LineTextReader``) takes its printed timestamp from the stamp scan alone
/// (``LogScanner/stampText(ofLine:)``), not from a whole head (level, thread, syslog mnemonic): the text is the
/// stamp that the head read would give, in every layout.
@Suite("the printed stamp of a re-read line")
struct StampTextTests {
    static let lines: [String] = [
        "2018-01-26 15:11:23,456 ERROR [SLM-11] com.cisco.Agent#send - failed",
        "2018-01-26 15:11:23,456 DEBUG [SLM-11] x",
        "19:19:03.395 |8060,,,CuSlmSvr,3,18-08-2020 INFO [SLM-12] class#method - message",
        "Jan 26 15:11:23 cucm-pub local7 2 : 12: cucm-pub: %SMART_LIC-3-COMM_FAILED: failed",
        "Jan 26 2018 15:11:23 UTC: %UC_RTMT-2-RTMT_ALERT: %[AlertName=SmartLicenseCommunicationError]",
        "%SMART_LIC-3-COMM_FAILED: Jan 26 15:11:23 no stamp first",
        "2018-01-26T15:11:23.123+05:30 INFO x",
        "Fri Jan 26 15:11:23 IST 2018 message",
        "    at com.cisco.nesla.Agent.send(Agent.java:42)",
        "",
        "2018-01-26 15:11:23 é" + String(repeating: "ü", count: 300),
        String(repeating: "é", count: 250) + " 2018-01-26 15:11:23 late",
    ]

    @Test("equals the stamp of the line's head, in every layout", arguments: lines)
    func sameAsHead(line: String) {
        #expect(LogScanner.stampText(ofLine: line) == LogScanner.header(ofLine: line).stamp?.raw)
    }

    @Test("the stamps are found where there is one")
    func found() {
        #expect(LogScanner.stampText(ofLine: Self.lines[0]) == "2018-01-26 15:11:23,456")
        #expect(LogScanner.stampText(ofLine: Self.lines[8]) == nil)
    }
}
