import Foundation
import LicensingModel
import Testing
@testable import Reports
@testable import Rules

@Suite("HTML report")
struct HTMLRendererTests {
    static let hostile = "</pre><script>alert('x')</script><img src=x onerror=\"fetch('http://127.0.0.1/')\"> & done"

    /// The sample report with a hostile excerpt, label, path, reason and assumption.
    static func hostileReport() -> AnalysisReport {
        var r = SampleReport.make()
        r.findings[0].evidence[0] = FindingEvidence(
            label: "<b>label</b>", source: .line("bundle.zip!a\"<x>.log", 3), time: SampleReport.overageEnded, excerpt: hostile)
        r.inventory[0].reason = "<iframe src=//127.0.0.1>"
        r.assumptions.append("zone <script>")
        r.inputs = ["<bundle>.zip"]
        return r
    }

    @Test("every untrusted string is escaped; no script, no markup from the evidence survives")
    func escaping() {
        let html = AnalysisHTMLRenderer.render(Self.hostileReport())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<b>label"))
        #expect(!html.contains("</pre><script>"))
        #expect(html.contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("onerror=&quot;fetch(&#39;http://127.0.0.1/&#39;)&quot;"))
        #expect(html.contains("&amp; done"))
        #expect(html.contains("bundle.zip!a&quot;&lt;x&gt;.log:3"))
        #expect(html.contains("&lt;bundle&gt;.zip"))
    }

    @Test("self-contained: a CSP forbids fetching, no external resource is referenced")
    func selfContained() {
        let html = AnalysisHTMLRenderer.render(SampleReport.make())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(!html.contains("@import"))
        #expect(html.contains("<style>"))
    }

    @Test("the SVG timeline has four state lanes, a dashed runway, numbered finding markers and tooltips")
    func svg() throws {
        let html = AnalysisHTMLRenderer.render(SampleReport.make(), events: SampleReport.events())
        let start = try #require(html.range(of: "<svg class=\"timeline\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
        for band in ["registration", "authorization", "enforcement", "transport"] {
            #expect(svg.contains("class=\"band-label\" x=\"4\" y=\"") && svg.contains(">\(band)</text>"))
        }
        // Sample intervals: registration 2, authorization 2, enforcement 3 over the evidence; runway after it.
        #expect(svg.components(separatedBy: "<rect class=\"st ").count - 1 >= 7)
        #expect(svg.contains("s-no-provisioning"))
        #expect(svg.contains("st s-registration-expired runway"))
        #expect(svg.contains("<g class=\"sev-critical\"><title>1. [CRITICAL] no-provisioning rev 2"))
        #expect(svg.contains("<g class=\"sev-high\"><title>2. [HIGH] CSCvc94366 rev 1"))
        #expect(svg.contains("class=\"marker-label\""))
        #expect(svg.contains(">2 CSCvc94366</text>") || svg.contains(">2</text>"))
        #expect(svg.contains("<path class=\"anomaly\""))
        #expect(svg.contains("<line class=\"tick\""))
        #expect(svg.contains("the evidence ends at 2018-08-02T10:15:00Z"))
    }

    @Test("bands are placed in time order and the runway sits right of the last evidence")
    func geometry() throws {
        let r = SampleReport.make()
        let scale = try #require(TimeScale(report: r, x0: 130, x1: 984, evidenceShare: 0.75))
        #expect(scale.x(SampleReport.registered) == 130)
        #expect(abs(scale.x(SampleReport.collected) - (130 + 854 * 0.75)) < 0.001)
        #expect(scale.x(SampleReport.authExpired) < scale.x(SampleReport.overageEnded))
        #expect(scale.x(SampleReport.registrationExpiry) > scale.x(SampleReport.collected))
        #expect(scale.x(SampleReport.registrationExpiry) < 984)
    }

    @Test("a report without timed evidence says so instead of drawing")
    func noTimes() {
        var r = SampleReport.make()
        r.evidenceStart = nil
        r.evidenceEnd = nil
        r.states = []
        r.runway = []
        let html = AnalysisHTMLRenderer.render(r)
        #expect(!html.contains("<svg"))
        #expect(html.contains("No timed evidence."))
    }
}

@Suite("reports without findings or timed evidence")
struct EmptyReportTests {
    static func clean() -> AnalysisReport {
        var r = SampleReport.make()
        r.verdict = .init(summary: "No known problem found: registered and authorized.", worstSeverity: nil, exitCode: 0,
            partlyUnreadable: false)
        r.findings = []
        r.notEvaluated = []
        r.anomalies = []
        r.skew = nil
        r.assumptions = []
        return r
    }

    @Test("every renderer says there is nothing to report, and nothing breaks")
    func clean() throws {
        let r = Self.clean()
        let text = AnalysisTextRenderer.render(r, color: true)
        #expect(text.contains("no findings · exit code 0: no finding at or above --fail-on"))
        #expect(!text.contains("FINDINGS") && !text.contains("ASSUMPTIONS"))
        #expect(AnalysisMarkdownRenderer.render(r).contains("## Findings\n\nNo rule matched."))
        #expect(AnalysisHTMLRenderer.render(r).contains("<p>No rule matched.</p>"))
        #expect(try AnalysisJSONRenderer.render(r).contains("\"findings\" : [\n\n  ]"))
    }

    @Test("many events on one pixel column make one tick with a bounded tooltip")
    func manyEvents() {
        let events = (0..<5_000).map { i in
            Event(kind: .communicationFailed, time: SampleReport.time(SampleReport.proxyConfigured + Double(i) / 10),
                source: .line(SampleReport.slm, 3_000 + i))
        }
        let html = AnalysisHTMLRenderer.render(Self.clean(), events: events)
        // 5,000 events plus the transport transition at the same instant: 8 shown, 4,993 counted.
        #expect(html.contains("+4993 more</title>"))
        #expect(html.utf8.count < 60_000)
    }
}
