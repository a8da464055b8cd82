import Foundation
import LicensingModel

/// The look back that resolves the hour repeated when clocks go back: does an earlier line (event line or not)
/// show the log had already passed this wall time?
extension LogScanner {
    /// What the look back from a line in the repeated hours found.
    enum LookBack: Equatable {
        /// An earlier line had passed the wall time: the second occurrence.
        case passed
        /// The look reached a line before the repeated hours (or the file's start) without one that had.
        case notPassed
        /// The look stopped at its bound (``repeatLookbackLines`` lines or ``lookbackBytes``) still inside the
        /// repeated hours: an earlier line further back may have passed it.
        case beyondLookback
    }

    /// The assumption written on a line whose look back stopped at its bound.
    static let lookbackNote = "the look back for an earlier line past this wall time stopped at its bound (\(repeatLookbackLines) lines or \(lookbackBytes >> 10) KiB, all inside the repeated hour): lines further back were not read for it, so only the event lines before it decide the occurrence"

    /// Whether a line before `start` (event line or not, in the buffer) on the same day and in the repeated hours
    /// shows a wall time more than a minute after `stamp`'s: the log had passed it, so `stamp` is the second
    /// occurrence. The look stops at the first dated line outside the repeated hours (the log was still before them),
    /// at the file's start, or at its bound (said on the line: the converter then decides by event lines alone).
    func passedWallTime(_ stamp: WallStamp, p: UnsafePointer<UInt8>, before start: Int) -> LookBack {
        let target = stamp.hour * 3600 + stamp.minute * 60 + stamp.second
        var end = start - 1
        var k = 0
        while end >= 0 {
            guard k < Self.repeatLookbackLines, start - end < Self.lookbackBytes else { return .beyondLookback }
            let s = ByteScan.lineStart(p, containing: end, floor: 0)
            k += 1
            if let other = Self.header(p, start: s, end: end).stamp, other.hasDate {
                let sameDay = other.month == stamp.month && other.day == stamp.day
                    && (other.year == nil || stamp.year == nil || other.year == stamp.year)
                guard sameDay, repeatedHours.contains(other) else { return .notPassed }
                let wall = other.hour * 3600 + other.minute * 60 + other.second
                if Double(wall - target) > WallClockConverter.reorderTolerance { return .passed }
            }
            end = s - 1
        }
        // The buffer's start: the file's, unless older text was dropped from it.
        return bufferDropped ? .beyondLookback : .notPassed
    }
}
