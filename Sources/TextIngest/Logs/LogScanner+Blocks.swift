import LicensingModel

/// The parts of a block scan (``LogBlock``) that sit outside the single pass.
extension LogScanner {
    /// Scans one block of a split file in a scanner of its own (on any thread): its chunks and, for the file's
    /// last block, the rest and the last stamp. The scanner's buffer is `spare`'s storage, given back in `spare`
    /// afterwards, so a thread scanning block after block allocates its buffer once.
    static func scan(
        _ block: LogBlock, matcher: LineMatcher, path: String, maxDamage: Int, repeatedHours: RepeatedHours,
        spare: inout [UInt8]
    ) -> LogScanner {
        var carried = spare
        spare = []
        carried.removeAll(keepingCapacity: true)
        var failure: (any Error)?
        do { try block.appendCarried(to: &carried) } catch { failure = error }
        // `consume`: the scanner's buffer must be the only reference to this storage, or its first append copies it
        // into a fresh allocation (new pages to fault in for every block).
        var scanner = LogScanner(
            matcher: matcher, path: path, maxDamage: maxDamage, block: block, carried: consume carried)
        scanner.repeatedHours = repeatedHours
        if let failure {
            scanner.failedBeforeStart(failure)
        } else {
            var source = block.chunks()
            if block.isLast {
                scanner.run(&source)
            } else {
                for _ in block.chunkSizes {
                    guard scanner.step(&source) else { break }
                }
            }
        }
        spare = scanner.takeBuffer()
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
