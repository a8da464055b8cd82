import Foundation
import Rules
import TextIngest
import X509Inspect

/// Text and certificate targets.
enum FuzzText {
    /// The bundled catalog, loaded once (the trace target needs one to match lines).
    static let catalog: MessageCatalog = (try? MessageCatalog.bundled()) ?? MessageCatalog(entries: [])

    static func certificate(_ bytes: [UInt8]) {
        let info = CertificateParser.parse(der: bytes)
        for time in [info?.notBefore, info?.notAfter, Date(timeIntervalSince1970: 1_700_000_000)] {
            _ = ChainVerifier.verify(chainDER: [bytes], host: "tools.cisco.com", at: time ?? .distantPast)
        }
    }

    static func showLicense(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = SnapshotEvents.read(text: text, path: "show-license.txt", zones: ZoneResolver())
    }

    static func trace(_ bytes: [UInt8]) {
        _ = LogIngester.ingest(bytes: bytes, chunkSize: 4096, options: LogIngestOptions(
            displayPath: "trace.log", catalog: catalog, modificationTime: Date(timeIntervalSince1970: 1_600_000_000)))
    }

    static func rule(_ bytes: [UInt8]) {
        _ = try? RuleSet.parseRule(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    }

    static func catalog(_ bytes: [UInt8]) {
        let directory = FuzzScratch.directory + "/catalog"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/fuzz.yaml", contents: Data(bytes))
        _ = try? MessageCatalog.load(directory: URL(fileURLWithPath: directory))
        FuzzScratch.empty()
    }
}
