import Foundation
import Testing
@testable import licscope

#if canImport(Glibc)
import Glibc
#endif

/// An `-o` file appears under its name only when the command finishes: until then a file that was there keeps its
/// old content, and an output given up (or a run that ends early) leaves neither a partial file nor its sibling.
@Suite("-o is written beside the target and put in place at the end", .serialized)
struct StreamedOutputTests {
    /// A fresh folder holding `report.txt` with `old`.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: url.appendingPathComponent("report.txt"))
        return url
    }

    static func write(_ text: String, to output: borrowing StreamedOutput) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(output.fd, $0.baseAddress, $0.count) }
    }

    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("the old content stays until finish; then the new one is in place and no sibling is left")
    func replacedAtFinish() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.txt")
        let output = try OutputFile(target.path).openForStreaming()
        Self.write("new\n", to: output)
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
        #expect(Self.names(in: dir).count == 2)
        try output.finish()
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
        #expect(Self.names(in: dir) == ["report.txt"])
    }

    @Test("an output given up leaves the old file as it was and nothing beside it")
    func discardedKeepsTheOldFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.txt")
        let output = try OutputFile(target.path).openForStreaming()
        Self.write("half a rep", to: output)
        output.discard()
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
        #expect(Self.names(in: dir) == ["report.txt"])
    }

    @Test("a new file does not exist before finish, and an early exit removes what was written")
    func earlyExitRemovesTheSibling() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("new.jsonl")
        let output = try OutputFile(target.path).openForStreaming()
        Self.write("{}\n", to: output)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        EarlyExitCleanup.removeAll()
        #expect(Self.names(in: dir) == ["report.txt"])
        output.discard()
    }

    @Test("a link is kept and the file it points to replaced; the file's mode is kept")
    func linkAndMode() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.txt")
        chmod(target.path, 0o640)
        let link = dir.appendingPathComponent("latest")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "report.txt")
        let output = try OutputFile(link.path).openForStreaming()
        Self.write("through the link\n", to: output)
        try output.finish()
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOf: target, encoding: .utf8) == "through the link\n")
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test("a device is written in place, never replaced or removed")
    func deviceInPlace() throws {
        let output = try OutputFile("/dev/null").openForStreaming()
        Self.write("gone\n", to: output)
        try output.finish()
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }
}
