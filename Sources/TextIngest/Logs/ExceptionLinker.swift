import LicensingModel

/// Ties Java exceptions to the communication failure they explain: a `communication.failed` within
/// ``window`` lines of an `exception.raised` carrying a `cause` (same thread when both name one) gets that
/// `cause` and the exception class, unless it already has a cause.
enum ExceptionLinker {
    static let window = 50

    /// Links in place the exceptions from index `start` on that lie before line `limit`; `drafts` are in line
    /// order and hold every failure within ``window`` lines of those exceptions. Returns the index of the first
    /// exception left for a later call. Reads only the drafts from `start` on and those within a window of them (each
    /// exception looks only at the failures within the window); linking all at once or in steps gives the same result.
    static func link(_ drafts: inout [EventDraft], from start: Int = 0, before limit: Int = .max) -> Int {
        // Through the buffer: each draft is read in place (indexing the array copied whole drafts, fields and all).
        drafts.withUnsafeMutableBufferPointer { link($0, from: start, before: limit) }
    }

    private static func link(_ drafts: UnsafeMutableBufferPointer<EventDraft>, from start: Int, before limit: Int) -> Int {
        var end = start
        while end < drafts.count, drafts[end].line < limit { end += 1 }
        guard start < end else { return end }
        // Only the failures within a window of the exceptions in start..<end can be linked now: those drafts are
        // found by binary search, so a call reads the new drafts and their neighbours, not every pending draft
        // (the held drafts of a file whose year is not known yet grow with the file).
        let (low, high) = (drafts[start].line - window, drafts[end - 1].line + window)
        var failures: [Int] = []
        var failureLines: [Int] = []
        var i = firstIndex(drafts, atOrAfterLine: low)
        while i < drafts.count, drafts[i].line <= high {
            if drafts[i].kind == .communicationFailed {
                failures.append(i)
                failureLines.append(drafts[i].line)
            }
            i += 1
        }
        guard !failures.isEmpty else { return end }
        for x in start..<end where drafts[x].kind == .exceptionRaised {
            guard let cause = drafts[x].fields["cause"] else { continue }
            let line = drafts[x].line
            let thread = drafts[x].fields["thread"]?.text
            var best: Int?
            var bestDistance = Int.max
            var k = lowerBound(failureLines, line - window)
            while k < failures.count, failureLines[k] <= line + window {
                let f = failures[k]
                k += 1
                let distance = abs(failureLines[k - 1] - line)
                guard distance < bestDistance, drafts[f].fields["cause"] == nil else { continue }
                if let t = thread, let ft = drafts[f].fields["thread"]?.text, t != ft { continue }
                (best, bestDistance) = (f, distance)
            }
            guard let f = best else { continue }
            drafts[f].fields["cause"] = cause
            if drafts[f].fields["exception"] == nil, let e = drafts[x].fields["exception"] {
                drafts[f].fields["exception"] = e
            }
        }
        return end
    }

    /// The first index of a draft on line `line` or later; `drafts` are in line order.
    private static func firstIndex(_ drafts: UnsafeMutableBufferPointer<EventDraft>, atOrAfterLine line: Int) -> Int {
        var lo = 0, hi = drafts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if drafts[mid].line < line { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The first index whose value is ≥ `value` in a sorted array.
    private static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
