import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// Excerpts left out at ingestion (``LogIngestOptions/keepLineText`` false) are re-read exactly as they were made.
@Suite struct LineExcerptsTests {
    /// CRLF, a NUL byte, a secret, a line longer than the excerpt, a line without a line break at the end.
    static let text: [UInt8] = Array("""
        2018-01-26 15:11:06,118 ERROR [t] c.X - Communication failure: Fail to send out Call Home HTTP message.\r
        2018-01-26 15:11:07,000 DEBUG [t] noise\u{0}line
        2018-01-26 15:11:08,118 ERROR [t] c.X - Communication failure: Fail to send out Call Home HTTP message. proxy_password=hunter2 \u{0}x
        2018-01-26 15:11:09,118 ERROR [t] c.X - Communication failure: Fail to send out Call Home HTTP message. \(String(repeating: "é", count: 1500))
        admin:license smart transport proxy http://svc:hunter2@proxy.example.com 3128
        2018-01-26 15:11:10,118 ERROR [t] c.X - Communication failure: Fail to send out Call Home HTTP message.
        """.utf8)

    static func ingest(_ path: String, keep: Bool) -> LogIngestResult {
        var options = TestSupport.options(displayPath: "x.log")
        options.keepLineText = keep
        return LogIngester.ingest(path: path, options: options)
    }

    static func write(_ bytes: [UInt8], gzip: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("line-excerpts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("x.log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard gzip else { return path }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-n", path]
        try p.run()
        p.waitUntilExit()
        return path + ".gz"
    }

    @Test(arguments: [false, true])
    func reReadExcerptsEqualTheKeptOnes(gzip: Bool) throws {
        let path = try Self.write(Self.text, gzip: gzip)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let kept = Self.ingest(path, keep: true)
        let lean = Self.ingest(path, keep: false)
        #expect(kept.events.count == 5)
        #expect(lean.events.map(\.kind) == kept.events.map(\.kind))
        #expect(lean.events.map(\.fields) == kept.events.map(\.fields))
        #expect(lean.events.allSatisfy { $0.excerpt == nil })
        let lines = Set(kept.events.compactMap { e -> Int? in
            if case .line(let n) = e.source.location { return n } else { return nil }
        })
        let reread = LineExcerpts.read(path: path, lines: lines.union([99]))
        #expect(reread[99] == nil)
        for e in kept.events {
            guard case .line(let n) = e.source.location else { continue }
            #expect(reread[n] == e.excerpt, "line \(n)")
        }
        #expect(reread.values.allSatisfy { !$0.contains("hunter2") && !$0.hasSuffix("\r") })
    }
}
