import Foundation
import LicensingModel

/// The byte-level pass over one log: splits chunks into lines without decoding them, finds candidate lines with
/// the catalog's prefilter, hands only those to ``LineMatcher``, counts lines, and records damage.
///
/// Bounded: a line longer than ``maxLineBytes`` is split (and reported); only the first ``maxMatchBytes`` of a
/// candidate line are matched; the buffer keeps at most ``lookbackBytes`` of already-scanned text, which is where
/// continuation lines (Java exceptions) look for the timed line they belong to.
struct LogScanner {
    static let maxLineBytes = 16 << 20
    static let maxMatchBytes = 64 << 10
    static let lookbackBytes = 64 << 10
    static let sampleLines = 200
    static let contextLines = 200

    let matcher: LineMatcher
    let prefilter: LiteralPrefilter
    let path: String
    let maxDamage: Int
    /// The hours the zone of zone-less stamps repeats in autumn; an event line in one makes the scanner look at
    /// the lines before it (``passedWallTime(_:before:)``).
    var repeatedHours = RepeatedHours(zone: nil)
    /// How many lines back that look goes (within ``lookbackBytes``).
    static let repeatLookbackLines = 4000

    private var drafts: [EventDraft] = []
    /// The decompressed text not yet scanned, after up to ``lookbackBytes`` already scanned.
    private var buffer: [UInt8] = []
    private var scanFrom = 0
    /// Whether the buffer no longer starts at the file's first byte (a look back that reaches its start stops short).
    private(set) var bufferDropped = false
    private(set) var damage: [Damage] = []
    private(set) var suppressedDamage = 0
    /// Dated stamps for year inference and coverage (recorded, in a scanner of one block of a split file).
    private(set) var track = ScanPoints()
    var points: [YearInference.Point] { track.points }
    var datedBefore: [Int: Int] { track.datedBefore }
    var pointStamps: [WallStamp] { track.stamps }
    var firstPoint: Int? { track.firstPoint }
    var lastPoint: Int? { track.lastPoint }
    private(set) var tally = LayoutTally()
    /// Newlines seen so far; the line being scanned is `lines + 1`.
    private(set) var lines = 0
    private(set) var bytes = 0
    private(set) var endsWithNewline = true
    /// Whether reading stopped at an error of the source (the scan of a split file ends with the block it hit).
    private(set) var inputFailed = false
    private var sampleLeft = sampleLines
    /// The head of the last candidate line, reused as the context of the line right after it.
    private var lastHeader: (line: Int, header: LineHeader)?
    /// Catalog results for messages seen again.
    private var memo = CatalogMemo()

    init(matcher: LineMatcher, path: String, maxDamage: Int) {
        self.matcher = matcher
        self.prefilter = matcher.prefilter
        self.path = path
        self.maxDamage = maxDamage
    }

    /// A scanner for one block of a file split for several cores (``LogBlock``), in the state a single pass has
    /// when it reads the block's first chunk: the same buffer (so look-backs reach exactly as far), byte count and
    /// early-line sampling; lines are counted from the block's start and stamps recorded for ``absorb(_:)``.
    /// `carried` is the block's carried text (``LogBlock/appendCarried(to:)``), in a buffer the scanner takes over.
    init(matcher: LineMatcher, path: String, maxDamage: Int, block: LogBlock, carried: consuming [UInt8]) {
        self.init(matcher: matcher, path: path, maxDamage: maxDamage)
        buffer = consume carried
        scanFrom = min(block.scanFrom, buffer.count)
        bufferDropped = block.start > 0
        bytes = block.start + buffer.count
        endsWithNewline = buffer.last.map { $0 == 0x0A } ?? true
        sampleLeft = block.sampleLeft
        track = .recorder()
        let scanFrom = scanFrom
        lastHeader = buffer.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { candidateHeader(before: scanFrom, in: $0) }.map { (0, $0) }
        }
    }

    /// Gives back the scanner's buffer (for the next block's scanner to reuse), leaving it empty.
    mutating func takeBuffer() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// Records that the source failed before the scanner's first chunk (a block whose carried text could not be
    /// read): the pass stops there, as it stops at any read error.
    mutating func failedBeforeStart(_ error: any Error) {
        report(.line(path, lines + 1), "input stops here; \(error)")
        inputFailed = true
    }

    /// Takes in the next block of the file, scanned by `block` (made with ``init(matcher:path:maxDamage:block:)``),
    /// as if this scanner had read it: lines shifted, recorded stamps replayed, damage capped in file order.
    mutating func absorb(_ block: LogScanner) {
        let offset = lines
        let indices = track.replay(block.track.recording ?? [], lineOffset: offset)
        for var d in block.drafts {
            d.line += offset
            d.stampLine += offset
            d.point = d.point.flatMap { indices[$0] }
            drafts.append(d)
        }
        for var d in block.damage {
            if let n = d.line { d.line = n + offset }
            if damage.count < maxDamage { damage.append(d) } else { suppressedDamage += 1 }
        }
        suppressedDamage += block.suppressedDamage
        tally.merge(block.tally)
        lines += block.lines
        bytes = block.bytes
        endsWithNewline = block.endsWithNewline
    }

    /// Lines read, counting a last line without a trailing newline.
    var linesRead: Int { lines + (endsWithNewline ? 0 : 1) }

    /// Reads `source` to its end (or to the first error, which is recorded as damage).
    mutating func run(_ source: inout some LogChunkSource) {
        while step(&source) {}
    }

    /// Reads and scans one more chunk of `source`; at the end, scans what is left and returns false.
    mutating func step(_ source: inout some LogChunkSource) -> Bool {
        if let keep = Self.dropPoint(scanned: scanFrom, bufferStart: 0, byte: { buffer[$0] }) {
            buffer.removeSubrange(0..<keep)
            scanFrom -= keep
            bufferDropped = true
        }
        var added = 0
        do { added = try source.append(to: &buffer) } catch {
            report(.line(path, lines + 1), "input stops here; \(error)")
            inputFailed = true
        }
        guard added > 0 else {
            let rest = buffer
            if scanFrom < rest.count { scan(rest, from: scanFrom, to: rest.count) }
            scanFrom = rest.count
            findLastStamp(rest)
            return false
        }
        bytes += added
        endsWithNewline = buffer.last == 0x0A
        guard let (end, split) = Self.scanEnd(scanned: scanFrom, floor: scanFrom, end: buffer.count, byte: { buffer[$0] })
        else { return true }
        if split {
            report(.line(path, lines + 1), "line longer than \(Self.maxLineBytes >> 20) MiB; split at decompressed byte \(bytes)")
        }
        let text = buffer
        scan(text, from: scanFrom, to: end)
        scanFrom = end
        return true
    }

    /// Moves the drafts found so far (in line order) to the end of `target`, without copying them, and forgets them.
    mutating func moveDrafts(into target: inout [EventDraft]) {
        if target.isEmpty {
            swap(&target, &drafts)
            return
        }
        target.reserveCapacity(target.count + drafts.count)
        for i in drafts.indices { target.append(EventDraft.take(&drafts[i])) }
        drafts.removeAll(keepingCapacity: true)
    }

    private mutating func scan(_ buffer: [UInt8], from: Int, to: Int) {
        buffer.withUnsafeBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            scan(p, from: from, to: to)
        }
    }

    private mutating func scan(_ p: UnsafePointer<UInt8>, from: Int, to: Int) {
        var pos = from
        while sampleLeft > 0, pos < to {
            let end = ByteScan.nextNewline(p, from: pos, to: to) ?? to
            if prefilter.firstMatch(in: p, from: pos, to: end) != nil {
                process(p, start: pos, end: end)
            } else {
                checkLine(p, start: pos, end: end, line: lines + 1)
                sample(p, start: pos, end: end)
            }
            if end < to { lines += 1 }
            pos = end + 1
            sampleLeft -= 1
        }
        var counted = pos
        for hit in prefilter.lineHits(in: p, from: min(pos, to), to: to) where hit >= pos {
            let start = ByteScan.lineStart(p, containing: hit, floor: pos)
            count(p, from: counted, to: start)
            let end = ByteScan.nextNewline(p, from: hit, to: to) ?? to
            process(p, start: start, end: end)
            if end < to { lines += 1 }
            pos = end + 1
            counted = pos
        }
        if counted < to { count(p, from: counted, to: to) }
    }

    /// Counts the newlines of non-candidate text; looks closer only when it holds NUL or non-ASCII bytes.
    private mutating func count(_ p: UnsafePointer<UInt8>, from: Int, to: Int) {
        guard from < to else { return }
        let (n, suspicious) = ByteScan.newlines(p, from: from, to: to)
        if suspicious {
            var line = lines + 1
            var s = from
            while s < to {
                let e = ByteScan.nextNewline(p, from: s, to: to) ?? to
                checkLine(p, start: s, end: e, line: line)
                line += 1
                s = e + 1
            }
        }
        lines += n
    }

    /// Reports NUL bytes or invalid UTF-8 in the line; returns whether it holds a NUL or non-ASCII byte at all.
    @discardableResult
    private mutating func checkLine(_ p: UnsafePointer<UInt8>, start: Int, end: Int, line: Int) -> Bool {
        guard ByteScan.hasNULOrHighByte(p, from: start, to: end) else { return false }
        if ByteScan.containsNUL(p, from: start, to: end) {
            report(.line(path, line), "NUL bytes in the line; they were replaced")
        } else if !ByteScan.isValidUTF8(p, from: start, to: end) {
            report(.line(path, line), "invalid UTF-8; decoded with replacement characters")
        }
        return true
    }

    private mutating func report(_ source: SourcePointer, _ message: String) {
        if damage.count < maxDamage { damage.append(Damage(message, at: source)) } else {
            suppressedDamage += 1
        }
    }

    /// Classifies an early non-candidate line and keeps its stamp as a year/coverage reference.
    private mutating func sample(_ p: UnsafePointer<UInt8>, start: Int, end: Int) {
        let header = Self.header(p, start: start, end: end)
        tally.add(header.layout)
        if let s = header.stamp, s.hasDate { track.add(s, line: lines + 1, role: .counted) }
    }

    /// The head of a decoded candidate line (its first 400 bytes).
    static func header(ofLine text: String) -> LineHeader {
        var text = text
        return text.withUTF8 { b in
            LineHeader(utf8: UnsafeBufferPointer(rebasing: b[..<LineHeader.scalarBoundary(b, atMost: 400)]))
        }
    }

    /// The printed text of the stamp ``header(ofLine:)`` reads, without reading the rest of the head (level,
    /// thread, syslog mnemonic) when the stamp has a date: only a stamp without one (a CuSlmSvr line's clock, whose
    /// date comes later in the head) depends on it, and is read with the whole head.
    static func stampText(ofLine text: String) -> String? {
        var line = text
        let found = line.withUTF8 { b in
            LogTimestampScanner.scan(UnsafeBufferPointer(rebasing: b[..<LineHeader.scalarBoundary(b, atMost: 400)]))
        }
        guard let found else { return nil }
        return found.stamp.hasDate ? found.stamp.raw : header(ofLine: text).stamp?.raw
    }

    /// The head of the raw line `start..<end` (its first 400 bytes).
    static func header(_ p: UnsafePointer<UInt8>, start: Int, end: Int) -> LineHeader {
        let head = UnsafeBufferPointer(start: p + start, count: max(0, min(end - start, 400)))
        guard ByteScan.hasNULOrHighByte(p, from: start, to: start + head.count) else { return LineHeader(utf8: head) }
        // Not plain ASCII: read what decoding makes of the bytes (invalid ones replaced).
        var text = String(decoding: head, as: UTF8.self)
        return text.withUTF8 { LineHeader(utf8: $0) }
    }

    private mutating func process(_ p: UnsafePointer<UInt8>, start: Int, end: Int) {
        let line = lines + 1
        var e = end
        if e > start, p[e - 1] == 0x0D { e -= 1 }
        if e - start > Self.maxMatchBytes {
            report(.line(path, line), "line is \(e - start) bytes long; only its first \(Self.maxMatchBytes) bytes were matched")
            e = start + Self.maxMatchBytes
        }
        let plainASCII = !checkLine(p, start: start, end: e, line: line)
        let anchors = prefilter.anchorsPresent(in: p, from: start, to: e)
        let text = Self.decodeLine(p, start: start, end: e, mayHoldNUL: !plainASCII)
        let header = Self.header(ofLine: text)
        var context: (header: LineHeader, line: Int)??
        let previous = lastHeader
        let found = matcher.match(text, anchors: anchors, header: header, line: line, memo: &memo) {
            if context == nil {
                // The line before is often the candidate just handled (a failure, then its exception).
                if let prev = previous, prev.line == line - 1, prev.header.stamp?.hasDate == true {
                    context = .some((prev.header, prev.line))
                } else {
                    context = .some(Self.context(p, before: start, line: line))
                }
            }
            return context ?? nil
        }
        lastHeader = (line, header)
        tally.add(header.layout, evidence: found.compactMap(\.evidence))
        for var match in found {
            if let s = match.draft.stamp, s.hasDate {
                match.draft.point = track.add(s, line: match.draft.stampLine, role: .counted)
                if !repeatedHours.isEmpty, repeatedHours.contains(s) {
                    switch passedWallTime(s, p: p, before: start) {
                    case .passed: match.draft.afterRepeatedWall = true
                    case .notPassed: break
                    case .beyondLookback: match.draft.notes.append(Self.lookbackNote)
                    }
                }
            }
            drafts.append(match.draft)
        }
        if found.isEmpty, firstPoint == nil, let s = header.stamp, s.hasDate { track.add(s, line: line, role: .firstIfNone) }
    }

    /// A candidate line's text (without its line break), NUL bytes replaced.
    static func decodeLine(_ p: UnsafePointer<UInt8>, start: Int, end: Int, mayHoldNUL: Bool = true) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        return mayHoldNUL && text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// The nearest preceding line (in the buffer, within ``contextLines``) with a dated stamp.
    static func context(_ p: UnsafePointer<UInt8>, before start: Int, line: Int) -> (header: LineHeader, line: Int)? {
        var end = start - 1
        var k = 0
        while end >= 0, k < contextLines, start - end < lookbackBytes {
            let s = ByteScan.lineStart(p, containing: end, floor: 0)
            k += 1
            let h = header(p, start: s, end: end)
            if let stamp = h.stamp, stamp.hasDate { return (h, line - k) }
            end = s - 1
        }
        return nil
    }

    /// The last dated stamp of the file, for coverage (`lastTime`) and year inference.
    private mutating func findLastStamp(_ buffer: [UInt8]) {
        buffer.withUnsafeBufferPointer { buf in
            guard let p = buf.baseAddress, !buf.isEmpty else { return }
            var end = buf.count
            if p[end - 1] == 0x0A { end -= 1 }
            var line = linesRead
            var steps = 0
            while end >= 0, steps < 50 {
                let s = ByteScan.lineStart(p, containing: end, floor: 0)
                let h = Self.header(p, start: s, end: end)
                if let stamp = h.stamp, stamp.hasDate {
                    track.add(stamp, line: line, role: .last)
                    return
                }
                if s == 0 { return }
                end = s - 1
                line -= 1
                steps += 1
            }
        }
    }
}
