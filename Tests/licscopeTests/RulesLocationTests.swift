import Foundation
import Testing

/// A `./rules` folder in the working directory never replaces the built-in rules silently.
@Suite("rules location")
struct RulesLocationTests {
    @Test("rules list from a folder holding a stray rules/ still lists the built-in rules")
    func strayRulesFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stray-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules/messages"), withIntermediateDirectories: true)
        try "id: stray-rule\ntitle: ~\n".write(to: root.appendingPathComponent("rules/stray.yaml"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = ["rules", "list"]
        p.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["LICSCOPE_RULES"] = nil
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text.contains("CSCvc94366"), "\(text)")
        #expect(!text.contains("stray-rule"))
    }
}
