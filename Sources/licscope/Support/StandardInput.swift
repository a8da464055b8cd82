import Foundation

/// `-` as an input: standard input copied to a file in the scratch directory (the readers need a seekable file,
/// and content decides what it is, as for any file), at most ``limit`` bytes.
enum StandardInput {
    /// What `-` is called in source pointers, inventories and reproduction hints.
    static let displayName = "<stdin>"

    /// The most bytes taken from standard input (the per-file limit of archive extraction, 2 GiB).
    static let limit = 2 << 30

    /// Copies standard input to `directory/stdin` and returns that path; more than `limit` bytes, or a read
    /// error, is a failure (exit 2, one line).
    static func spool(into directory: String, limit: Int = limit) throws -> String {
        let path = directory + "/stdin"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let out = FileHandle(forWritingAtPath: path)
        else { throw CommandFailure("cannot spool standard input into \(directory)") }
        defer { try? out.close() }
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
            guard total <= limit else {
                throw CommandFailure("standard input holds more than \(limit) bytes, the limit for -; save it to a file")
            }
            do { try out.write(contentsOf: buffer[..<n]) } catch {
                throw CommandFailure("cannot spool standard input: \((error as NSError).localizedDescription)")
            }
        }
        return path
    }
}
