import Foundation
import Inflate
import LicensingModel

/// Re-reads the excerpts of chosen lines of a log, byte for byte as ``LogIngester`` makes them when it keeps them
/// (``LogIngestOptions/keepLineText``): the line without its break, cut at the matched length, NUL bytes
/// replaced, secrets redacted before it is cut to the excerpt length.
///
/// An analysis that holds no excerpt per event calls this once per file for the few lines its report shows: one
/// sequential pass, plain or gzip by content, that keeps only the wanted lines.
public enum LineExcerpts {
    /// The excerpts of the 1-based `lines` of the log at `path`, keyed by line; lines the file does not have
    /// (or that cannot be read) are absent.
    public static func read(path: String, lines: Set<Int>) -> [Int: String] {
        guard !lines.isEmpty else { return [:] }
        let wanted = lines.sorted()
        if let reader = try? ChunkedFileReader(
            path: path, chunkSize: LogIngester.chunkSize, maxDecompressedBytes: LogIngester.maxDecompressedBytes,
            maxCompressionRatio: LogIngester.maxCompressionRatio), reader.isGzip
        {
            var source = reader
            return read(&source, wanted: wanted)
        }
        guard var plain = PlainFileSource(path: path, chunkSize: LogIngester.chunkSize) else { return [:] }
        return read(&plain, wanted: wanted)
    }

    /// Reads `source` up to the last wanted line, collecting the wanted lines' bytes (at most what is matched).
    static func read(_ source: inout some LogChunkSource, wanted: [Int]) -> [Int: String] {
        var out: [Int: String] = [:]
        var next = 0
        var line = 1
        var current: [UInt8] = []
        var length = 0
        var buffer: [UInt8] = []
        while next < wanted.count {
            buffer.removeAll(keepingCapacity: true)
            guard let n = try? source.append(to: &buffer), n > 0 else { break }
            buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                var pos = 0
                while pos < buf.count, next < wanted.count {
                    let newline = ByteScan.nextNewline(p, from: pos, to: buf.count)
                    let end = newline ?? buf.count
                    if line == wanted[next] {
                        // One byte past the matched length tells whether a trailing CR is inside it.
                        let room = LogScanner.maxMatchBytes + 1 - current.count
                        if room > 0 { current.append(contentsOf: UnsafeBufferPointer(start: p + pos, count: min(room, end - pos))) }
                        length += end - pos
                    }
                    guard let newline else { return }
                    if line == wanted[next] {
                        out[line] = excerpt(current, whole: length == current.count)
                        current.removeAll(keepingCapacity: true)
                        length = 0
                        next += 1
                    }
                    line += 1
                    pos = newline + 1
                }
            }
        }
        // A last line without a line break.
        if next < wanted.count, line == wanted[next], !current.isEmpty {
            out[line] = excerpt(current, whole: length == current.count)
        }
        return out
    }

    /// The excerpt of a line's first bytes (at most ``LogScanner/maxMatchBytes`` + 1; `whole` when that is the
    /// line), as the scanner makes it.
    static func excerpt(_ bytes: [UInt8], whole: Bool) -> String {
        var e = bytes.count
        if whole, e > 0, bytes[e - 1] == 0x0D { e -= 1 }
        e = min(e, LogScanner.maxMatchBytes)
        let text = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { LogScanner.decodeLine($0, start: 0, end: e) } ?? ""
        }
        return Redaction.redact(LineMatcher.excerpt(of: text, secret: Redaction.mayContainSecret(text)))
    }
}
