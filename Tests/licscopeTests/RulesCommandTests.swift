import Foundation
import Testing

@Suite("licscope rules")
struct RulesCommandTests {
    @Test("lint checks the message catalog under --rules DIR too: a broken entry is file:line:column and exit 2")
    func lintCatalog() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("licscope-rules-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        try fm.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("rules"), to: dir)
        let clean = try BinaryRunner.run(["rules", "lint", "--rules", dir.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("message catalog OK"))
        try "messages:\n  - id: x\n    kind: not.a.kind\n    anchors: [\"zz\"]\n"
            .write(to: dir.appendingPathComponent("messages/bad.yaml"), atomically: true, encoding: .utf8)
        let broken = try BinaryRunner.run(["rules", "lint", "--rules", dir.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("messages/bad.yaml:2:5:"))
        #expect(broken.stderr.contains("not.a.kind"))
    }
}
