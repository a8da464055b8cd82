import LicensingModel

/// The one-line progress display on stderr: bundles done of total, failures, rate and time left.
public enum ProgressLine {
    /// The line for `progress` after `elapsed` seconds of wall time (no newline; the caller rewrites it with `\r`).
    public static func render(_ progress: TriageRun.Progress, elapsed: Double, width: Int = 24) -> String {
        let total = max(progress.total, 1)
        let filled = min(width, progress.done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let analyzed = progress.done - progress.skipped
        let perMinute = elapsed > 0 ? Double(analyzed) * 60 / elapsed : 0
        var line = "[\(bar)] \(progress.done)/\(progress.total) bundles, \(progress.failed) failed"
        if progress.skipped > 0 { line += ", \(progress.skipped) already done" }
        line += ", " + String(format1: perMinute) + "/min"
        let left = progress.total - progress.done
        if perMinute > 0, left > 0 { line += ", ETA " + DurationFormat.compact.text(Double(left) / perMinute * 60) }
        return line
    }

}

extension String {
    /// One decimal.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
