import Foundation
import Testing
@testable import TextIngest

/// The plain-file reader sizes its reads to the file: a tiny archive member costs a few KiB, not a 1 MiB chunk.
@Suite("plain file reads")
struct PlainFileSourceTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func readAll(_ source: PlainFileSource) throws -> [UInt8] {
        var out: [UInt8] = []
        while try source.append(to: &out) > 0 {}
        return out
    }

    @Test("a small file is read in one small chunk, whole")
    func smallFile() throws {
        let bytes = Array("12:00:00.000 |one line\n".utf8)
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try #require(PlainFileSource(path: path, chunkSize: 1 << 20))
        #expect(source.chunkSize == PlainFileSource.smallestChunk)
        #expect(try Self.readAll(source) == bytes)
    }

    @Test("a file larger than the chunk size is read in chunks of that size, whole")
    func largeFile() throws {
        let bytes = (0..<(3 << 16) + 17).map { UInt8(truncatingIfNeeded: $0) }
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try #require(PlainFileSource(path: path, chunkSize: 1 << 16))
        #expect(source.chunkSize == 1 << 16)
        #expect(try Self.readAll(source) == bytes)
    }

    @Test("a file that grows after it was opened is still read to its end")
    func growingFile() throws {
        let first = Array("first\n".utf8)
        let path = try Self.file(first)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try #require(PlainFileSource(path: path, chunkSize: 1 << 20))
        let more = [UInt8](repeating: 0x41, count: 3 * PlainFileSource.smallestChunk + 5)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(more))
        try handle.close()
        #expect(try Self.readAll(source) == first + more)
    }
}
