import Foundation
import Inflate
import Testing

@Suite("Byte ranges, CRC-32 and random access")
struct RangeAndChecksumTests {
    @Test("CRC-32 matches the standard check value")
    func crcCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        var running = CRC32()
        running.update(Array("12345".utf8))
        running.update(Array("6789".utf8)[...])
        #expect(running.value == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test("a raw DEFLATE range stops at its end marker and reports the exact compressed length")
    func rawRangeStopsAtEnd() throws {
        let text = GzipTool.sampleText(size: 50_000)
        let raw = GzipTool.rawDeflate(fromGzip: try #require(try GzipTool.gzip(text)))
        let trailer = Array("PK\u{7}\u{8}descriptor and more".utf8)
        let path = try GzipTool.temporaryFile(Array("HEAD".utf8) + raw + trailer)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try RandomAccessFile(path: path)
        var reader = try ChunkedFileReader(file: file, range: 4..<file.size, encoding: .compressed(.rawDeflate), chunkSize: 8192)
        var output: [UInt8] = []
        while let chunk = try reader.next() { output += chunk }
        #expect(output == text)
        #expect(reader.reachedStreamEnd)
        #expect(reader.compressedBytesConsumed == raw.count)
    }

    @Test("a plain range passes through exactly its bytes")
    func plainRange() throws {
        let path = try GzipTool.temporaryFile(Array("0123456789".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try RandomAccessFile(path: path)
        #expect(file.size == 10)
        var reader = try ChunkedFileReader(file: file, range: 2..<7, encoding: .plain, chunkSize: 2)
        var chunks: [[UInt8]] = []
        while let chunk = try reader.next() { chunks.append(chunk) }
        #expect(chunks == [Array("23".utf8), Array("45".utf8), Array("6".utf8)])
        #expect(try file.read(at: 8, count: 10) == Array("89".utf8))
        #expect(try file.read(at: 20, count: 4) == [])
    }

    @Test("a directory is not a readable file")
    func directoryRefused() {
        #expect(throws: FileReadError.self) { try RandomAccessFile(path: FileManager.default.temporaryDirectory.path) }
    }
}
