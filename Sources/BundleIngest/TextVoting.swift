#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text classification by line votes: each line votes for the first class (in `ContentMarkers.ordered`) whose
/// marker it contains; a timestamped log4j / diag-style line that would otherwise vote for the CLI (or not at all)
/// votes for a license log, since trace messages often quote CLI words. The most votes wins; no vote, plain text.
extension FileClassifier {
    static func textClass(_ head: ArraySlice<UInt8>, name: String) -> FileClass {
        let bytes = Array(head)
        let lineStarts = lineStartOffsets(bytes)
        var ranks = [Int](repeating: Int.max, count: lineStarts.count)
        let ordered = ContentMarkers.ordered
        for (rank, entry) in ordered.enumerated() {
            for marker in entry.1 {
                forEachLine(containing: marker, in: bytes, lineStarts: lineStarts) { ranks[$0] = min(ranks[$0], rank) }
            }
        }
        let cliRank = ordered.firstIndex { $0.0 == .cli } ?? ordered.count
        let logRank = ordered.firstIndex { $0.0 == .licenseLog } ?? ordered.count
        var votes = [Int](repeating: 0, count: ordered.count)
        for (line, start) in lineStarts.enumerated() {
            var rank = ranks[line]
            if rank >= cliRank {
                let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
                if LogLayout.isTimestampedLogLine(bytes[start..<end]) { rank = logRank }
            }
            if rank < votes.count { votes[rank] += 1 }
        }
        guard let best = votes.max(), best > 0 else { return .text }
        let leaders = ordered.indices.filter { votes[$0] == best }.map { ordered[$0].0 }
        if leaders.count > 1 {
            let lowered = name.lowercased()
            if let hinted = ContentMarkers.nameHints.first(where: { lowered.contains($0.0) && leaders.contains($0.1) }) {
                return hinted.1
            }
        }
        return leaders.first ?? .text
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
