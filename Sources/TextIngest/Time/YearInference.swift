import Foundation
import LicensingModel

/// Chooses years for yearless stamps (`Jan 26 15:11:23 IST`) of one file, in file order, and says how.
///
/// Evidence, strongest first:
/// 1. dated stamps in the same file: the nearest preceding one (else the nearest following one) gives the year,
///    with a New-Year step when the month jumps back by more than six months after it (or forward before it);
/// 2. year hints from elsewhere in the bundle (a `show license all` snapshot), taken as the year of the file's
///    last yearless stamp because snapshots are collected after the logs;
/// 3. the file's modification time, likewise the year of the last stamp (minus one when the last stamp's month
///    is after the modification month: the file was written across a New Year).
///
/// With 2 and 3 the earlier stamps count New Years backwards: every time the month goes back from one stamp to
/// the next, a year boundary is assumed between them.
public struct YearInference: Sendable {
    /// One stamp in file order: its printed year (nil when yearless), month and where it was read.
    public struct Point: Hashable, Sendable {
        /// The printed year, nil when yearless.
        public var year: Int?
        /// The 1-based month.
        public var month: Int
        /// The 1-based line it was read from.
        public var line: Int
        /// Creates a point.
        public init(year: Int?, month: Int, line: Int) {
            self.year = year
            self.month = month
            self.line = line
        }
    }

    /// Hints from outside the file.
    public var hints: [CiscoTimestamp.YearHint]
    /// The file's modification time and its description (`modification time of slm.log`).
    public var modificationTime: Date?
    /// The file's name for the assumption text.
    public var path: String

    /// Creates the inference.
    public init(hints: [CiscoTimestamp.YearHint], modificationTime: Date?, path: String) {
        self.hints = hints
        self.modificationTime = modificationTime
        self.path = path
    }

    /// Years for `points` (same order); nil entries for points that printed their year or could not be placed.
    public func years(for points: [Point]) -> [(year: Int, assumption: String)?] {
        var out = [(year: Int, assumption: String)?](repeating: nil, count: points.count)
        let dated = points.indices.filter { points[$0].year != nil }
        let yearless = points.indices.filter { points[$0].year == nil }
        guard !yearless.isEmpty else { return out }
        if !dated.isEmpty {
            for k in yearless {
                out[k] = fromDated(points: points, dated: dated, at: k)
            }
            return out
        }
        guard let (lastYear, source) = anchorForLast(month: points[yearless[yearless.count - 1]].month) else {
            return out
        }
        // Count New Years backwards from the last yearless stamp.
        var year = lastYear
        var previousMonth = points[yearless[yearless.count - 1]].month
        var rollovers = 0
        for k in yearless.reversed() {
            let m = points[k].month
            if m > previousMonth {
                year -= 1
                rollovers += 1
            }
            previousMonth = m
            let note = rollovers == 0 ? "" : " (\(rollovers) New Year rollover\(rollovers == 1 ? "" : "s") counted back)"
            out[k] = (year, "year \(year) inferred from \(source)\(note)")
        }
        return out
    }

    private func fromDated(points: [Point], dated: [Int], at k: Int) -> (year: Int, assumption: String)? {
        let before = dated.last { $0 < k }
        let after = dated.first { $0 > k }
        let m = points[k].month
        if let b = before, let y = points[b].year {
            let bm = points[b].month
            let year = m + 6 < bm ? y + 1 : y
            let step = year != y ? "; New Year rollover after it" : ""
            return (year, "year \(year) inferred from the dated line \(path):\(points[b].line)\(step)")
        }
        if let a = after, let y = points[a].year {
            let am = points[a].month
            let year = m > am + 6 ? y - 1 : y
            let step = year != y ? "; New Year rollover before it" : ""
            return (year, "year \(year) inferred from the dated line \(path):\(points[a].line)\(step)")
        }
        return nil
    }

    private func anchorForLast(month: Int) -> (Int, String)? {
        if let hint = hints.first {
            return (hint.year, hint.source)
        }
        if let mtime = modificationTime {
            let c = LicensingCalendar.components(of: mtime, offsetSeconds: 0)
            let year = month > c.month ? c.year - 1 : c.year
            return (year, "the modification time of \(path) (\(mtime.iso8601UTC))")
        }
        return nil
    }
}
