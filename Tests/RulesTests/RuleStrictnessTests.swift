import Foundation
import LicensingModel
import Rules
import Testing

/// `title: ~` and a references value that is not a list are errors with a position.
@Suite("rule strictness")
struct RuleStrictnessTests {
    /// The shipped dns-failure rule, with `replace` applied.
    static func shipped(_ replace: (String) -> String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return replace(try String(contentsOf: root.appendingPathComponent("rules/dns-failure.yaml"), encoding: .utf8))
    }

    @Test("the unmodified rule parses (the cases below fail for their own reason)")
    func baseline() throws {
        _ = try RuleSet.parseRule(yaml: try Self.shipped { $0 }, file: "r.yaml")
    }

    @Test("title: ~ is refused", arguments: ["~", "null"])
    func nullTitle(title: String) throws {
        let yaml = try Self.shipped {
            $0.replacingOccurrences(of: "title: The licensing server name does not resolve (DNS)", with: "title: \(title)")
        }
        #expect {
            _ = try RuleSet.parseRule(yaml: yaml, file: "r.yaml")
        } throws: { error in
            (error as? RuleLoadError).map { $0.message.contains("must not be null") && $0.line == 4 } == true
        }
    }

    @Test("references must be a list")
    func referencesScalar() throws {
        let yaml = try Self.shipped {
            $0.replacingOccurrences(of: "references:\n  - ", with: "references: ")
        }
        #expect {
            _ = try RuleSet.parseRule(yaml: yaml, file: "r.yaml")
        } throws: { error in
            (error as? RuleLoadError)?.message.contains("must be a list") == true
        }
    }
}
