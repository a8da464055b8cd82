import Foundation
import LicensingModel
import Rules
import StateEngine

/// The inline SVG timeline of the HTML report: registration, authorization, enforcement and transport lanes colored
/// by state over the evidence window, then — past a visible break, on its own scale — the runway after the last
/// evidence (dashed); assumed intervals hatched; numbered finding markers (findings without a time in an
/// `untimed` strip under the axis), event ticks and anomalies, each with a `<title>` tooltip. An interval is never
/// drawn narrower than ``minimumWidth``, and narrow ones are drawn on top.
struct TimelineSVG {
    static let width = 1000.0
    static let left = 130.0
    static let right = 16.0
    static let bandTop = 68.0
    static let bandHeight = 24.0
    static let bandGap = 6.0
    /// The share of the plot the evidence window gets when a runway follows it.
    static let evidenceShare = 0.72
    /// The lanes drawn, top to bottom.
    static let lanes: [StateDimension] = AnalysisFormatting.bandDimensions + [.transport]
    /// The narrowest a state interval is drawn, so one of a second stays visible on a span of months.
    static let minimumWidth = 3.0
    /// The height of the strip for findings without a time.
    static let untimedHeight = 28.0

    let report: AnalysisReport
    let scale: TimeScale

    /// Nil when the report holds no timed evidence.
    init?(report: AnalysisReport) {
        guard let scale = TimeScale(report: report, x0: Self.left, x1: Self.width - Self.right, evidenceShare: Self.evidenceShare)
        else { return nil }
        self.report = report
        self.scale = scale
    }

    /// Whether an interval's placement is assumed rather than read: its start is not in the evidence, or the
    /// engine inferred, assumed or derived it (from a printed date, another state).
    static func isAssumed(_ i: StateInterval) -> Bool {
        i.start == nil || ["assumed", "inferred", "derived", "printed"].contains { i.cause.contains($0) }
    }

    /// The `<svg>` element.
    func render(timeline: TimelineOccurrences) -> String {
        let lanesBottom = Self.bandTop + Double(Self.lanes.count) * (Self.bandHeight + Self.bandGap)
        let ticksY = lanesBottom + 4
        let axisY = ticksY + 26
        let untimed = report.findings.indices.filter { report.findings[$0].firstEvidence == nil }
        let height = axisY + 22 + (untimed.isEmpty ? 0 : Self.untimedHeight)
        var out = "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"state timeline\">\n"
        out += "<title>State timeline: registration, authorization, enforcement and transport over the evidence window and the runway</title>\n"
        out += "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"none\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-opacity=\".35\" stroke-width=\"2\"/></pattern></defs>\n"
        out += axis(top: Self.bandTop - 52, bottom: axisY - 8, labelY: axisY + 6)
        out += "<text class=\"band-label\" x=\"4\" y=\"\(n(Self.bandTop - 10))\">findings</text>\n"
        out += findingMarkers(y: Self.bandTop - 14)
        for (i, d) in Self.lanes.enumerated() {
            let y = Self.bandTop + Double(i) * (Self.bandHeight + Self.bandGap)
            out += "<text class=\"band-label\" x=\"4\" y=\"\(n(y + Self.bandHeight / 2 + 4))\">\(d.rawValue)</text>\n"
            out += band(d, y: y)
        }
        out += "<text class=\"band-label\" x=\"4\" y=\"\(n(ticksY + 12))\">events</text>\n"
        out += ticks(timeline: timeline, y: ticksY)
        out += runwayBreak(top: Self.bandTop - 52, bottom: axisY - 8)
        out += untimedStrip(untimed, y: axisY + 22)
        return out + "</svg>\n"
    }

    /// The legend: each state value drawn once with its color, then the encodings.
    func legend() -> String {
        var values: [String] = []
        for d in Self.lanes {
            for v in report.states.filter({ $0.dimension == d }).map(\.value) + report.runway.filter({ $0.dimension == d }).map(\.to)
            where !values.contains(v) { values.append(v) }
        }
        var out = "<ul class=\"legend\">" + values.map { "<li><i class=\"\(HTMLText.stateClass($0))\"></i>\(HTMLText.escape($0))</li>" }.joined()
        out += "<li><i class=\"assumed\"></i>hatched: assumed (start not in the evidence, or inferred)</li>"
        if scale.hasRunway { out += "<li><i class=\"runway\"></i>dashed, after the break: runway if no communication succeeds</li>" }
        return out + "<li>◆ n: finding n (first evidence)</li><li>▲ anomaly</li></ul>\n"
    }

    private func axis(top: Double, bottom: Double, labelY: Double) -> String {
        var out = ""
        var lastLabelEnd = -Double.infinity
        var lines = scale.gridlines()
        // The runway's own scale: a line at each of its transitions.
        for at in Set(report.runway.map(\.at)) where at > scale.evidenceEnd && at < scale.end {
            lines.append((at, scale.x(at), String(at.iso8601UTC.prefix(10))))
        }
        for g in lines.sorted(by: { $0.x < $1.x }) {
            out += "<line class=\"grid\" x1=\"\(n(g.x))\" y1=\"\(n(top))\" x2=\"\(n(g.x))\" y2=\"\(n(bottom))\"/>"
            let width = Double(g.label.count) * 6.2
            let anchor = g.x > Self.width - Self.right - width / 2 ? "end" : g.x < Self.left + width / 2 ? "start" : "middle"
            let from = anchor == "end" ? g.x - width : anchor == "start" ? g.x : g.x - width / 2
            // No label over another, nor across the break.
            let crossesBreak = scale.hasRunway && g.date <= scale.evidenceEnd && from + width > scale.split - 4
            guard from > lastLabelEnd + 6, !crossesBreak else { out += "\n"; continue }
            lastLabelEnd = from + width
            out += "<text class=\"axis\" x=\"\(n(g.x))\" y=\"\(n(labelY))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(g.label))</text>\n"
        }
        return out
    }

    /// The break between the evidence scale and the runway scale: a white gap with two zigzag edges, labelled.
    private func runwayBreak(top: Double, bottom: Double) -> String {
        guard scale.hasRunway else { return "" }
        let a = scale.split + 2, b = scale.runwayStart - 2
        var zig = ""
        var y = top
        var left = true
        while y < bottom {
            zig += "l\(left ? "4" : "-4") 6"
            left.toggle()
            y += 6
        }
        let h = bottom - top
        return "<g><title>\(HTMLText.tooltip("break: the evidence ends at \(scale.evidenceEnd.iso8601UTC)\nto the right, on its own scale: the runway if no communication succeeds"))</title>"
            + "<rect class=\"break\" x=\"\(n(a))\" y=\"\(n(top))\" width=\"\(n(b - a))\" height=\"\(n(h))\"/>"
            + "<path class=\"break-line\" d=\"M\(n(a - 2)) \(n(top))\(zig)\"/><path class=\"break-line\" d=\"M\(n(b - 2)) \(n(top))\(zig)\"/></g>\n"
            + "<text class=\"axis\" x=\"\(n(scale.runwayStart + 4))\" y=\"\(n(top + 10))\">runway →</text>\n"
    }

    private func band(_ d: StateDimension, y: Double) -> String {
        var out = "<rect class=\"lane\" x=\"\(n(Self.left))\" y=\"\(n(y))\" width=\"\(n(scale.split - Self.left))\" height=\"\(n(Self.bandHeight))\"/>"
        let rows = report.states.filter { $0.dimension == d }
        // Intervals narrower than the minimum width are drawn after the others, so a neighbor cannot cover them.
        let narrow = { (i: StateInterval) in scale.x(i.end ?? scale.evidenceEnd) - scale.x(i.start ?? scale.start) < Self.minimumWidth }
        for i in rows.filter({ !narrow($0) }) + rows.filter(narrow) {
            let start = i.start ?? scale.start
            let end = i.end ?? scale.evidenceEnd
            let tip = "\(d.rawValue): \(i.value)\(Self.isAssumed(i) ? " (assumed)" : "")\n\(AnalysisFormatting.span(i))\n\(i.cause)"
            out += rect(value: i.value, from: start, to: end, y: y, tip: tip, runway: false, assumed: Self.isAssumed(i))
        }
        guard scale.hasRunway, var value = rows.last?.value else { return out }
        var from = scale.evidenceEnd
        for t in report.runway where t.dimension == d && t.at >= from {
            out += rect(value: value, from: from, to: t.at, y: y,
                tip: "\(d.rawValue): \(value) (runway)\n\(from.iso8601UTC) → \(t.at.iso8601UTC)", runway: true, assumed: false)
            (from, value) = (t.at, t.to)
        }
        out += rect(value: value, from: from, to: scale.end, y: y,
            tip: "\(d.rawValue): \(value) (runway, if no communication succeeds)\nfrom \(from.iso8601UTC)", runway: true, assumed: false)
        return out
    }

    private func rect(value: String, from: Date, to: Date, y: Double, tip: String, runway: Bool, assumed: Bool) -> String {
        var x1r = runway && from == scale.evidenceEnd ? scale.runwayStart : scale.x(from)
        var w = scale.x(to) - x1r
        let narrow = w < Self.minimumWidth
        if narrow {
            // Centered on its instant, kept inside the plot.
            x1r = min(max(Self.left, x1r + w / 2 - Self.minimumWidth / 2), Self.width - Self.right - Self.minimumWidth)
            w = Self.minimumWidth
        }
        let geometry = "x=\"\(n(x1r))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(Self.bandHeight))\""
        var out = "<rect class=\"st \(HTMLText.stateClass(value))\(runway ? " runway" : "")\(assumed ? " assumed" : "")"
            + "\(narrow ? " narrow" : "")\" \(geometry)>"
            + "<title>\(HTMLText.tooltip(tip))</title></rect>"
        if assumed { out += "<rect class=\"hatch\" fill=\"url(#hatch)\" \(geometry)/>" }
        // A label only where it fits (about 6.2 px per character at 11 px).
        if w > Double(value.count) * 6.2 + 8 {
            let cls = StatePalette.isDark(value) ? " class=\"on-dark\"" : ""
            out += "<text\(cls) x=\"\(n(x1r + 4))\" y=\"\(n(y + Self.bandHeight / 2 + 4))\" pointer-events=\"none\">\(HTMLText.escape(value))</text>"
        }
        return out + "\n"
    }

    /// A diamond per finding at its first evidence, labelled with the finding's number (as in the Findings
    /// section) and id, a bar to its last evidence. Labels go above, on the first of two rows where they overlap no
    /// other label and do not cross the runway break; where none is free, the number alone.
    private func findingMarkers(y: Double) -> String {
        var out = ""
        var rows: [[ClosedRange<Double>]] = [[], []]
        let markers = report.findings.enumerated().compactMap { i, f in f.firstEvidence.map { (i + 1, f, scale.x($0)) } }
        for (number, f, x1) in markers.sorted(by: { $0.2 < $1.2 }) {
            let tip = "\(number). [\(AnalysisFormatting.severity(f.severity))] \(f.id) rev \(f.rev): \(f.title)\n"
                + "evidence \(AnalysisFormatting.time(f.firstEvidence)) → \(AnalysisFormatting.time(f.lastEvidence))"
            out += "<g class=\"sev-\(f.severity.rawValue)\"><title>\(HTMLText.tooltip(tip))</title>"
            if let last = f.lastEvidence, scale.x(last) - x1 >= 2 {
                out += "<line class=\"finding-span\" x1=\"\(n(x1))\" y1=\"\(n(y))\" x2=\"\(n(scale.x(last)))\" y2=\"\(n(y))\" stroke=\"var(--sev)\"/>"
            }
            out += "<path d=\"M\(n(x1)) \(n(y - 7))l7 7l-7 7l-7 -7z\" fill=\"var(--sev)\" stroke=\"#fff\"/>"
            let limit = x1 <= scale.split ? scale.split - 4 : Self.width - Self.right
            var placed = false
            for label in ["\(number) \(f.id)", "\(number)"] where !placed {
                let width = Double(label.count) * 7
                // Right of the diamond, or left of it when the right would cross the break or the edge.
                let from = x1 + 9 + width <= limit ? x1 + 9 : x1 - 9 - width
                let extent = from...(from + width)
                for (r, row) in rows.enumerated() where !placed && !row.contains(where: { $0.overlaps(extent) }) {
                    rows[r].append(extent)
                    let baseline = r == 0 ? y - 10 : y - 23
                    out += "<text class=\"marker-label\" x=\"\(n(from))\" y=\"\(n(baseline))\">\(HTMLText.escape(label))</text>"
                    placed = true
                }
            }
            out += "</g>\n"
        }
        return out
    }

    /// Findings without a time (no timed evidence) in a labelled strip under the axis: a diamond each, with its
    /// number and id, in the order of the Findings section. Markers that do not fit give way to a `+N more` label
    /// whose tooltip lists them and which links to the Findings section, where every finding is.
    private func untimedStrip(_ indices: [Int], y: Double) -> String {
        guard !indices.isEmpty else { return "" }
        var out = "<g class=\"untimed\"><text class=\"band-label\" x=\"4\" y=\"\(n(y + 14))\">untimed</text>"
            + "<rect class=\"untimed-strip\" x=\"\(n(Self.left))\" y=\"\(n(y))\" width=\"\(n(Self.width - Self.right - Self.left))\" "
            + "height=\"\(n(Self.untimedHeight - 6))\"/>\n"
        let labels = indices.map { "\($0 + 1) \(report.findings[$0].id)" }
        let shown = Self.untimedMarkersShown(labels: labels)
        var x = Self.left + 12
        for (i, label) in zip(indices, labels).prefix(shown) {
            let f = report.findings[i]
            let tip = "\(i + 1). [\(AnalysisFormatting.severity(f.severity))] \(f.id) rev \(f.rev): \(f.title)\nno timed evidence"
            out += "<g class=\"sev-\(f.severity.rawValue)\"><title>\(HTMLText.tooltip(tip))</title>"
                + "<path d=\"M\(n(x)) \(n(y + 4))l7 7l-7 7l-7 -7z\" fill=\"var(--sev)\" stroke=\"#fff\"/>"
                + "<text class=\"marker-label\" x=\"\(n(x + 9))\" y=\"\(n(y + 15))\">\(HTMLText.escape(label))</text></g>\n"
            x += Self.untimedAdvance(label)
        }
        if shown < indices.count {
            let rest = indices.dropFirst(shown).map { i in
                let f = report.findings[i]
                return "\(i + 1). [\(AnalysisFormatting.severity(f.severity))] \(f.id): \(f.title)"
            }
            let tip = "\(rest.count) more finding(s) without a time (see Findings):\n" + rest.joined(separator: "\n")
            out += "<a class=\"untimed-more\" href=\"#findings\"><title>\(HTMLText.tooltip(tip))</title>"
                + "<text class=\"marker-label\" x=\"\(n(x - 7))\" y=\"\(n(y + 15))\">+\(rest.count) more</text></a>\n"
        }
        return out + "</g>\n"
    }

    /// The width a marker of the untimed strip takes with the gap after it (diamond, label, gap).
    static func untimedAdvance(_ label: String) -> Double { 9 + Double(label.count) * 7 + 16 }

    /// How many of the untimed markers `labels` are drawn: all when they fit the strip, else as many as fit
    /// beside a `+N more` label for the rest.
    static func untimedMarkersShown(labels: [String]) -> Int {
        let room = width - right - (left + 12) + 16
        let advances = labels.map(untimedAdvance)
        if advances.reduce(0, +) <= room { return labels.count }
        var used = 0.0
        for (k, advance) in advances.enumerated() {
            // The label starts where the next diamond would (7 px left of its centre) and must end inside the strip.
            let more = Double("+\(labels.count - k - 1) more".count) * 7
            if used + advance + more > room - 9 { return k }
            used += advance
        }
        return labels.count
    }

    /// One tick per pixel column at most: the report's own evidence (transitions, finding evidence, snapshots),
    /// every occurrence of the timeline's events (in timeline order), and anomalies as triangles.
    private func ticks(timeline: TimelineOccurrences, y: Double) -> String {
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
        for o in timeline { add(o.instant, "\(timeline.events[o.event].kind.rawValue) \(timeline.source(of: o))") }
        var out = ""
        for x in columns.keys.sorted() {
            guard let column = columns[x] else { continue }
            var tip = column.lines.joined(separator: "\n")
            if column.count > column.lines.count { tip += "\n+\(column.count - column.lines.count) more" }
            out += "<line class=\"tick\" x1=\"\(x)\" y1=\"\(n(y))\" x2=\"\(x)\" y2=\"\(n(y + 16))\"><title>\(HTMLText.tooltip(tip))</title></line>\n"
        }
        for a in report.anomalies {
            guard let at = a.at, scale.contains(at) else { continue }
            let x = scale.x(at)
            out += "<path class=\"anomaly\" d=\"M\(n(x)) \(n(y + 2))l6 12h-12z\"><title>\(HTMLText.tooltip("anomaly \(a.name) at \(at.iso8601UTC): \(a.detail)"))</title></path>\n"
        }
        return out
    }

    private func n(_ v: Double) -> String { String(format: "%.1f", v) }
}
