import LicensingModel

/// The parts of a block scan (``LogBlock``) that sit outside the single pass.
extension LogScanner {
    /// Scans one block of a split file in a scanner of its own (on any thread): its chunks and, for the file's
    /// last block, the rest and the last stamp.
    static func scan(
        _ block: LogBlock, matcher: LineMatcher, path: String, maxDamage: Int, repeatedHours: RepeatedHours
    ) -> LogScanner {
        var scanner = LogScanner(matcher: matcher, path: path, maxDamage: maxDamage, block: block)
        scanner.repeatedHours = repeatedHours
        var source = block.chunks()
        if block.isLast {
            scanner.run(&source)
        } else {
            for _ in block.chunkSizes { _ = scanner.step(&source) }
        }
        return scanner
    }

    /// The header the single pass keeps of the line that ends right before `end` (its line break at `end - 1`)
    /// when that line is a candidate, made as ``process`` makes it; nil otherwise. The line starts in the buffer.
    func candidateHeader(before end: Int, in p: UnsafePointer<UInt8>) -> LineHeader? {
        guard end > 0, p[end - 1] == 0x0A else { return nil }
        let lineEnd = end - 1
        var start = lineEnd
        while start > 0, p[start - 1] != 0x0A { start -= 1 }
        guard prefilter.firstMatch(in: p, from: start, to: lineEnd) != nil else { return nil }
        var e = lineEnd
        if e > start, p[e - 1] == 0x0D { e -= 1 }
        e = min(e, start + Self.maxMatchBytes)
        let text = Self.decodeLine(p, start: start, end: e, mayHoldNUL: ByteScan.hasNULOrHighByte(p, from: start, to: e))
        return Self.header(ofLine: text)
    }
}
