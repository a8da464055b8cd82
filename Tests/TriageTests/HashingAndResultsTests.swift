import Foundation
import Testing

@testable import Triage

@Suite("SHA-256, fingerprints and the results file")
struct HashingAndResultsTests {
    @Test("SHA-256 matches the FIPS 180-4 vectors, fed at once or byte by byte")
    func vectors() {
        #expect(SHA256Digest.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256Digest.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var dripped = SHA256Digest()
        for byte in long { dripped.update([byte]) }
        #expect(dripped.hex() == SHA256Digest.hex(of: long))
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256Digest.hex(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a folder's fingerprint depends on names and contents and never opens a FIFO")
    func folderFingerprint() throws {
        let dir = try TemporaryFolder()
        try dir.write("b/x.txt", "one")
        try dir.write("a.txt", "two")
        let first = try BundleFingerprint.compute(path: dir.path)
        #expect(first.kind == "folder" && first.bytes == 6)
        #expect(mkfifo(dir.path + "/b/pipe", 0o600) == 0)
        let withFIFO = try BundleFingerprint.compute(path: dir.path)
        #expect(withFIFO.sha256 != first.sha256, "the FIFO is named in the listing")
        try dir.write("a.txt", "TWO")
        #expect(try BundleFingerprint.compute(path: dir.path).sha256 != withFIFO.sha256)
        #expect(throws: FingerprintError.self) { try BundleFingerprint.compute(path: dir.path + "/b/pipe") }
    }

    @Test("a truncated last line is not a record, and opening the file cuts it off")
    func truncatedLine() throws {
        let dir = try TemporaryFolder()
        let path = dir.path + "/out.jsonl"
        let record = TriageRecord(
            path: "in/a.zip", kind: "file", sha256: String(repeating: "a", count: 64), bytes: 3, outcome: .analyzed,
            analysis: .init(exitCode: 0, meaning: "clean"), wallSeconds: 0.1, peakMemoryBytes: 1)
        let file = try ResultsFile(path: path)
        try file.append(record)
        var other = record
        other.path = "in/b.zip"
        try file.append(other)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(ResultsFile.parse(whole).records.map(\.path) == ["in/a.zip", "in/b.zip"])
        let cut = whole.prefix(whole.count - 10)
        try cut.write(to: URL(fileURLWithPath: path))
        #expect(ResultsFile.parse(cut).records.map(\.path) == ["in/a.zip"])
        let reopened = try ResultsFile(path: path)
        let existing = try reopened.loadAndRepair()
        #expect(existing.records.count == 1 && existing.repairedBytes > 0)
        try reopened.append(other)
        let repaired = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(ResultsFile.parse(repaired).records.map(\.path) == ["in/a.zip", "in/b.zip"])
        #expect(ResultsFile.parse(repaired).invalidLines == 0)
    }

    @Test("a record survives its line: encode, decode, same value; keys are snake_case")
    func roundTrip() throws {
        var record = TriageRecord(
            path: "in/x", kind: "folder", sha256: "ab", bytes: 1, outcome: .timedOut,
            analysis: .init(signal: 9, detail: "killed"), wallSeconds: 2, peakMemoryBytes: 4096)
        record.finalStates = ["registration": "REGISTERED"]
        let line = try record.line()
        #expect(line.last == 0x0A && !line.dropLast().contains(0x0A))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains("\"peak_memory_bytes\":4096") && text.contains("\"outcome\":\"timed_out\""))
        #expect(try TriageRecord.decoder().decode(TriageRecord.self, from: line) == record)
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "triage-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
