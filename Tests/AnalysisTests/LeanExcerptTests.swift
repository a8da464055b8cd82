import Analysis
import Foundation
import LicensingModel
import Reports
import Rules
import Testing

/// An analysis that holds no excerpt per log event (the default) reports exactly what one holding them all does:
/// the findings' excerpts and reproduction hints are re-read from the files, archive members included.
@Suite("findings' excerpts re-read from the files")
struct LeanExcerptTests {
    static let bundles = SampleScenarioTests.names.map { "samples/\($0)/bundle" } + ["samples/proxy-443-bundle"]

    @Test("the report is the same with and without excerpts held", arguments: bundles)
    func sameReport(_ bundle: String) throws {
        let path = AnalysisFixtures.packageRoot.appendingPathComponent(bundle).path
        var keep = try AnalysisFixtures.options()
        keep.keepLogLineText = true
        var lean = try AnalysisFixtures.options()
        lean.keepLogLineText = false
        let full = AnalysisRun.run(paths: [path], options: keep, toolVersion: "test")
        let reread = AnalysisRun.run(paths: [path], options: lean, toolVersion: "test")
        #expect(reread.report.findings == full.report.findings)
        let encoder = AnalysisReport.jsonEncoder()
        #expect(try encoder.encode(AnalysisDocument(reread.report)) == encoder.encode(AnalysisDocument(full.report)))
        // Something was re-read, unless every item is the timeline's own clock.skew statement (no line excerpt).
        let items = full.report.findings.flatMap(\.evidence)
        #expect(items.contains { $0.excerpt != nil } || items.allSatisfy { $0.label == EventKind.clockSkew.rawValue })
    }

    @Test("without re-reading, the log evidence would have no excerpt")
    func leanEventsHoldNoExcerpt() throws {
        var lean = try AnalysisFixtures.options()
        lean.keepLogLineText = false
        let outcome = AnalysisRun.run(paths: [AnalysisFixtures.sample], options: lean, toolVersion: "test")
        let logEvents = outcome.events.filter { $0.source.path.hasSuffix(".log") && !$0.fields.isEmpty }
        #expect(!logEvents.isEmpty)
        #expect(logEvents.allSatisfy { $0.excerpt == nil })
        let items = outcome.report.findings.flatMap(\.evidence).filter { $0.source?.path.hasSuffix(".log") == true }
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.excerpt != nil })
    }
}
