import Foundation
import LicensingModel
import Testing
import TestSupport
@testable import TextIngest

/// Lines re-read by ``LineTextReader`` — in file order, in timeline order (instants going back within a second, and
/// a log whose clock jumps back by hours, so the walk interleaves far-apart runs of the file), and in random order —
/// have exactly the excerpt and printed timestamp the scan gives the events it keeps them for: stamped lines,
/// continuation lines dated by the line above, CRLF, plain and gzip.
@Suite struct LineTextReaderTests {
    /// A few MB of the dense benchmark log, then the same again with the clock set back to its start: timeline order
    /// walks the two halves in turn.
    static func log(crlf: Bool) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("line-text-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SyntheticLicenseLog.write(to: path, minimumBytes: 4 << 20, shape: .dense)
        let half = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var bytes = half + half
        if crlf {
            bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }
        return bytes
    }

    /// Line → the excerpt and printed time of the timed events kept with their text, and the lines in timeline order.
    static func reference(_ path: String) -> (texts: [Int: LineText], timeline: [Int]) {
        var options = TestSupport.options(displayPath: "slm.log")
        options.keepLineText = true
        options.foldRepeats = false
        let events = LogIngester.ingest(path: path, options: options).events.filter { $0.time != nil }
        var texts: [Int: LineText] = [:]
        for e in events {
            guard case .line(let n) = e.source.location, let time = e.time, let excerpt = e.excerpt else { continue }
            texts[n] = LineText(excerpt: excerpt, stamp: time.raw)
        }
        let timeline = events.sorted(by: Event.timelineOrder).compactMap { e -> Int? in
            if case .line(let n) = e.source.location { return n } else { return nil }
        }
        return (texts, timeline)
    }

    @Test(arguments: [(false, false), (true, false), (false, true)])
    func reReadTextEqualsTheKeptText(crlf: Bool, gzip: Bool) throws {
        let path = try LineExcerptsTests.write(try Self.log(crlf: crlf), gzip: gzip)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (texts, timeline) = Self.reference(path)
        #expect(texts.count > 10_000)
        // Continuation lines (the exception under a failure) carry the stamp of the line above.
        #expect(texts.values.contains { !$0.excerpt.hasPrefix($0.stamp ?? "") })
        var rng = SplitMix(seed: 7)
        let random = (0..<300).compactMap { _ in timeline.randomElement(using: &rng) }
        for (label, order) in [("file", timeline.sorted()), ("timeline", timeline), ("random", random)] {
            guard var reader = LineTextReader(path: path) else {
                Issue.record("cannot open \(path)")
                return
            }
            var wrong = 0
            for n in order where reader.text(ofLine: n) != texts[n] { wrong += 1 }
            #expect(wrong == 0, "\(label) order: \(wrong) of \(order.count) lines differ")
        }
    }

    @Test func linesPastTheEndAreAbsent() throws {
        let path = try LineExcerptsTests.write(Array("2018-01-26 15:11:06,118 a\nlast line without a break".utf8), gzip: false)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var reader = try #require(LineTextReader(path: path))
        #expect(reader.text(ofLine: 2)?.excerpt == "last line without a break")
        #expect(reader.text(ofLine: 3) == nil)
        #expect(reader.text(ofLine: 1)?.stamp == "2018-01-26 15:11:06,118")
        #expect(reader.text(ofLine: 0) == nil)
    }
}
