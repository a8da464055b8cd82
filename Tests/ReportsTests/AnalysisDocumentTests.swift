import Foundation
import LicensingModel
import Testing
@testable import Reports
@testable import Rules

/// The JSON report is written from Reports' own types (``AnalysisDocument``), mapped from the engine's and the
/// rules', so an engine or rule struct change cannot change the documented JSON by itself.
@Suite("licscope.analysis/1 from Reports' own types")
struct AnalysisDocumentTests {
    /// The type names of every value stored in `value`, recursively (collections and optionals looked through).
    static func storedTypes(_ value: Any, into names: inout Set<String>) {
        names.insert(String(reflecting: type(of: value)))
        for child in Mirror(reflecting: value).children { storedTypes(child.value, into: &names) }
    }

    @Test("every value the document stores is a Reports, Swift or Foundation type — no Rules, StateEngine, Timeline or LicensingModel type")
    func ownTypes() {
        var names = Set<String>()
        Self.storedTypes(AnalysisDocument(SampleReport.make()), into: &names)
        let foreign = names.filter { name in
            ["Rules.", "StateEngine.", "Timeline.", "LicensingModel.", "Analysis."].contains { name.contains($0) }
        }
        #expect(foreign.isEmpty, "engine or rule types in the JSON document: \(foreign.sorted())")
        #expect(names.contains("Reports.AnalysisDocument.Finding"))
        #expect(names.contains("Reports.AnalysisDocument.Pointer"))
    }

    @Test("the renderer writes exactly the mapped document, and the document reads back to itself")
    func roundTrip() throws {
        let report = SampleReport.make()
        let text = try AnalysisJSONRenderer.render(report)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        let read = try decoder.decode(AnalysisDocument.self, from: Data(text.utf8))
        #expect(read == AnalysisDocument(report))
        let again = String(decoding: try AnalysisReport.jsonEncoder().encode(read), as: UTF8.self) + "\n"
        #expect(again == text)
    }

    @Test("the document maps every field of the report: a field added to AnalysisReport needs its mapping (and its documentation)")
    func everyField() {
        var report = SampleReport.make()
        report.window = AnalysisWindow(TimeWindow(since: SampleReport.registered, until: nil, zoneOfZonelessValues: "UTC"), eventsLeftOut: 3)
        report.explanation = RuleExplanation(
            id: "r", rev: 1, title: "t", outcome: .notEvaluated(missing: [.capture]), condition: "a", selections: [])
        let reportFields = Set(Mirror(reflecting: report).children.compactMap(\.label))
        let documentFields = Set(Mirror(reflecting: AnalysisDocument(report)).children.compactMap(\.label))
        #expect(reportFields == documentFields, "not mapped: \(reportFields.subtracting(documentFields).sorted())")
    }
}
