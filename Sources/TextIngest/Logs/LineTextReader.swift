import Foundation
import Inflate
import LicensingModel

/// Re-reads chosen lines of a log, byte for byte as the scan made their text, for an analysis that held none per
/// event: the file (plain, or gzip by content) is read forward a chunk at a time through a few windows
/// (``LineWindow``), each keeping some text behind the line it last reached, so lines asked for in file order — or
/// in a few interleaved runs of it, as a timeline walks a log whose clock went back — cost about one sequential
/// read of the file.
///
/// A line far ahead of every window is read by a copy of the nearest (the original stays for the lines it is
/// near); a line before every window is reached again from the nearest line start recorded on the way (a plain
/// file), or from the file's start (gzip). Memory is a few windows of ``behind`` + ``chunkSize`` bytes, except for
/// a line longer than ``LogScanner/maxLineBytes``, where a window stops (such a line is split by the scan).
public struct LineTextReader {
    /// The file read.
    public let path: String
    /// The windows, least recently used first.
    private var windows: [LineWindow] = []
    /// Line starts left behind by the windows of a plain file, in line order: (line, decompressed byte offset).
    private var marks: [(line: Int, offset: Int)] = [(1, 0)]
    /// The plain file all windows read, nil for gzip.
    private let plain: PositionalFile?

    /// Bytes read at a time.
    static let chunkSize = 128 << 10
    /// Text a window keeps behind the line it last reached: at least what a continuation line's look back reads
    /// (``LogScanner/lookbackBytes``), with room for lines asked a little out of order.
    static let behind = 128 << 10
    /// The most windows on one file.
    static let maxWindows = 6
    /// A line this many lines or more ahead of the nearest window is read by a copy of it.
    static let farLines = 20_000

    /// Opens `path`; nil when it cannot be opened.
    public init?(path: String) {
        self.path = path
        guard let source = Self.open(path) else { return nil }
        if case .plain(let file) = source { plain = file } else { plain = nil }
        windows = [LineWindow(source, line: 1, offset: 0)]
    }

    private static func open(_ path: String) -> LineWindow.Source? {
        if let gzip = try? ChunkedFileReader(
            path: path, chunkSize: chunkSize, maxDecompressedBytes: LogIngester.maxDecompressedBytes,
            maxCompressionRatio: LogIngester.maxCompressionRatio), gzip.isGzip
        {
            return .gzip(gzip)
        }
        return PositionalFile(path: path).map { .plain($0) }
    }

    /// The text of the 1-based line `n`; nil when the file has no such line (it ends before, or cannot be read
    /// up to it).
    public mutating func text(ofLine n: Int) -> LineText? {
        guard n >= 1, let w = window(for: n) else { return nil }
        return windows[w].line(n, marks: &marks) { p, start, end in Self.make(p, line: n, start: start, end: end) }
    }

    /// The window to read line `n` with, made the most recently used: the nearest at or before it; a copy of that
    /// one when it is far behind; a new one from the nearest recorded line start when that is nearer or no window
    /// lies before `n`.
    private mutating func window(for n: Int) -> Int? {
        var best: (index: Int, distance: Int)?
        for (i, w) in windows.enumerated() {
            if let d = w.distance(to: n), d < best?.distance ?? .max { best = (i, d) }
        }
        if let b = best, b.distance < Self.farLines {
            windows.append(windows.remove(at: b.index))
            return windows.count - 1
        }
        let fresh: LineWindow
        if let plain, case let mark = nearestMark(before: n), n - mark.line < best?.distance ?? .max {
            fresh = LineWindow(.plain(plain), line: mark.line, offset: mark.offset)
        } else if let b = best {
            fresh = windows[b.index]
        } else if let source = Self.open(path) {
            // Before every window of a gzip stream: from its start again.
            fresh = LineWindow(source, line: 1, offset: 0)
        } else {
            return nil
        }
        if windows.count == Self.maxWindows { windows.removeFirst() }
        windows.append(fresh)
        return windows.count - 1
    }

    /// The last recorded line start far enough before line `n` for a continuation line's look back
    /// (``LogScanner/contextLines``).
    private func nearestMark(before n: Int) -> (line: Int, offset: Int) {
        let limit = n - LogScanner.contextLines - 1
        var lo = 0, hi = marks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if marks[mid].line <= limit { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? marks[lo - 1] : marks[0]
    }

    /// The line `start..<end` (without its line break) as the scan makes it (``LogScanner``'s `process`): a
    /// trailing CR dropped, cut at the matched length, NUL bytes replaced; its head read for a stamp, else the look
    /// back of a continuation line.
    private static func make(_ p: UnsafePointer<UInt8>, line: Int, start: Int, end: Int) -> LineText {
        var e = end
        if e > start, p[e - 1] == 0x0D { e -= 1 }
        e = min(e, start + LogScanner.maxMatchBytes)
        let text = LogScanner.decodeLine(p, start: start, end: e, mayHoldNUL: ByteScan.containsNUL(p, from: start, to: e))
        let stamp = LogScanner.stampText(ofLine: text)
            ?? LogScanner.context(p, before: start, line: line)?.header.stamp?.raw
        // Redacted as the event's excerpt is (once more when it was made, the screen having tripped); a line that
        // passes the screen has no secret in any piece of it.
        let secret = Redaction.mayContainSecret(text)
        let excerpt = LineMatcher.excerpt(of: text, secret: secret)
        return LineText(excerpt: secret ? Redaction.redact(excerpt) : excerpt, stamp: stamp)
    }
}
