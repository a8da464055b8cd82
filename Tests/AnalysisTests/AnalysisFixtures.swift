import Analysis
import Foundation
import Rules
import TextIngest

/// Paths and options for the end-to-end tests.
enum AnalysisFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ name: String) -> String {
        (Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/Scenarios")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/Scenarios/\(name)")).path
    }

    static var sample: String { packageRoot.appendingPathComponent("samples/proxy-443-bundle").path }

    static func options() throws -> AnalysisOptions {
        let rules = try RuleSet.load(directory: packageRoot.appendingPathComponent("rules"))
        let catalog = try MessageCatalog.load(directory: packageRoot.appendingPathComponent("rules/messages"))
        return AnalysisOptions(rules: rules, catalog: catalog)
    }
}
