import Foundation
import LicensingModel
import Testing
@testable import TextIngest

@Suite struct CatalogLintTests {
    @Test func shippedCatalogLoadsAndLintsClean() throws {
        let catalog = try MessageCatalog.bundled()
        #expect(catalog.entries.count >= 50)
        #expect(catalog.lint() == [])
    }

    @Test func lookupOrderPrefersRulesOptionThenEnvironment() {
        let dirs = MessageCatalog.searchPath(rulesDirectory: "/r", environment: ["LICSCOPE_RULES": "/e"])
        #expect(dirs.prefix(2).map(\.path) == ["/r/messages", "/e/messages"])
        #expect(dirs.last?.path.hasSuffix("rules/messages") == true)
    }

    @Test func missingRulesDirectoryIsAnError() {
        #expect(throws: MessageCatalogError.self) {
            try MessageCatalog.bundled(rulesDirectory: "/nonexistent-licscope-rules", environment: [:])
        }
    }

    @Test func yamlSyntaxErrorCarriesLineAndColumn() {
        let yaml = "messages:\n  - id: x\n    kind: [unclosed\n"
        #expect {
            _ = try CatalogFileParser.parse(yaml: yaml, file: "bad.yaml")
        } throws: { error in
            guard let e = error as? MessageCatalogError else { return false }
            return e.file == "bad.yaml" && e.line >= 3 && e.column > 0
        }
    }

    @Test func unknownKeyAndBadPatternAreReportedWhereTheyAre() {
        let unknownKey = "messages:\n  - id: x\n    kind: agent.ready\n    anchors: [abc]\n    colour: red\n"
        #expect(throws: MessageCatalogError(file: "k.yaml", line: 5, column: 5, message: "unknown key `colour` (allowed: \(CatalogFileParser.entryKeys.sorted().joined(separator: ", ")))")) {
            _ = try CatalogFileParser.parse(yaml: unknownKey, file: "k.yaml")
        }
        let badPattern = "messages:\n  - id: x\n    kind: agent.ready\n    anchors: [abc]\n    pattern: 'abc(('\n"
        #expect {
            _ = try CatalogFileParser.parse(yaml: badPattern, file: "p.yaml")
        } throws: { error in
            (error as? MessageCatalogError)?.line == 5
        }
    }

    @Test func lintRejectsVocabularyViolationsFailingExamplesAndMatchingNearMisses() throws {
        let yaml = """
            messages:
              - id: bad.kind
                kind: no.such.kind
                anchors: [abc]
                examples: [{line: abc}]
              - id: bad.field
                kind: agent.ready
                anchors: [COMM]
                pattern: 'COMM (?<reason>\\w+)'
                examples: [{line: "COMM x", expect: {reason: y}}]
                near_misses: ["COMM z"]
              - id: no.example
                kind: agent.ready
                anchors: ["ab"]
              - id: bad.mode
                kind: transport.configured
                anchors: [transport tunnel]
                fields: {mode: tunnel}
                examples: [{line: "transport tunnel", expect: {mode: tunnel}}]
            """
        let catalog = MessageCatalog(entries: try CatalogFileParser.parse(yaml: yaml, file: "l.yaml"))
        let problems = catalog.lint()
        #expect(problems.contains { $0.contains("bad.kind") && $0.contains("unknown event kind") })
        #expect(problems.contains { $0.contains("field `reason` is not allowed on `agent.ready`") })
        #expect(problems.contains { $0.contains("example field `reason` is `x`, expected `y`") })
        #expect(problems.contains { $0.contains("near miss matches: COMM z") })
        #expect(problems.contains { $0.contains("no.example") && $0.contains("shorter than 6 bytes") })
        #expect(problems.contains { $0.contains("no.example") && $0.contains("no example line") })
        #expect(problems.contains { $0.contains("bad.mode") && $0.contains("`mode: tunnel` is not a value of `mode`") })
        #expect(problems.allSatisfy { $0.hasPrefix("l.yaml:") })
    }

    @Test func captureNamesWithUnderscoresWork() throws {
        let p = try CatalogPattern("to: (?<url>\\S+) \\((?<error_code>ERR \\d+)\\)")
        #expect(p.captureNames == ["url", "error_code"])
        #expect(p.captures(in: "to: https://x (ERR 207)") == ["url": "https://x", "error_code": "ERR 207"])
    }
}
