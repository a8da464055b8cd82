import Foundation
import LicensingModel
import Rules
import StateEngine

/// The inline SVG timeline of the HTML report: registration, authorization and enforcement bands colored by state
/// over the evidence window, the runway after the last evidence (dashed, on its own compressed scale), event
/// ticks, anomalies and finding markers, each with a `<title>` tooltip.
struct TimelineSVG {
    static let width = 1000.0
    static let left = 130.0
    static let right = 16.0
    static let bandTop = 40.0
    static let bandHeight = 26.0
    static let bandGap = 6.0
    /// The share of the plot the evidence window gets when a runway follows it.
    static let evidenceShare = 0.75

    let report: AnalysisReport
    let scale: TimeScale

    /// Nil when the report holds no timed evidence.
    init?(report: AnalysisReport) {
        guard let scale = TimeScale(report: report, x0: Self.left, x1: Self.width - Self.right, evidenceShare: Self.evidenceShare)
        else { return nil }
        self.report = report
        self.scale = scale
    }

    /// The `<svg>` element.
    func render(events: [Event]) -> String {
        let ticksY = Self.bandTop + 3 * (Self.bandHeight + Self.bandGap) + 4
        let axisY = ticksY + 26
        let height = axisY + 22
        var out = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"state timeline\">\n"
        out += "<title>State timeline: registration, authorization and enforcement over the evidence window and the runway</title>\n"
        out += axis(top: Self.bandTop - 26, bottom: axisY - 8, labelY: axisY + 6)
        out += "<text class=\"band-label\" x=\"4\" y=\"\(n(Self.bandTop - 12))\">findings</text>\n"
        out += findingMarkers(y: Self.bandTop - 16)
        for (i, d) in AnalysisFormatting.bandDimensions.enumerated() {
            let y = Self.bandTop + Double(i) * (Self.bandHeight + Self.bandGap)
            out += "<text class=\"band-label\" x=\"4\" y=\"\(n(y + Self.bandHeight / 2 + 4))\">\(d.rawValue)</text>\n"
            out += band(d, y: y)
        }
        out += "<text class=\"band-label\" x=\"4\" y=\"\(n(ticksY + 12))\">events</text>\n"
        out += ticks(events: events, y: ticksY)
        return out + "</svg>\n"
    }

    private func axis(top: Double, bottom: Double, labelY: Double) -> String {
        var out = ""
        for (date, x) in scale.gridlines() {
            out += "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\"/>"
            let anchor = x > Self.width - Self.right - 34 ? "end" : x < Self.left + 34 ? "start" : "middle"
            out += "<text class=\"axis\" x=\"\(n(x))\" y=\"\(n(labelY))\" text-anchor=\"\(anchor)\">\(day(date))</text>\n"
        }
        if scale.hasRunway {
            let x = scale.x(scale.evidenceEnd)
            out += "<line class=\"end\" x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\">"
                + "<title>last evidence \(scale.evidenceEnd.iso8601UTC); to the right: the runway if no communication succeeds</title></line>"
            out += "<text class=\"axis\" x=\"\(n(x + 4))\" y=\"\(n(top + 10))\">runway →</text>\n"
        }
        return out
    }

    private func band(_ d: StateDimension, y: Double) -> String {
        var out = ""
        let rows = report.states.filter { $0.dimension == d }
        for i in rows {
            let start = i.start ?? scale.start
            let end = i.end ?? scale.evidenceEnd
            let tip = "\(d.rawValue): \(i.value)\n\(AnalysisFormatting.span(i))\n\(i.cause)"
            out += rect(value: i.value, from: start, to: end, y: y, tip: tip, runway: false)
        }
        guard scale.hasRunway, var value = rows.last?.value else { return out }
        var from = scale.evidenceEnd
        for t in report.runway where t.dimension == d && t.at >= from {
            out += rect(value: value, from: from, to: t.at, y: y, tip: "\(d.rawValue): \(value) (runway)", runway: true)
            (from, value) = (t.at, t.to)
        }
        out += rect(value: value, from: from, to: scale.end, y: y,
            tip: "\(d.rawValue): \(value) (runway, if no communication succeeds)", runway: true)
        return out
    }

    private func rect(value: String, from: Date, to: Date, y: Double, tip: String, runway: Bool) -> String {
        let x1 = scale.x(from)
        let w = max(1, scale.x(to) - x1)
        var out = "<rect class=\"st \(HTMLText.stateClass(value))\(runway ? " runway" : "")\" x=\"\(n(x1))\" y=\"\(n(y))\" "
            + "width=\"\(n(w))\" height=\"\(n(Self.bandHeight))\"><title>\(HTMLText.escape(tip))</title></rect>"
        // A label only where it fits (about 6.2 px per character at 11 px).
        if w > Double(value.count) * 6.2 + 8 {
            out += "<text x=\"\(n(x1 + 4))\" y=\"\(n(y + Self.bandHeight / 2 + 4))\" pointer-events=\"none\">\(HTMLText.escape(value))</text>"
        }
        return out + "\n"
    }

    private func findingMarkers(y: Double) -> String {
        var out = ""
        for f in report.findings {
            guard let first = f.firstEvidence else { continue }
            let x1 = scale.x(first)
            let tip = "[\(AnalysisFormatting.severity(f.severity))] \(f.id) rev \(f.rev): \(f.title)\n"
                + "evidence \(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))"
            out += "<g class=\"sev-\(f.severity.rawValue)\"><title>\(HTMLText.escape(tip))</title>"
            if let last = f.lastEvidence, scale.x(last) - x1 >= 2 {
                out += "<line class=\"finding-span\" x1=\"\(n(x1))\" y1=\"\(n(y))\" x2=\"\(n(scale.x(last)))\" y2=\"\(n(y))\" stroke=\"var(--sev)\"/>"
            }
            out += "<path d=\"M\(n(x1)) \(n(y - 7))l7 7l-7 7l-7 -7z\" fill=\"var(--sev)\" stroke=\"#fff\"/></g>\n"
        }
        return out
    }

    /// One tick per pixel column at most: the report's own evidence (transitions, finding evidence, snapshots),
    /// the given events, and anomalies as triangles.
    private func ticks(events: [Event], y: Double) -> String {
        // Per pixel column: the first few distinct descriptions and how many there were in all.
        var columns: [Int: (lines: [String], count: Int)] = [:]
        func add(_ date: Date?, _ text: @autoclosure () -> String) {
            guard let date, scale.contains(date) else { return }
            let x = Int(scale.x(date).rounded())
            var column = columns[x] ?? ([], 0)
            column.count += 1
            if column.lines.count < 8 {
                let line = "\(date.iso8601UTC) \(text())"
                if !column.lines.contains(line) { column.lines.append(line) } else { column.count -= 1 }
            }
            columns[x] = column
        }
        for t in report.transitions { add(t.at, "\(t.dimension.rawValue) → \(t.to) (\(t.cause))") }
        for s in report.snapshots { add(s.observedAt, "show license output \(s.source)") }
        for f in report.findings { for e in f.evidence { add(e.time, "\(e.label) \(e.source?.description ?? "")") } }
        for e in events { add(e.time?.instant, "\(e.kind.rawValue) \(e.source)") }
        var out = ""
        for x in columns.keys.sorted() {
            guard let column = columns[x] else { continue }
            var tip = column.lines.joined(separator: "\n")
            if column.count > column.lines.count { tip += "\n+\(column.count - column.lines.count) more" }
            out += "<line class=\"tick\" x1=\"\(x)\" y1=\"\(n(y))\" x2=\"\(x)\" y2=\"\(n(y + 16))\"><title>\(HTMLText.escape(tip))</title></line>\n"
        }
        for a in report.anomalies {
            guard let at = a.at, scale.contains(at) else { continue }
            let x = scale.x(at)
            out += "<path class=\"anomaly\" d=\"M\(n(x)) \(n(y + 2))l6 12h-12z\"><title>\(HTMLText.escape("anomaly \(a.name) at \(at.iso8601UTC): \(a.detail)"))</title></path>\n"
        }
        return out
    }

    private func n(_ v: Double) -> String { String(format: "%.1f", v) }

    private func day(_ date: Date) -> String { String(date.iso8601UTC.prefix(10)) }
}
