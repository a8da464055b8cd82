import Foundation

/// A bundle's identity and size. A file hashes as its bytes; a folder as a canonical listing of its tree: for each
/// entry in byte order of its relative path, `path NUL kind NUL` and then, for a regular file, its size as 8
/// big-endian bytes and its bytes; for a symbolic link, its target. Other entries (FIFOs, sockets, devices) are
/// named but never opened, so hashing cannot block on them.
public struct BundleFingerprint: Sendable, Hashable {
    public var sha256: String
    public var bytes: Int
    public var kind: String

    /// Hashing stopped because `shouldStop` said so (an interrupted run).
    public struct Interrupted: Error {}

    /// Fingerprints the file or folder at `path`; nil when it cannot be read at all (the reason in `failure`).
    public static func compute(path: String, shouldStop: () -> Bool = { false }) throws -> BundleFingerprint {
        var digest = SHA256Digest()
        var status = stat()
        guard lstat(path, &status) == 0 else { throw FingerprintError(path: path, reason: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            var total = 0
            let entries = try FileManager.default.subpathsOfDirectory(atPath: path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for relative in entries {
                if shouldStop() { throw Interrupted() }
                let full = path + "/" + relative
                var s = stat()
                guard lstat(full, &s) == 0 else { continue }
                let type = s.st_mode & S_IFMT
                let kind = type == S_IFREG ? "f" : type == S_IFDIR ? "d" : type == S_IFLNK ? "l" : "o"
                digest.update(Array(relative.utf8) + [0] + Array(kind.utf8) + [0])
                if type == S_IFREG {
                    let size = Int(s.st_size)
                    total += size
                    digest.update((0..<8).map { UInt8(truncatingIfNeeded: UInt64(size) >> UInt64(56 - 8 * $0)) })
                    try feed(file: full, into: &digest, shouldStop: shouldStop)
                } else if type == S_IFLNK, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                    digest.update(Array(target.utf8))
                }
            }
            return BundleFingerprint(sha256: digest.hex(), bytes: total, kind: "folder")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw FingerprintError(path: path, reason: "not a regular file or folder")
        }
        try feed(file: path, into: &digest, shouldStop: shouldStop)
        return BundleFingerprint(sha256: digest.hex(), bytes: Int(status.st_size), kind: "file")
    }

    private static func feed(file: String, into digest: inout SHA256Digest, shouldStop: () -> Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw FingerprintError(path: file, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        while true {
            if shouldStop() { throw Interrupted() }
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw FingerprintError(path: file, reason: "read error: \(error.localizedDescription)")
            }
            if chunk.isEmpty { return }
            chunk.withUnsafeBytes { digest.update($0) }
        }
    }
}

/// A bundle that could not be read to fingerprint it.
public struct FingerprintError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
