import Foundation
import Inflate
import LicensingModel

/// A window of a log's text read forward from a line start (``LineTextReader``): the line asked for and at least
/// ``LineTextReader/behind`` bytes before it, read a chunk at a time.
struct LineWindow {
    /// Where the bytes come from.
    enum Source {
        /// An uncompressed file, read at offsets (shared by the windows on it).
        case plain(PositionalFile)
        /// A gzip stream, read forward (a copy reads on independently).
        case gzip(ChunkedFileReader)
    }

    var source: Source
    /// Text from a line start: line ``bufferLine``, at decompressed byte ``bufferOffset``.
    private(set) var buffer: [UInt8] = []
    private(set) var bufferLine: Int
    private(set) var bufferOffset: Int
    /// A line start known in the buffer (the last line reached).
    private(set) var cursorLine: Int
    private var cursorPos = 0
    /// The source has no more bytes (or failed).
    private var ended = false

    /// A window starting at `line`, which starts at decompressed byte `offset` of `source` (a plain file; a gzip
    /// stream is read from where it stands).
    init(_ source: Source, line: Int, offset: Int) {
        self.source = source
        bufferLine = line
        bufferOffset = offset
        cursorLine = line
    }

    /// Lines this window must read through before it reaches line `n` (0 when it holds it or a line after it);
    /// nil when `n` lies before it.
    func distance(to n: Int) -> Int? {
        n < bufferLine ? nil : max(0, n - cursorLine)
    }

    /// The 1-based line `n` (at or after ``bufferLine``) made by `make` from the buffer, the line's start and end
    /// (without its line break); nil when the source ends before it, fails, or the line is longer than
    /// ``LogScanner/maxLineBytes``. `marks` gets the line starts the window leaves behind (a plain file).
    mutating func line<T>(
        _ n: Int, marks: inout [(line: Int, offset: Int)], make: (UnsafePointer<UInt8>, Int, Int) -> T
    ) -> T? {
        if n < cursorLine { walkBack(to: n) }
        while true {
            var (line, pos) = (cursorLine, cursorPos)
            let end: Int? = buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return nil }
                while let newline = ByteScan.nextNewline(p, from: pos, to: buf.count) {
                    if line == n { return newline }
                    line += 1
                    pos = newline + 1
                }
                return nil
            }
            (cursorLine, cursorPos) = (line, pos)
            if let end { return made(start: pos, end: end, make) }
            guard buffer.count - pos <= LogScanner.maxLineBytes, readMore(marks: &marks) else {
                // The file's last line, without a line break.
                let last = ended && line == n && pos < buffer.count && buffer.count - pos <= LogScanner.maxLineBytes
                return last ? made(start: pos, end: buffer.count, make) : nil
            }
        }
    }

    private func made<T>(start: Int, end: Int, _ make: (UnsafePointer<UInt8>, Int, Int) -> T) -> T? {
        buffer.withUnsafeBufferPointer { buf in buf.baseAddress.map { make($0, start, end) } }
    }

    /// Moves the cursor back to line `n` (in the buffer), one line start at a time.
    private mutating func walkBack(to n: Int) {
        var (line, pos) = (cursorLine, cursorPos)
        buffer.withUnsafeBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            while line > n, pos > 0 {
                pos = ByteScan.lineStart(p, containing: pos - 1, floor: 0)
                line -= 1
            }
        }
        (cursorLine, cursorPos) = (line, pos)
    }

    /// Reads the next chunk after dropping the text more than ``LineTextReader/behind`` bytes behind the cursor
    /// (from a line start on); false at the end of the file or on a read error.
    private mutating func readMore(marks: inout [(line: Int, offset: Int)]) -> Bool {
        guard !ended else { return false }
        dropBehindCursor(marks: &marks)
        var added = 0
        switch source {
        case .plain(let file):
            added = (try? file.append(to: &buffer, at: bufferOffset + buffer.count, count: LineTextReader.chunkSize)) ?? 0
        case .gzip(var reader):
            added = (try? reader.append(to: &buffer)) ?? 0
            source = .gzip(reader)
        }
        if added == 0 { ended = true }
        return added > 0
    }

    private mutating func dropBehindCursor(marks: inout [(line: Int, offset: Int)]) {
        var keep = cursorPos - LineTextReader.behind
        guard keep > 0 else { return }
        while keep < cursorPos, buffer[keep - 1] != 0x0A { keep += 1 }
        let dropped = buffer.withUnsafeBufferPointer { buf -> Int in
            guard let p = buf.baseAddress else { return 0 }
            var count = 0
            var i = 0
            while let newline = ByteScan.nextNewline(p, from: i, to: keep) {
                count += 1
                i = newline + 1
            }
            return count
        }
        buffer.removeFirst(keep)
        bufferLine += dropped
        bufferOffset += keep
        cursorPos -= keep
        guard case .plain = source else { return }
        // In line order, for a binary search; a window behind another's marks adds none.
        if bufferLine > marks[marks.count - 1].line { marks.append((bufferLine, bufferOffset)) }
    }
}
