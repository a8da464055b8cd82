import Analysis
import Foundation
import Reports
import TestSupport
import Testing

/// What a file is, decided by the readers through the registry (the bundle layer only unpacks).
@Suite("content recognition")
struct ContentRecognitionTests {
    private let registry = EvidenceReaderRegistry.standard

    private func kind(_ text: String, name: String = "whatever.dat") -> ContentKind {
        registry.recognise(prefix: Array(text.utf8), name: name).kind
    }

    @Test("text kinds are recognised by the markers their readers declare", arguments: [
        (Samples.cli, ContentKind.cli), (Samples.serviceList, .serviceList), (Samples.licenseLog, .licenseLog),
        (Samples.log4jOnly, .licenseLog), (Samples.syslog, .syslog), (Samples.rtmtAlerts, .rtmtAlerts),
        (Samples.plainText, .text),
    ])
    func textKinds(sample: String, expected: ContentKind) {
        #expect(kind(sample) == expected)
    }

    @Test("each kind goes to the reader that declared it; unclaimed text to the catalog; binary to none")
    func readers() {
        #expect(registry.recognise(prefix: Array(Samples.cli.utf8), name: "x").reader is ShowLicenseEvidenceReader)
        #expect(registry.recognise(prefix: Array(Samples.syslog.utf8), name: "x").reader is CatalogLogEvidenceReader)
        #expect(registry.recognise(prefix: Array(Samples.plainText.utf8), name: "x").reader is CatalogLogEvidenceReader)
        #expect(registry.recognise(prefix: Samples.pcapHeaderLE, name: "x").reader is CaptureEvidenceReader)
        let junk = registry.recognise(prefix: Samples.junk, name: "x")
        #expect(junk.kind == .binary && junk.reader == nil)
    }

    @Test("the name never overrides the content")
    func nameIsNotTheKind() {
        #expect(kind(Samples.cli, name: "slm.log") == .cli)
        #expect(registry.recognise(prefix: Samples.pcapHeaderLE, name: "notes.txt").kind == .pcap)
        #expect(kind(Samples.plainText, name: "capture.pcap") == .text)
    }

    @Test("pcap magics in both byte orders, micro- and nanosecond; pcapng needs its byte-order magic")
    func captureSignatures() {
        let rest = [UInt8](repeating: 0, count: 20)
        for magic: [UInt8] in [[0xa1, 0xb2, 0xc3, 0xd4], [0xd4, 0xc3, 0xb2, 0xa1], [0xa1, 0xb2, 0x3c, 0x4d], [0x4d, 0x3c, 0xb2, 0xa1]] {
            #expect(registry.recognise(prefix: magic + rest, name: "x").kind == .pcap)
        }
        #expect(registry.recognise(prefix: [0xd4, 0xc3, 0xb2, 0xa1], name: "x").kind == .binary)
        #expect(registry.recognise(prefix: Samples.pcapngHeader, name: "x").kind == .pcapng)
        var wrongOrder = Samples.pcapngHeader
        wrongOrder[8] = 0x00
        #expect(registry.recognise(prefix: wrongOrder, name: "x").kind != .pcapng)
    }

    @Test("archives, binary junk and empty files")
    func archivesAndBinary() {
        #expect(registry.recognise(prefix: [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], name: "a").kind == .archive)
        #expect(registry.recognise(prefix: [0x50, 0x4b, 0x03, 0x04, 0, 0], name: "a").kind == .archive)
        #expect(registry.recognise(prefix: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0], name: "a").kind == .archive)
        #expect(registry.recognise(prefix: Samples.junk, name: "a").kind == .binary)
        #expect(registry.recognise(prefix: [], name: "a").kind == .text)
    }

    @Test("trace lines quoting CLI words are still a license log")
    func traceQuotingCli() {
        let trace = """
            2018-01-26 15:11:23,123 INFO [SLM] Registration: Status: REGISTERED
            2018-01-26 15:12:59,456 INFO [SLM] License Authorization: Status: AUTHORIZED
            2018-01-26 15:13:00,001 DEBUG [SLM] Next Communication Attempt: Feb 25 15:12:59 2018

            """
        #expect(kind(trace) == .licenseLog)
    }

    @Test("a tie between kinds is broken by the name")
    func tieBrokenByName() {
        let mixed = "%SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized\n" +
            "Cisco Smart License Manager[STARTED]\n"
        #expect(kind(mixed, name: "service_list.txt") == .serviceList)
        #expect(kind(mixed, name: "syslog.txt") == .syslog)
    }

    @Test("a file given to a command is recognised with gzip looked through")
    func gzipLookThrough() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-recognise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("slm.log")
        try Data(Samples.licenseLog.utf8).write(to: log)
        _ = try Shell.check("gzip -k '\(log.path)'")
        #expect(registry.recognise(path: log.path + ".gz")?.kind == .licenseLog)
        let capture = dir.appendingPathComponent("c.pcap")
        try Data(Samples.pcapHeaderLE).write(to: capture)
        _ = try Shell.check("gzip -k '\(capture.path)'")
        #expect(registry.recognise(path: capture.path + ".gz")?.kind == .archive, "a gzip'd capture is expanded first")
        #expect(registry.recognise(path: dir.appendingPathComponent("missing").path) == nil)
    }

    @Test("intact files no reader takes are inventoried as skipped, with why")
    func skippedWithReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-skips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Samples.junk).write(to: dir.appendingPathComponent("junk.bin"))
        try Data(Samples.plainText.utf8).write(to: dir.appendingPathComponent("readme.txt"))
        try Data(Samples.licenseLog.utf8).write(to: dir.appendingPathComponent("slm.log"))
        let o = AnalysisRun.run(paths: [dir.path], options: try AnalysisFixtures.options(), toolVersion: "test")
        func item(_ name: String) -> AnalysisReport.InventoryEntry? { o.report.inventory.first { $0.path.hasSuffix(name) } }
        #expect(item("junk.bin")?.status == .skipped)
        #expect(item("junk.bin")?.parsedAs == "binary")
        #expect(item("junk.bin")?.reason == "binary content: not a pcap, pcapng or supported archive")
        #expect(item("readme.txt")?.status == .skipped)
        #expect(item("readme.txt")?.parsedAs == "text")
        #expect(item("readme.txt")?.reason == "no Smart Licensing content recognised in the first 16 KiB")
        #expect(item("slm.log")?.status == .parsed)
        #expect(item("slm.log")?.parsedAs == "licenseLog")
        #expect(!o.report.verdict.partlyUnreadable, "skipped-but-intact binary (a screenshot) is not damage")
    }
}
