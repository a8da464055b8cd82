import Foundation
import Inflate
import LicensingModel
import TestSupport
import Testing
@testable import TextIngest

/// Bad input: every readable line is used, damage is reported with its line or offset, nothing traps.
@Suite struct DamagedInputTests {
    static let event = "%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message."

    @Test func invalidUTF8IsReportedWithItsLineAndTheLineIsStillMatched() throws {
        var bytes = Array("noise line one\n".utf8)
        bytes += [0x62, 0xFF, 0xFE, 0x0A]  // line 2: invalid, not a candidate
        bytes += Array("Jan 26 2018 15:11:23 UTC: ".utf8) + [0xC3, 0x28] + Array(Self.event.utf8) + [0x0A]  // line 3
        let r = TestSupport.ingest(bytes: bytes)
        #expect(r.damage.map(\.description) == ["mem.log:2: invalid UTF-8; decoded with replacement characters",
            "mem.log:3: invalid UTF-8; decoded with replacement characters"])
        let e = try #require(r.events.first)
        #expect(e.source.description == "mem.log:3")
        #expect(e.excerpt?.contains("\u{FFFD}") == true)
        #expect(e.time?.instant.iso8601UTC == "2018-01-26T15:11:23Z")
    }

    @Test func nulBytesAreReplacedAndReported() throws {
        let bytes = Array("a\u{0}b\n".utf8) + Array("x\u{0}".utf8) + Array(Self.event.utf8) + [0x0A]
        let r = TestSupport.ingest(bytes: bytes)
        #expect(r.damage.map(\.source.description) == ["mem.log:1", "mem.log:2"])
        #expect(r.damage.allSatisfy { $0.reason.contains("NUL") })
        #expect(r.events.count == 1)
        #expect(r.events[0].excerpt?.contains("\u{0}") == false)
    }

    @Test func crlfLinesMatchWithoutCarriageReturns() throws {
        let r = TestSupport.ingest("first\r\n\(Self.event)\r\nlast\r\n")
        #expect(r.damage.isEmpty)
        #expect(r.linesRead == 3)
        #expect(r.events.first?[text: "reason"] == "Fail to send out Call Home HTTP message.")
        #expect(r.events.first?.excerpt?.contains("\r") == false)
    }

    @Test func tenMegabyteLinesKeepLineNumbersAndBoundMatching() throws {
        let long = String(repeating: "x", count: 10 << 20)
        let r = TestSupport.ingest("\(long)\n\(Self.event)\n\(long) \(Self.event)\n", chunkSize: 1 << 20)
        #expect(r.events.map(\.source.description) == ["mem.log:2"])
        #expect(r.damage.map(\.description) == ["mem.log:3: line is \((10 << 20) + 1 + Self.event.utf8.count) bytes long; only its first 65536 bytes were matched"])
        #expect(r.linesRead == 3)
    }

    @Test func linesBeyondTheSplitLimitAreSplitAndReported() throws {
        let huge = [UInt8](repeating: 0x61, count: LogScanner.maxLineBytes + (2 << 20))
        let bytes = huge + [0x0A] + Array(Self.event.utf8) + [0x0A]
        let r = TestSupport.ingest(bytes: bytes, chunkSize: 1 << 20)
        #expect(r.damage.count == 1)
        #expect(r.damage.first?.reason.contains("longer than 16 MiB") == true)
        #expect(r.events.map(\.source.description) == ["mem.log:2"])
    }

    @Test func emptyAndTruncatedGzipFiles() throws {
        let empty = TestSupport.ingest(fixture: "empty.log.gz")
        #expect(empty.events.isEmpty && empty.linesRead == 0)
        #expect(empty.damage.map(\.description) == ["empty.log.gz@0: empty file although named .gz"])
        let truncated = TestSupport.ingest(fixture: "truncated.log.gz")
        #expect(truncated.damage.count == 1)
        #expect(truncated.damage.first?.reason.contains("truncated at compressed offset 600") == true)
        // What was decodable before the cut is used.
        #expect(truncated.events(.transportConfigured).count == 3)
        #expect(truncated.events.allSatisfy { $0.source.path == "truncated.log.gz" })
    }

    @Test func unreadableFileIsDamageNotACrash() {
        let r = LogIngester.ingest(path: "/nonexistent/slm.log", options: TestSupport.options())
        #expect(r.events.isEmpty)
        #expect(r.damage.first?.source.description == "/nonexistent/slm.log@0")
    }

    @Test func damageFloodIsCapped() {
        let bytes = [UInt8]((0..<500).flatMap { _ in [0xFF, 0x0A] })
        var options = TestSupport.options(displayPath: "flood.log")
        options.maxDamageRecords = 10
        let r = LogIngester.ingest(bytes: bytes, options: options)
        #expect(r.damage.count == 11)
        #expect(r.damage.last?.reason == "490 more damaged lines not listed")
    }
}

/// Feeding input in tiny pieces gives the same events as reading it at once.
@Suite struct DripFeedTests {
    struct DripGzip: LogChunkSource {
        var compressed: [UInt8]
        var offset = 0
        var stream = InflateStream(format: .gzip)
        var done = false
        mutating func next() throws -> [UInt8]? {
            while offset < compressed.count {
                let out = try stream.feed([compressed[offset]])
                offset += 1
                if !out.isEmpty { return out }
            }
            if !done {
                done = true
                try stream.finish()
            }
            return nil
        }
    }

    static func summary(_ r: LogIngestResult) -> [String] {
        r.events.map { "\($0.source) \($0.kind) \($0.time?.instant.iso8601UTC ?? "-") \($0.fields.keys.sorted())" }
    }

    @Test(arguments: ["cuslmsvr-trace.log", "slm-log4j.log", "smart-lic-syslog.log", "service-list.txt"])
    func byteByByteEqualsAllAtOnce(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture(name))))
        let whole = LogIngester.ingest(bytes: bytes, chunkSize: bytes.count, options: TestSupport.options(displayPath: name))
        let drip = LogIngester.ingest(bytes: bytes, chunkSize: 1, options: TestSupport.options(displayPath: name))
        #expect(!whole.events.isEmpty)
        #expect(Self.summary(drip) == Self.summary(whole))
        #expect(drip.linesRead == whole.linesRead)
    }

    @Test func dripFedGzipEqualsThePlainFile() throws {
        let gz = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("slm.log.1.gz"))))
        var source = DripGzip(compressed: gz)
        let options = TestSupport.options(displayPath: "cuslmsvr-trace.log")
        let drip = LogIngester.ingest(&source, display: "cuslmsvr-trace.log", options: options, modificationTime: TestSupport.mtime)
        let plain = TestSupport.ingest(fixture: "cuslmsvr-trace.log")
        #expect(drip.damage.isEmpty)
        #expect(Self.summary(drip) == Self.summary(plain))
    }
}

/// Random bytes with anchors and line-head fragments spliced in: nothing traps, lines are counted exactly.
@Suite struct GarbageInputTests {
    @Test func randomBytesNeverTrapAndLinesAreCounted() {
        var rng = SplitMix(seed: 99)
        let pieces = ["%SMART_LIC-3-COMM_FAILED: ", "Jan 26 ", "2018-01-26 ", "15:11:23.123 ", " |1,,,C,3,18-08-2020 ",
            "[STARTED]", "java.net.UnknownHostException: ", "license smart transport proxy ", "IST: ", "<134>1 ",
            "AlertDetail=", "LicenseResponse status code: ", "\r", "\u{0}", "\u{FF}"].map { Array($0.utf8) }
        for round in 0..<60 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 400) {
                if rng.next() % 3 == 0 { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] } else {
                    bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                }
                if rng.next() % 9 == 0 { bytes.append(0x0A) }
            }
            let newlines = bytes.filter { $0 == 0x0A }.count
            let expected = newlines + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
            let r = TestSupport.ingest(bytes: bytes, chunkSize: 1 + Int(rng.next() % 64))
            #expect(r.linesRead == expected, "round \(round)")
            #expect(r.events.allSatisfy { if case .line(let n) = $0.source.location { return n >= 1 && n <= expected } else { return false } })
        }
    }
}
