import Analysis
import Foundation
import Testing
import TextIngest

/// The abbreviations a file prints are zone evidence only when the evidence readers' registry recognised the file
/// as `show license` output: one place decides what a file is.
@Suite("zone evidence follows the registry's recognition")
struct ZoneEvidenceRecognitionTests {
    /// Labels of `show license` fields without the banner or the labels a quick text search would look for.
    static let accepted = """
        Registration:
          Status: REGISTERED
          Smart Account: Lakeside
          Virtual Account: Collab
          Last Renewal Attempt: SUCCEEDED on Jan 26 15:11:23 2019 IST

        """
    /// A note that quotes one `show license` line: no reader's markers claim it.
    static let refused = """
        Ticket 123: customer says the registration is fine.
        Registration Expires: Jan 26 15:12:59 2019 IST
        Will check again tomorrow.

        """

    static func recognised(_ text: String, name: String) -> String {
        EvidenceReaderRegistry.standard.recognise(prefix: Array(text.utf8), name: name).kind.rawValue
    }

    @Test("a file the registry takes for show license output gives its printed zone; one it refuses gives none")
    func followsRegistry() throws {
        #expect(Self.recognised(Self.accepted, name: "output.txt") == "cli")
        #expect(Self.recognised(Self.refused, name: "notes.txt") == "text")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-zr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let accepted = dir.appendingPathComponent("output.txt").path
        let refused = dir.appendingPathComponent("notes.txt").path
        try Self.accepted.write(toFile: accepted, atomically: true, encoding: .utf8)
        try Self.refused.write(toFile: refused, atomically: true, encoding: .utf8)

        let entries = [(accepted, Self.accepted, "output.txt"), (refused, Self.refused, "notes.txt")].map { path, text, name in
            EvidenceEntry(
                displayPath: path, localPath: path, size: text.utf8.count,
                content: EvidenceReaderRegistry.standard.recognise(prefix: Array(text.utf8), name: name).kind)
        }
        // Both are read (the note could hold a `show timezone config`), but only the output's IST counts.
        let evidence = BundleZones.evidence(entries)
        #expect(evidence.map(\.path) == [accepted])
        #expect(evidence.map(\.zone.description) == ["Asia/Kolkata"])
        #expect(evidence.first?.labels == ["IST"])
    }
}
