import Foundation
import TestSupport
import Testing

/// `status --format json`: the document says what failed when nothing could be read, and its keys are exactly the
/// ones `docs/report-schema.md` documents.
@Suite("status JSON: unread inputs and the documented key set")
struct StatusSchemaTests {
    /// Every key path in `value` (`snapshots[].timers[].printedUTC`).
    static func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { keys, member in
                let path = prefix.isEmpty ? member.key : prefix + "." + member.key
                keys.insert(path)
                keys.formUnion(keyPaths(member.value, prefix: path))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    /// The key paths the status section of the schema document lists (first column of its table).
    static func documentedKeys() throws -> Set<String> {
        let doc = try String(
            contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/report-schema.md"), encoding: .utf8)
        guard let start = doc.range(of: "## Status: `status --format json`") else { return [] }
        let section = doc[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
        return Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        })
    }

    /// The JSON documents `status` writes for `arguments`.
    static func document(_ arguments: [String]) throws -> (status: Int32, json: Any) {
        let r = try BinaryRunner.run(["status", "--format", "json"] + arguments)
        return (r.status, try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
    }

    @Test("inputs none of which can be read: a valid document naming each and why, exit 5")
    func unreadableInputs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let junk = dir.appendingPathComponent("notes.txt")
        try "hello\n".write(to: junk, atomically: true, encoding: .utf8)
        let (status, json) = try Self.document([fifo, "/dev/zero", junk.path])
        #expect(status == 5)
        let document = try #require(json as? [String: Any])
        #expect((document["snapshots"] as? [Any])?.isEmpty == true)
        let unread = try #require(document["unread"] as? [[String: Any]])
        #expect(unread.map { $0["path"] as? String } == [fifo, "/dev/zero", junk.path])
        #expect(unread.map { $0["reason"] as? String }.prefix(2) == [
            "not a regular file (FIFO); not opened", "not a regular file (character device); not opened",
        ])
        #expect((unread[2]["reason"] as? String)?.hasPrefix("not a license output") == true)
        #expect(unread.allSatisfy { $0["damage"] as? Bool == true })
        // Every input read: no `unread` key.
        #expect((try Self.document([BinaryRunner.seed.path]).json as? [String: Any])?["unread"] == nil)
    }

    @Test("the keys written are exactly the keys docs/report-schema.md lists")
    func keysMatchTheDocument() throws {
        let documented = try Self.documentedKeys()
        #expect(documented.count > 40, "the status table was found")
        let fixtures = BinaryRunner.packageRoot.appendingPathComponent("Tests/TextIngestTests/Fixtures/cli")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".txt") }
        var seen = Set<String>()
        for name in names.sorted() {
            let path = fixtures.appendingPathComponent(name).path
            seen.formUnion(Self.keyPaths(try Self.document([path]).json))
            seen.formUnion(Self.keyPaths(try Self.document(["--since", "2000-01-01", path]).json))
            seen.formUnion(Self.keyPaths(try Self.document(["--until", "2100-01-01", path]).json))
        }
        seen.formUnion(Self.keyPaths(try Self.document([BinaryRunner.seed.path, "/dev/null"]).json))
        #expect(seen.subtracting(documented).isEmpty, "undocumented keys: \(seen.subtracting(documented).sorted())")
        // Written only by an output that prints an error instead of a state; no fixture is one.
        let rare: Set<String> = ["snapshots[].error"]
        #expect(documented.subtracting(seen).subtracting(rare).isEmpty,
                "documented keys never written: \(documented.subtracting(seen).subtracting(rare).sorted())")
    }
}
