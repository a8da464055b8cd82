import Foundation
import LicensingModel
@testable import TextIngest

/// Shared helpers: the shipped catalog, fixture paths, and in-memory ingestion.
enum TestSupport {
    static let catalog: MessageCatalog = {
        do { return try MessageCatalog.bundled() } catch { preconditionFailure("catalog: \(error)") }
    }()

    static func fixture(_ name: String) -> String {
        guard let base = Bundle.module.resourceURL else { return name }
        return base.appendingPathComponent("Fixtures/logs").appendingPathComponent(name).path
    }

    /// A fixed modification time (2018-07-01T00:00:00Z) so year inference does not depend on the checkout.
    static let mtime = Date(timeIntervalSince1970: 1_530_403_200)

    static func options(displayPath: String? = nil, hints: [CiscoTimestamp.YearHint] = [], zones: ZoneResolver = .init())
        -> LogIngestOptions
    {
        LogIngestOptions(zones: zones, yearHints: hints, displayPath: displayPath, catalog: catalog, modificationTime: mtime)
    }

    static func ingest(fixture name: String, hints: [CiscoTimestamp.YearHint] = []) -> LogIngestResult {
        LogIngester.ingest(path: fixture(name), options: options(displayPath: name, hints: hints))
    }

    static func ingest(_ text: String, chunkSize: Int = 1 << 20, name: String = "mem.log") -> LogIngestResult {
        LogIngester.ingest(bytes: Array(text.utf8), chunkSize: chunkSize, options: options(displayPath: name))
    }

    static func ingest(bytes: [UInt8], chunkSize: Int = 1 << 20) -> LogIngestResult {
        LogIngester.ingest(bytes: bytes, chunkSize: chunkSize, options: options(displayPath: "mem.log"))
    }
}

extension LogIngestResult {
    func events(_ kind: EventKind) -> [Event] { events.filter { $0.kind == kind } }
}
