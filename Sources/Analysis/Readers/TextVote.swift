#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises text by line votes over the markers readers declare: each line votes for the first kind (in the
/// registry's order: the most specific markers first) whose marker it contains; a line that holds no marker of a
/// kind with a ``TextMarkers/layout`` or of a more specific kind, and has that layout, votes for that kind (the
/// first such kind whose layout it has). The
/// most votes wins; a tie goes to the first leader whose name fragment the file's name contains, else to the most
/// specific leader; no vote, nil.
enum TextVote {
    static func winner(_ head: ArraySlice<UInt8>, name: String, kinds: [TextMarkers]) -> ContentKind? {
        guard !kinds.isEmpty else { return nil }
        let bytes = Array(head)
        let lineStarts = lineStartOffsets(bytes)
        var ranks = [Int](repeating: Int.max, count: lineStarts.count)
        for (rank, entry) in kinds.enumerated() {
            for marker in entry.markers {
                forEachLine(containing: marker, in: bytes, lineStarts: lineStarts) { ranks[$0] = min(ranks[$0], rank) }
            }
        }
        let layouts = kinds.indices.filter { kinds[$0].layout != nil }
        var votes = [Int](repeating: 0, count: kinds.count)
        for (line, start) in lineStarts.enumerated() {
            var rank = ranks[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
            // The first layout, most specific first, that the line has (a trace line, else a `show license` prompt).
            if let claim = layouts.first(where: { $0 < rank && kinds[$0].layout?(bytes[start..<end]) == true }) {
                rank = claim
            }
            if rank < votes.count { votes[rank] += 1 }
        }
        guard let best = votes.max(), best > 0 else { return nil }
        let leaders = kinds.indices.filter { votes[$0] == best }
        if leaders.count > 1 {
            let lowered = name.lowercased()
            if let hinted = leaders.first(where: { i in kinds[i].nameHints.contains { lowered.contains($0) } }) {
                return kinds[hinted].kind
            }
        }
        return leaders.first.map { kinds[$0].kind }
    }

    /// Calls `body` with the index of each line of `bytes` that contains `marker` (once per line).
    private static func forEachLine(
        containing marker: [UInt8], in bytes: [UInt8], lineStarts: [Int], _ body: (Int) -> Void
    ) {
        guard !marker.isEmpty, marker.count <= bytes.count else { return }
        bytes.withUnsafeBytes { haystack in
            marker.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return }
                var offset = 0
                while let position = find(needleBase, count: needle.count, in: base, length: haystack.count, from: offset) {
                    let line = lineIndex(of: position, lineStarts: lineStarts)
                    body(line)
                    guard line + 1 < lineStarts.count else { return }
                    offset = lineStarts[line + 1]
                }
            }
        }
    }

    /// The offset of every line's first byte (0, and one past each newline).
    private static func lineStartOffsets(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count, let hit = memchr(base + offset, 0x0a, raw.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// The first offset at or after `start` where the needle occurs (memchr for its first byte, then memcmp).
    private static func find(
        _ needle: UnsafeRawPointer, count: Int, in haystack: UnsafeRawPointer, length: Int, from start: Int
    ) -> Int? {
        let first = Int32(needle.load(as: UInt8.self))
        var offset = start
        while offset <= length - count {
            guard let hit = memchr(haystack + offset, first, length - count + 1 - offset) else { return nil }
            let position = haystack.distance(to: UnsafeRawPointer(hit))
            if memcmp(haystack + position, needle, count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// The index of the line holding byte `position` (binary search over the line starts).
    private static func lineIndex(of position: Int, lineStarts: [Int]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
