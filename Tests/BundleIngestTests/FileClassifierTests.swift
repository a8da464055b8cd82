import BundleIngest
import Testing

@Suite("FileClassifier")
struct FileClassifierTests {
    @Test("text classes are recognised by content", arguments: [
        (Samples.cli, FileClass.cli), (Samples.serviceList, .serviceList), (Samples.licenseLog, .licenseLog),
        (Samples.log4jOnly, .licenseLog), (Samples.syslog, .syslog), (Samples.rtmtAlerts, .rtmtAlerts),
        (Samples.plainText, .text),
    ])
    func textClasses(sample: String, expected: FileClass) {
        #expect(FileClassifier.classify(prefix: Array(sample.utf8), name: "whatever.dat") == expected)
    }

    @Test("the name never overrides the content")
    func nameIsNotTheClass() {
        #expect(FileClassifier.classify(prefix: Array(Samples.cli.utf8), name: "slm.log") == .cli)
        #expect(FileClassifier.classify(prefix: Samples.pcapHeaderLE, name: "notes.txt") == .pcap)
        #expect(FileClassifier.classify(prefix: Array(Samples.plainText.utf8), name: "capture.pcap") == .text)
    }

    @Test("pcap magics in both byte orders, micro- and nanosecond")
    func pcapMagics() {
        let rest = [UInt8](repeating: 0, count: 20)
        for magic: [UInt8] in [[0xa1, 0xb2, 0xc3, 0xd4], [0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x4d, 0x3c, 0xb2, 0xa1]] {
            #expect(FileClassifier.classify(prefix: magic + rest, name: "x") == .pcap)
        }
        #expect(FileClassifier.classify(prefix: [0xd4, 0xc3, 0xb2, 0xa1], name: "x") == .binary)
    }

    @Test("pcapng needs the section header and a byte-order magic")
    func pcapng() {
        #expect(FileClassifier.classify(prefix: Samples.pcapngHeader, name: "x") == .pcapng)
        var wrongOrder = Samples.pcapngHeader
        wrongOrder[8] = 0x00
        #expect(FileClassifier.classify(prefix: wrongOrder, name: "x") != .pcapng)
    }

    @Test("archives, binary junk and empty files")
    func archivesAndBinary() {
        #expect(FileClassifier.classify(prefix: DeflateEncoder.gzip(Array("x".utf8)), name: "a") == .archive)
        var zip = ZipBuilder()
        zip.add("a.txt", "a")
        #expect(FileClassifier.classify(prefix: zip.build(), name: "a") == .archive)
        var tar = TarBuilder()
        tar.addFile("a.txt", "a")
        #expect(FileClassifier.classify(prefix: tar.bytes, name: "a") == .archive)
        #expect(FileClassifier.classify(prefix: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0], name: "a") == .archive)
        #expect(FileClassifier.classify(prefix: Samples.junk, name: "a") == .binary)
        #expect(FileClassifier.classify(prefix: [], name: "a") == .text)
    }

    @Test("trace lines quoting CLI words are still a license log")
    func traceQuotingCli() {
        let trace = """
            2018-01-26 15:11:23,123 INFO [SLM] Registration: Status: REGISTERED
            2018-01-26 15:12:59,456 INFO [SLM] License Authorization: Status: AUTHORIZED
            2018-01-26 15:13:00,001 DEBUG [SLM] Next Communication Attempt: Feb 25 15:12:59 2018

            """
        #expect(FileClassifier.classify(prefix: Array(trace.utf8), name: "x") == .licenseLog)
    }

    @Test("a tie between classes is broken by the name")
    func tieBrokenByName() {
        let mixed = "%SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized\n" +
            "Cisco Smart License Manager[STARTED]\n"
        #expect(FileClassifier.classify(prefix: Array(mixed.utf8), name: "service_list.txt") == .serviceList)
        #expect(FileClassifier.classify(prefix: Array(mixed.utf8), name: "syslog.txt") == .syslog)
    }
}
