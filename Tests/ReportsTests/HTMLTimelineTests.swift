import Foundation
import LicensingModel
import Rules
import StateEngine
import Testing
@testable import Reports

/// The HTML timeline as a reader sees it: readable ticks on a short span, one color per state, assumed intervals
/// marked, the runway past a break, tooltips with real line breaks, evidence folded.
@Suite("HTML timeline")
struct HTMLTimelineTests {
    /// The text between `<svg class="timeline"` and `</svg>`.
    static func svg(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg class=\"timeline\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The texts of every `<text class="axis" …>…</text>`.
    static func axisLabels(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text class=\"axis\"").dropFirst().compactMap { part in
            guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</text>") else { return nil }
            return String(part[part.index(after: open)..<close.lowerBound])
        }
    }

    /// The sample report squeezed into half an hour of evidence, no runway.
    static func shortReport() -> AnalysisReport {
        var r = SampleReport.make()
        r.evidenceStart = SampleReport.collected - 1_800
        r.evidenceEnd = SampleReport.collected
        r.runway = []
        return r
    }

    @Test("a half-hour span gets hour:minute ticks that all differ, the date only on the first")
    func shortSpanTicks() throws {
        let labels = Self.axisLabels(try Self.svg(AnalysisHTMLRenderer.render(Self.shortReport())))
        #expect(labels.count >= 3)
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(labels.first?.hasPrefix("2018-08-02 ") == true, "\(labels)")
        #expect(labels.dropFirst().allSatisfy { $0.count == 5 && $0.contains(":") }, "\(labels)")
    }

    @Test("a span of months gets date ticks, all different, and the runway its own labels past a break")
    func longSpanTicks() throws {
        let svg = try Self.svg(AnalysisHTMLRenderer.render(SampleReport.make()))
        let labels = Self.axisLabels(svg)
        #expect(Set(labels).count == labels.count, "\(labels)")
        #expect(labels.contains("2019-01-26"), "the runway transition on the runway's scale: \(labels)")
        #expect(svg.contains("class=\"break-line\""))
        #expect(svg.contains("runway →"))
        #expect(!(try Self.svg(AnalysisHTMLRenderer.render(Self.shortReport()))).contains("break-line"))
    }

    @Test("every state has its own color, and the legend lists each state of the report once")
    func legend() throws {
        let colors = StatePalette.colors.map(\.color)
        #expect(Set(colors).count == colors.count)
        #expect(!colors.contains(StatePalette.fallback))
        let html = AnalysisHTMLRenderer.render(SampleReport.make())
        let legend = try #require(html.components(separatedBy: "<ul class=\"legend\">").dropFirst().first?
            .components(separatedBy: "</ul>").first)
        let classes = legend.components(separatedBy: "<i class=\"s-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(classes).count == classes.count, "\(classes)")
        let r = SampleReport.make()
        let values = Set(r.states.map(\.value) + r.runway.map(\.to))
        #expect(Set(classes.map { "s-" + $0 }) == Set(values.map(HTMLText.stateClass)))
        for v in values { #expect(StatePalette.colors.contains { $0.value == v }, "\(v) has no color of its own") }
    }

    @Test("an interval whose start is not in the evidence is hatched as assumed; one read from evidence is not")
    func assumed() throws {
        var r = SampleReport.make()
        let i = try #require(r.states.firstIndex { $0.dimension == .registration })
        r.states[i].start = nil
        r.states[i].cause = "inferred from authorization.renew.succeeded"
        let svg = try Self.svg(AnalysisHTMLRenderer.render(r))
        #expect(svg.contains("st s-\(HTMLText.stateClass(r.states[i].value).dropFirst(2)) assumed"))
        #expect(svg.contains("fill=\"url(#hatch)\""))
        let read = try #require(r.states.first { $0.cause == "registration.succeeded" || $0.cause.hasSuffix(".succeeded") && $0.start != nil })
        #expect(!TimelineSVG.isAssumed(read))
    }

    @Test("tooltips keep line breaks as &#10;, never U+FFFD; no script; evidence folded in <details>; zones shown")
    func tooltipsAndFolding() {
        var r = HTMLRendererTests.hostileReport()
        r.anomalies = r.anomalies.map { var a = $0; a.detail = "first line\nsecond\u{07}line"; return a }
        let html = AnalysisHTMLRenderer.render(r, events: SampleReport.events())
        #expect(!html.contains("\u{FFFD}"))
        #expect(html.contains("&#10;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<details class=\"evidence\"><summary>Evidence: "))
        #expect(html.contains("Time zones of sources that print none"))
        #expect(html.contains("read in Asia/Kolkata"))
        #expect(html.contains("Warning: bundle.zip!syslog/CiscoSyslog prints no zone"))
    }

    @Test("a finding without a time gets a labelled marker in an 'untimed' strip")
    func untimedFinding() throws {
        var r = SampleReport.make()
        r.findings[1].firstEvidence = nil
        r.findings[1].lastEvidence = nil
        let svg = try Self.svg(AnalysisHTMLRenderer.render(r))
        let strip = try #require(svg.components(separatedBy: "<g class=\"untimed\">").dropFirst().first)
        #expect(strip.contains(">untimed</text>"))
        #expect(strip.contains(">2 \(r.findings[1].id)</text>"), "the marker names the finding's number and id")
        #expect(strip.contains("no timed evidence"))
        // The timed finding keeps its marker above the lanes, not in the strip.
        #expect(!strip.contains(">1 \(r.findings[0].id)</text>"))
        let plain = try Self.svg(AnalysisHTMLRenderer.render(SampleReport.make()))
        #expect(!plain.contains("class=\"untimed\""), "no strip when every finding has a time")
    }

    @Test("untimed markers that do not fit give way to '+N more', which lists them and links to the Findings section")
    func untimedOverflow() throws {
        var r = SampleReport.make()
        var extra = r.findings[1]
        extra.firstEvidence = nil
        extra.lastEvidence = nil
        // Twelve untimed findings with long ids: more than the strip's 854 px hold.
        r.findings = (1...12).map { k in
            var f = extra
            f.rule.id = "untimed-finding-number-\(k)"
            return f
        }
        let html = AnalysisHTMLRenderer.render(r)
        let svg = try Self.svg(html)
        let strip = try #require(svg.components(separatedBy: "<g class=\"untimed\">").dropFirst().first)
        let shown = (1...12).filter { strip.contains(">\($0) untimed-finding-number-\($0)</text>") }
        #expect(!shown.isEmpty && shown.count < 12)
        #expect(shown == Array(1...shown.count), "the first ones, in the order of the Findings section")
        let more = 12 - shown.count
        #expect(strip.contains(">+\(more) more</text>"))
        #expect(strip.contains("<a class=\"untimed-more\" href=\"#findings\">"), "the list stays reachable")
        // The tooltip names every finding left out; the Findings section holds each.
        for k in (shown.count + 1)...12 {
            #expect(strip.contains("\(k). [") && strip.contains("untimed-finding-number-\(k): "), "finding \(k) in the tooltip")
            #expect(html.contains("id=\"finding-\(k)\""))
        }
        // Nothing is drawn past the strip's right edge (labels are 7 px a character).
        for part in strip.components(separatedBy: "<text class=\"marker-label\" x=\"").dropFirst() {
            let x = try #require(Double(part.prefix { $0 != "\"" }))
            let label = try #require(part.split(separator: ">").dropFirst().first?.split(separator: "<").first)
            #expect(x + Double(label.count) * 7 <= TimelineSVG.width - TimelineSVG.right, "\(label) at \(x)")
        }
        // Two untimed findings fit: no '+N more'.
        r.findings = Array(r.findings.prefix(2))
        #expect(!(try Self.svg(AnalysisHTMLRenderer.render(r))).contains("more</text>"))
    }

    @Test("an interval of one second on a span of months is drawn at least 3 px wide, over its neighbours")
    func oneSecondInterval() throws {
        var r = SampleReport.make()
        let at = SampleReport.proxyConfigured
        // Authorization: a one-second OUT OF COMPLIANCE in the middle of AUTHORIZED.
        let i = try #require(r.states.firstIndex { $0.dimension == .authorization && $0.value == "AUTHORIZED" })
        let tail = StateInterval(dimension: .authorization, value: "AUTHORIZED", start: at + 1, end: r.states[i].end,
            cause: "authorization.renew.succeeded", evidence: [])!
        r.states[i].end = at
        r.states.insert(contentsOf: [
            StateInterval(dimension: .authorization, value: "OUT OF COMPLIANCE", start: at, end: at + 1,
                cause: "compliance.changed", evidence: [])!, tail,
        ], at: i + 1)
        let svg = try Self.svg(AnalysisHTMLRenderer.render(r))
        let rects = svg.components(separatedBy: "<rect class=\"st ").dropFirst()
        let short = try #require(rects.firstIndex { $0.contains("OUT OF COMPLIANCE") })
        let width = try #require(rects[short].range(of: #"width="([0-9.]+)""#, options: .regularExpression))
        let w = Double(rects[short][width].dropFirst(7).dropLast()) ?? 0
        #expect(w >= 3, "\(rects[short])")
        #expect(rects[short].contains("narrow"))
        // Drawn after both AUTHORIZED neighbours, so neither covers it.
        let neighbours = rects.indices.filter { rects[$0].contains("authorization: AUTHORIZED") }
        #expect(neighbours.count >= 2 && neighbours.allSatisfy { $0 < short })
    }
}
