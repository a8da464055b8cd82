import Foundation
import LicensingModel
import TextIngest

/// Loads the `show license` fixtures.
enum CLIFixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/cli")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/cli/\(name)")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func outputs(_ name: String, zones: ZoneResolver = ZoneResolver()) throws -> [ParsedLicenseOutput] {
        ShowLicenseParser.parse(try text(name), zones: zones)
    }
}
