import Foundation
import LicensingModel
import Testing
@testable import Reports

/// Every renderer's output for the sample report, compared with `Fixtures/golden/*`.
/// Regenerate with `LICSCOPE_UPDATE_GOLDEN=1 swift test --filter ReportsTests` and review the diff.
@Suite("golden reports")
struct GoldenReportTests {
    let report = SampleReport.make()

    @Test("text report (no color)")
    func text() {
        GoldenFile.check(AnalysisTextRenderer.render(report, color: false), against: "analysis.txt")
    }

    @Test("Markdown report")
    func markdown() {
        GoldenFile.check(AnalysisMarkdownRenderer.render(report), against: "analysis.md")
    }

    @Test("HTML report")
    func html() {
        GoldenFile.check(AnalysisHTMLRenderer.render(report, events: SampleReport.events()), against: "analysis.html")
    }

    @Test("JSON report (licscope.analysis/1)")
    func json() throws {
        GoldenFile.check(try AnalysisJSONRenderer.render(report), against: "analysis.json")
    }

    @Test("JSON Lines timeline")
    func jsonl() {
        GoldenFile.check(TimelineJSONLRenderer.render(events: SampleReport.events(), report: report), against: "timeline.jsonl")
    }
}
