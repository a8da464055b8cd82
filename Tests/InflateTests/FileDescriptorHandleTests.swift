import Foundation
import Testing
@testable import Inflate

/// The package's one `pread` loop: appending into a reused buffer (the log block scanners) and reading fresh arrays
/// (``RandomAccessFile``) give the same bytes, stop at the end of the file, and report a failed read with its
/// offset and errno, appending nothing.
@Suite("file descriptor handle: appending reads at offsets")
struct FileDescriptorHandleTests {
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fdh-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("appends after what the buffer holds; fewer bytes only at the end of the file")
    func appends() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileDescriptorHandle(path: url.path)
        var buffer: [UInt8] = [7, 7]
        // More than one 64 KiB piece of room.
        #expect(try handle.append(to: &buffer, at: 1_000, count: 150_000) == 150_000)
        #expect(buffer == [7, 7] + bytes[1_000..<151_000])
        #expect(try handle.append(to: &buffer, at: 199_990, count: 100) == 10)
        #expect(buffer.suffix(10) == bytes.suffix(10)[...])
        #expect(try handle.append(to: &buffer, at: 300_000, count: 5) == 0)
        #expect(buffer.count == 2 + 150_000 + 10)
        #expect(try RandomAccessFile(path: url.path).read(at: 1_000, count: 150_000) == Array(bytes[1_000..<151_000]))
        #expect(handle.currentSize == 200_000)
    }

    @Test("a buffer read into chunk after chunk grows by doubling, not by each read's size")
    func growsGeometrically() throws {
        let chunk = 1 << 16
        let bytes = (0..<(32 * chunk)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let url = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileDescriptorHandle(path: url.path)
        var buffer: [UInt8] = []
        var growths = 0
        for k in 0..<32 {
            let capacity = buffer.capacity
            #expect(try handle.append(to: &buffer, at: k * chunk, count: chunk) == chunk)
            if buffer.capacity != capacity { growths += 1 }
        }
        #expect(buffer == bytes)
        // 64 KiB to 2 MiB: six doublings (one more where the allocator's rounding falls short); growing to the exact
        // size would reallocate at all 32 reads.
        #expect(growths <= 7, "\(growths) reallocations")
    }

    @Test("a failed read throws its offset and errno and appends nothing",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem")))
    func failure() throws {
        // /proc/self/mem is a regular file whose offset 0 is an unmapped address: pread fails with EIO.
        let handle = try FileDescriptorHandle(path: "/proc/self/mem")
        var buffer: [UInt8] = [1, 2, 3]
        #expect(throws: FileDescriptorHandle.ReadFailure.self) { try handle.append(to: &buffer, at: 0, count: 16) }
        do {
            try handle.append(to: &buffer, at: 0, count: 16)
        } catch {
            #expect(error.offset == 0 && error.code == EIO)
        }
        #expect(buffer == [1, 2, 3])
        #expect(throws: FileReadError(path: "/proc/self/mem", offset: 0, message: "Input/output error")) {
            try handle.read(at: 0, count: 16)
        }
    }
}
