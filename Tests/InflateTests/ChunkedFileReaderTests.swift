import Foundation
import Inflate
import Testing

@Suite("ChunkedFileReader")
struct ChunkedFileReaderTests {
    let text = GzipTool.sampleText(size: 200_000)

    /// Reads every chunk; returns the bytes, the chunk sizes and the error that ended reading, if any.
    func readAll(_ reader: inout ChunkedFileReader) -> (bytes: [UInt8], sizes: [Int], error: (any Error)?) {
        var bytes: [UInt8] = []
        var sizes: [Int] = []
        do {
            while let chunk = try reader.next() {
                bytes += chunk
                sizes.append(chunk.count)
            }
            return (bytes, sizes, nil)
        } catch {
            return (bytes, sizes, error)
        }
    }

    @Test("plain files pass through in chunks of at most chunkSize")
    func plainPassThrough() throws {
        let path = try GzipTool.temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try ChunkedFileReader(path: path, chunkSize: 65_536)
        #expect(!reader.isGzip)
        let result = readAll(&reader)
        #expect(result.error == nil)
        #expect(result.bytes == text)
        #expect(result.sizes == [65_536, 65_536, 65_536, 200_000 - 3 * 65_536])
        #expect(try reader.next() == nil)
    }

    @Test("gzip files are detected by content and decompressed")
    func gzipTransparent() throws {
        let gz = try #require(try GzipTool.gzip(text))
        let path = try GzipTool.temporaryFile(gz)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try ChunkedFileReader(path: path, chunkSize: 50_000)
        #expect(reader.isGzip)
        let result = readAll(&reader)
        #expect(result.error == nil)
        #expect(result.bytes == text)
        #expect(result.sizes == [50_000, 50_000, 50_000, 50_000])
    }

    @Test("an empty file yields no chunk")
    func emptyFile() throws {
        let path = try GzipTool.temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try ChunkedFileReader(path: path)
        #expect(!reader.isGzip)
        #expect(try reader.next() == nil)
    }

    @Test("a truncated gzip file yields the decodable bytes, then throws .truncated once")
    func truncatedFile() throws {
        let gz = try #require(try GzipTool.gzip(text))
        let cut = Array(gz[0..<(gz.count * 2 / 3)])
        let path = try GzipTool.temporaryFile(cut)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try ChunkedFileReader(path: path, chunkSize: 1 << 20)
        let result = readAll(&reader)
        let error = try #require(result.error as? InflateError)
        #expect(error.kind == .truncated)
        #expect(error.offset == cut.count)
        #expect(result.bytes.count > text.count / 3)
        #expect(Array(text.prefix(result.bytes.count)) == result.bytes)
        #expect(try reader.next() == nil)
    }

    @Test("a missing file throws FileReadError")
    func missingFile() {
        #expect(throws: FileReadError.self) { try ChunkedFileReader(path: "/nonexistent/licscope/slm.log.1.gz") }
    }

    @Test("the decompressed-size cap stops a bomb")
    func bombCap() throws {
        let gz = try #require(try GzipTool.gzip([UInt8](repeating: 0x41, count: 4 << 20), level: 9))
        let path = try GzipTool.temporaryFile(gz)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try ChunkedFileReader(path: path, chunkSize: 1 << 16, maxDecompressedBytes: 1 << 20)
        let result = readAll(&reader)
        #expect((result.error as? InflateError)?.kind == .limitExceeded)
        #expect(result.bytes.count == 1 << 20)
    }
}
