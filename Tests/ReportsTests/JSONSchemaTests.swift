import Foundation
import Testing
@testable import Reports

/// The JSON contract other tools rely on (issue 5): the keys, their types, and the schema page that documents them.
@Suite("licscope.analysis/1 JSON")
struct JSONSchemaTests {
    static func document() throws -> [String: Any] {
        let text = try AnalysisJSONRenderer.render(SampleReport.make())
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("top level: schema, findings, states, deadlines, inventory, not_evaluated and the rest")
    func topLevel() throws {
        let doc = try Self.document()
        #expect(doc["schema"] as? String == "licscope.analysis/1")
        for key in ["findings", "states", "deadlines", "inventory", "not_evaluated", "transitions", "runway", "anomalies",
            "snapshots", "assumptions", "inputs"]
        {
            #expect(doc[key] is [Any], "\(key) is a list")
        }
        #expect(doc["verdict"] is [String: Any])
        #expect(doc["evidence_end"] as? String == "2018-08-02T10:15:00Z")
    }

    @Test("each finding carries id, rev, severity, title, references and evidence")
    func findings() throws {
        let findings = try #require(try Self.document()["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for f in findings {
            #expect(f["id"] is String)
            #expect(f["rev"] is Int)
            #expect(["info", "low", "medium", "high", "critical"].contains(f["severity"] as? String ?? ""))
            #expect(f["title"] is String)
            #expect(f["references"] is [String])
            let evidence = try #require(f["evidence"] as? [[String: Any]])
            #expect(!evidence.isEmpty)
            #expect(evidence.allSatisfy { $0["label"] is String })
        }
    }

    @Test("docs/report-schema.md documents every top-level field the encoder writes")
    func documented() throws {
        let docURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/report-schema.md").standardizedFileURL
        let page = try String(contentsOf: docURL, encoding: .utf8)
        #expect(page.contains("licscope.analysis/1"))
        for key in try Self.document().keys {
            #expect(page.contains("`\(key)`"), "\(key) is not documented")
        }
    }
}
