import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// Catalog files: unknown top-level keys refused, duplicate keys reported with a position, not the whole file.
@Suite("catalog file strictness")
struct CatalogStrictnessTests {
    @Test("an unknown top-level key is refused with its position")
    func unknownTopLevelKey() {
        let yaml = "messages: []\nmesages_extra: 1\n"
        #expect {
            _ = try CatalogFileParser.parse(yaml: yaml, file: "c.yaml")
        } throws: { error in
            let e = error as? MessageCatalogError
            return e?.line == 2 && e?.message.contains("unknown key") == true
        }
    }

    @Test("a duplicate key gives file:line:column and a short message")
    func duplicateKey() {
        let yaml = "messages:\n  - id: a\n    id: b\n    kind: communication.failed\n    anchors: [X]\n"
        #expect {
            _ = try CatalogFileParser.parse(yaml: yaml, file: "c.yaml")
        } throws: { error in
            guard let e = error as? MessageCatalogError else { return false }
            return e.line > 0 && e.message.contains("duplicate key `id`") && !e.message.contains("anchors")
        }
    }
}
