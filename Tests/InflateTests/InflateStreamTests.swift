import Foundation
import Inflate
import Testing

@Suite("InflateStream")
struct InflateStreamTests {
    let text = GzipTool.sampleText(size: 300_000)

    @Test("gzip produced by the gzip tool round-trips")
    func gzipRoundTrip() throws {
        let gz = try #require(try GzipTool.gzip(text))
        #expect(try Inflate.decompress(gz, format: .gzip, maxOutput: 1 << 24) == text)
    }

    @Test("zlib and raw DEFLATE forms round-trip")
    func zlibAndRawRoundTrip() throws {
        let gz = try #require(try GzipTool.gzip(text, level: 9))
        let raw = GzipTool.rawDeflate(fromGzip: gz)
        #expect(try Inflate.decompress(raw, format: .rawDeflate, maxOutput: 1 << 24) == text)
        let z = GzipTool.zlib(raw: raw, original: text)
        #expect(try Inflate.decompress(z, format: .zlib, maxOutput: 1 << 24) == text)
    }

    @Test("a zlib stream with a wrong Adler-32 is corrupt")
    func zlibChecksumMismatch() throws {
        let gz = try #require(try GzipTool.gzip(text))
        var z = GzipTool.zlib(raw: GzipTool.rawDeflate(fromGzip: gz), original: text)
        z[z.count - 1] ^= 0xff
        #expect(throws: InflateError.self) { try Inflate.decompress(z, format: .zlib, maxOutput: 1 << 24) }
        let outcome = Inflate.decompressAvailable(z, format: .zlib, maxOutput: 1 << 24)
        #expect(outcome.error?.kind == .corrupt)
    }

    @Test("multi-member gzip decodes every member in order")
    func multiMember() throws {
        let first = Array("first member\n".utf8)
        let second = Array("second member\n".utf8)
        let gz = try #require(try GzipTool.gzip(first)) + #require(try GzipTool.gzip(second))
        var stream = InflateStream(format: .gzip)
        var output: [UInt8] = []
        try stream.feed(gz, into: &output)
        try stream.finish()
        #expect(output == first + second)
        #expect(stream.completedMembers == 2)
        #expect(stream.totalIn == gz.count)
    }

    @Test("empty input is a truncated gzip; gzip of nothing decodes to nothing")
    func empty() throws {
        #expect(throws: InflateError(kind: .truncated, offset: 0, message: "no compressed data")) {
            try Inflate.decompress([], format: .gzip, maxOutput: 100)
        }
        let gz = try #require(try GzipTool.gzip([]))
        #expect(try Inflate.decompress(gz, format: .gzip, maxOutput: 100) == [])
    }

    @Test("a truncated gzip yields every decodable byte, then .truncated at the end offset")
    func truncated() throws {
        let gz = try #require(try GzipTool.gzip(text))
        let cut = Array(gz[0..<(gz.count / 2)])
        let outcome = Inflate.decompressAvailable(cut, format: .gzip, maxOutput: 1 << 24)
        let error = try #require(outcome.error)
        #expect(error.kind == .truncated)
        #expect(error.offset == cut.count)
        #expect(outcome.bytes.count > text.count / 4)
        #expect(Array(text.prefix(outcome.bytes.count)) == outcome.bytes)
    }

    @Test("a damaged byte is reported as .corrupt with an offset inside the input")
    func corruptByte() throws {
        let gz = try #require(try GzipTool.gzip(text))
        var damaged = gz
        damaged[gz.count / 2] ^= 0x55
        let outcome = Inflate.decompressAvailable(damaged, format: .gzip, maxOutput: 1 << 24)
        let error = try #require(outcome.error)
        #expect(error.kind == .corrupt)
        #expect(error.offset >= gz.count / 2 && error.offset <= gz.count)
    }

    @Test("a bad gzip header is corrupt at offset 0 or just after")
    func badHeader() {
        let outcome = Inflate.decompressAvailable(Array("not gzip at all".utf8), format: .gzip, maxOutput: 100)
        #expect(outcome.error?.kind == .corrupt)
        #expect(outcome.bytes.isEmpty)
    }

    @Test("feeding one byte at a time equals feeding everything at once")
    func dripFeed() throws {
        let small = GzipTool.sampleText(size: 20_000)
        let gz = try #require(try GzipTool.gzip(small)) + #require(try GzipTool.gzip(Array("tail\n".utf8))) + [0, 0, 0]
        var whole = InflateStream(format: .gzip)
        let all = try whole.feed(gz)
        try whole.finish()
        var drip = InflateStream(format: .gzip)
        var dripped: [UInt8] = []
        for byte in gz { try drip.feed([byte], into: &dripped) }
        try drip.finish()
        #expect(dripped == all)
        #expect(all == small + Array("tail\n".utf8))
        #expect(drip.totalIn == gz.count)
    }

    @Test("trailing garbage after the last member is corrupt; trailing zeros are tolerated")
    func trailingData() throws {
        let gz = try #require(try GzipTool.gzip(Array("x\n".utf8)))
        #expect(try Inflate.decompress(gz + [0, 0], format: .gzip, maxOutput: 100) == Array("x\n".utf8))
        let outcome = Inflate.decompressAvailable(gz + Array("junk".utf8), format: .gzip, maxOutput: 100)
        #expect(outcome.error == InflateError(kind: .corrupt, offset: gz.count, message: "trailing garbage after the last gzip member"))
        #expect(outcome.bytes == Array("x\n".utf8))
    }

    @Test("output beyond the limit fails with .limitExceeded after exactly the limit")
    func bombLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 10 << 20)
        let gz = try #require(try GzipTool.gzip(zeros, level: 9))
        #expect(gz.count < 20_000)
        let outcome = Inflate.decompressAvailable(gz, format: .gzip, maxOutput: 1 << 20)
        #expect(outcome.error?.kind == .limitExceeded)
        #expect(outcome.bytes.count == 1 << 20)
        #expect(try Inflate.decompress(gz, format: .gzip, maxOutput: 10 << 20).count == 10 << 20)
    }

    @Test("an output cap pauses decoding; draining with empty input completes it")
    func outputCapPausesAndDrains() throws {
        let gz = try #require(try GzipTool.gzip(text))
        var stream = InflateStream(format: .gzip)
        var output: [UInt8] = []
        var rest = gz[...]
        var calls = 0
        while true {
            let before = output.count
            let used = try stream.feed(rest, into: &output, maxOutput: 10_000)
            #expect(output.count - before <= 10_000)
            rest = rest.dropFirst(used)
            calls += 1
            if rest.isEmpty && output.count - before < 10_000 { break }
        }
        try stream.finish()
        #expect(output == text)
        #expect(calls >= text.count / 10_000)
    }

    @Test("copies of a stream decode independently")
    func copiesAreIndependent() throws {
        let gz = try #require(try GzipTool.gzip(text))
        let half = gz.count / 2
        var original = InflateStream(format: .gzip)
        var head: [UInt8] = []
        try original.feed(Array(gz[..<half]), into: &head)
        var copy = original
        var tailA: [UInt8] = []
        var tailB: [UInt8] = []
        try original.feed(Array(gz[half...]), into: &tailA)
        try copy.feed(Array(gz[half...]), into: &tailB)
        try original.finish()
        try copy.finish()
        #expect(tailA == tailB)
        #expect(head + tailA == text)
    }
}
