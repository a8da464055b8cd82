import Foundation
import LicensingModel

/// Maps instants to x positions for the SVG timeline: the evidence window linearly over the plot, or — when a
/// runway follows — over its first part, then a break of ``breakWidth`` pixels, then the runway on its own linear
/// scale in the rest.
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
    /// The gap between the evidence scale and the runway scale, where the break is drawn.
    static let breakWidth = 14.0
    /// Where the runway's scale begins (`split` plus the break, or `split` without a runway).
    var runwayStart: Double { hasRunway ? split + Self.breakWidth : split }

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
        return runwayStart + (x1 - runwayStart) * date.timeIntervalSince(evidenceEnd) / end.timeIntervalSince(evidenceEnd)
    }

    /// Whether `date` is inside the drawn span.
    func contains(_ date: Date) -> Bool { date >= start && date <= end }

    /// Steps the evidence axis may use, shortest first: minutes, hours, days, weeks, months (30 days), years.
    static let steps: [TimeInterval] = [60, 300, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200,
        86_400, 172_800, 604_800, 1_209_600, 2_592_000, 7_776_000, 15_552_000, 31_536_000]

    /// The step of the evidence axis: the shortest of ``steps`` that gives at most seven gridlines.
    var step: TimeInterval {
        let span = evidenceEnd.timeIntervalSince(start)
        return Self.steps.first { span / $0 <= 7 } ?? Self.steps[Self.steps.count - 1]
    }

    /// Gridlines over the evidence window at whole multiples of ``step`` (UTC), each with a label that shows hours
    /// when the step is shorter than a day (the date too on the first line and wherever the day changes), so no
    /// two labels read the same; then the runway's end on its own scale.
    func gridlines() -> [(date: Date, x: Double, label: String)] {
        let step = self.step
        var out: [(date: Date, x: Double, label: String)] = []
        var t = (start.timeIntervalSince1970 / step).rounded(.up) * step
        var lastDay = ""
        while t <= evidenceEnd.timeIntervalSince1970 {
            let d = Date(timeIntervalSince1970: t)
            let iso = d.iso8601UTC
            let day = String(iso.prefix(10))
            var label = day
            if step < 86_400 {
                let clock = String(iso.dropFirst(11).prefix(5))
                label = day == lastDay ? clock : "\(day) \(clock)"
            }
            lastDay = day
            out.append((d, x(d), label))
            t += step
        }
        if hasRunway { out.append((end, x(end), String(end.iso8601UTC.prefix(10)))) }
        return out
    }
}
