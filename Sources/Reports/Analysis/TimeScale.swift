import Foundation
import LicensingModel

/// Maps instants to x positions for the SVG timeline: the evidence window linearly over the plot, or — when a
/// runway follows — over its first part, with the runway compressed linearly into the rest.
struct TimeScale {
    /// First instant drawn.
    let start: Date
    /// The last evidence.
    let evidenceEnd: Date
    /// Last instant drawn (the runway's end, or `evidenceEnd`).
    let end: Date
    let x0: Double
    let x1: Double
    /// Where the last evidence sits on the plot.
    let split: Double

    var hasRunway: Bool { end > evidenceEnd }

    /// Nil when nothing in the report has a time.
    init?(report: AnalysisReport, x0: Double, x1: Double, evidenceShare: Double) {
        let known = [report.evidenceStart, report.evidenceEnd].compactMap { $0 }
            + report.states.flatMap { [$0.start, $0.end].compactMap { $0 } }
        guard var start = report.evidenceStart ?? known.min(), var last = report.evidenceEnd ?? known.max() else {
            return nil
        }
        if last <= start {
            // A single instant: show a day around it.
            start -= 43_200
            last += 43_200
        }
        self.start = start
        self.evidenceEnd = last
        self.x0 = x0
        self.x1 = x1
        if let lastRunway = report.runway.map(\.at).max(), lastRunway > last {
            // Room after the last runway transition, so its band shows.
            self.end = lastRunway + max(lastRunway.timeIntervalSince(last) * 0.15, 86_400)
            self.split = x0 + (x1 - x0) * evidenceShare
        } else {
            self.end = last
            self.split = x1
        }
    }

    /// The x position of `date`, clamped to the plot.
    func x(_ date: Date) -> Double {
        if date <= start { return x0 }
        if date >= end { return x1 }
        if date <= evidenceEnd {
            return x0 + (split - x0) * date.timeIntervalSince(start) / evidenceEnd.timeIntervalSince(start)
        }
        return split + (x1 - split) * date.timeIntervalSince(evidenceEnd) / end.timeIntervalSince(evidenceEnd)
    }

    /// Whether `date` is inside the drawn span.
    func contains(_ date: Date) -> Bool { date >= start && date <= end }

    /// About five labeled gridlines over the evidence window (midnights UTC when the window spans days), plus
    /// one at the end of the runway.
    func gridlines() -> [(Date, Double)] {
        let span = evidenceEnd.timeIntervalSince(start)
        let step = span / 5
        var out: [(Date, Double)] = []
        for i in 0...5 {
            var d = start + step * Double(i)
            if span >= 5 * 86_400 {
                let secs = (d.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
                d = Date(timeIntervalSince1970: secs)
            }
            d = max(d, start)
            if contains(d) { out.append((d, x(d))) }
        }
        if hasRunway { out.append((end, x(end))) }
        return out
    }
}
