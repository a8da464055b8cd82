import Foundation
import LicensingModel

/// What `events` (and `packets`) wrote, per file and in all, with `--since` / `--until` applied.
struct EventTally {
    /// The window records must fall in, when one was given.
    let window: TimeWindow?
    /// Records written over all files.
    private(set) var total = 0
    /// Records written from the current file.
    private(set) var fileCount = 0
    /// Records of the current file left out by the window (outside it, or untimed and so not placeable in it).
    private(set) var fileOutside = 0
    /// Records of the current file left out of JSON Lines for want of a time.
    var fileUntimed = 0
    /// Some line of the current file was read without a printed zone.
    private(set) var fileUnzoned = false

    init(window: TimeWindow?) { self.window = window }

    /// Starts counting a new file.
    mutating func startFile() {
        fileCount = 0
        fileOutside = 0
        fileUntimed = 0
        fileUnzoned = false
    }

    /// Whether `event` is written; counts it either way.
    mutating func admit(_ event: Event) -> Bool {
        if let window, !window.keeps(event) {
            fileOutside += 1
            return false
        }
        fileCount += 1
        total += 1
        if !fileUnzoned, event.time?.assumptions.contains(where: { $0.hasPrefix("no zone printed") }) == true {
            fileUnzoned = true
        }
        return true
    }

    /// Whether a record at `instant` (nil: untimed) is written, for records that are not events (ladders, flows).
    @discardableResult
    mutating func admit(instant: Date?) -> Bool {
        if let window {
            guard let instant, window.contains(instant) else {
                fileOutside += 1
                return false
            }
        }
        fileCount += 1
        total += 1
        return true
    }

    /// `12 outside --since/--until left out`, or nil.
    var fileWindowNote: String? {
        fileOutside > 0 ? "\(fileOutside) outside --since/--until (or untimed) left out" : nil
    }
}
