import Inflate

/// An uncompressed file read at given offsets, shared by the threads that scan its blocks: each reads the block it
/// scans straight into its own reused buffer, so no thread copies the file for another. The reads are
/// `Inflate.FileDescriptorHandle`'s; this maps their failures to the single pass's ``PlainFileSource/ReadError``.
final class PositionalFile: Sendable {
    /// How a read fails: ``PlainFileSource/ReadError`` (code 0 for a file that ended early).
    typealias ReadError = PlainFileSource.ReadError

    private let handle: FileDescriptorHandle

    /// Opens `path`; nil when it cannot be opened (or is not a file that can be read at offsets).
    init?(path: String) {
        guard let handle = try? FileDescriptorHandle(path: path) else { return nil }
        self.handle = handle
    }

    /// The file's size now, nil when it cannot be told.
    var size: Int? { handle.currentSize }

    /// Appends up to `count` bytes read at `offset` to `buffer`; returns how many were read (fewer at the end of
    /// the file).
    /// - Throws: ``ReadError`` when a read fails (nothing is appended then).
    @discardableResult
    func append(to buffer: inout [UInt8], at offset: Int, count: Int) throws -> Int {
        do {
            return try handle.append(to: &buffer, at: offset, count: count)
        } catch {
            throw ReadError(offset: error.offset, code: error.code)
        }
    }

    /// Appends exactly `count` bytes read at `offset` to `buffer`.
    /// - Throws: ``ReadError`` when a read fails or the file ends before (nothing is appended then).
    func appendExactly(to buffer: inout [UInt8], at offset: Int, count: Int) throws {
        let got = try append(to: &buffer, at: offset, count: count)
        guard got == count else {
            buffer.removeLast(got)
            throw ReadError(offset: offset + got, code: 0)
        }
    }
}
