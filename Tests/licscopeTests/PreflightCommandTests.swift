import Foundation
import Testing

@Suite("licscope preflight")
struct PreflightCommandTests {
    /// A loopback port nothing listens on (bound, then released).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &sa) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length); return getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: sa.sin_port))
    }

    @Test("a refused proxy names the tcp stage in the exit code, and the password from the environment never shows")
    func refusedProxyExitCodeAndSecret() throws {
        let port = Self.closedPort()
        for format in ["text", "json"] {
            let r = try BinaryRunner.run(
                ["preflight", "--target", "https://tools.cisco.com/", "--proxy", "127.0.0.1:\(port)", "--proxy-user", "licuser",
                 "--timeout", "2", "--format", format],
                environment: ["LICSCOPE_PROXY_PASSWORD": "Hunter2-secret"])
            #expect(r.status == 11, "stderr: \(r.stderr)")
            #expect(!r.stdout.contains("Hunter2-secret") && !r.stderr.contains("Hunter2-secret"))
            #expect(r.stdout.contains("TCP connection to proxy 127.0.0.1:\(port) refused"))
            if format == "json" {
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
                #expect(doc["schema"] as? String == "licscope.preflight/1")
                #expect(doc["failed_stage"] as? String == "tcp")
                #expect(doc["exit_code"] as? Int == 11)
                #expect((doc["findings"] as? [[String: Any]])?.contains { $0["id"] as? String == "tcp-blocked" } == true)
            }
        }
    }

    @Test("preflight takes the shared options: -o writes the report there, --redact hides the customer's host, --format is typed")
    func sharedOptions() throws {
        let port = Self.closedPort()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("preflight.json")
        let target = ["--target", "https://licensing.corp-example.net:\(port)/", "--resolve", "licensing.corp-example.net:127.0.0.1",
                      "--timeout", "2", "--format", "json"]
        let plain = try BinaryRunner.run(["preflight"] + target)
        #expect(plain.status == 11, "stderr: \(plain.stderr)")
        #expect(plain.stdout.contains("licensing.corp-example.net"))
        let r = try BinaryRunner.run(["preflight"] + target + ["--redact", "-o", file.path])
        #expect(r.status == 11 && r.stdout.isEmpty, "stderr: \(r.stderr)")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(written.utf8))) != nil)
        #expect(!written.contains("corp-example.net") && written.contains("host-1"), "\(written.prefix(400))")
        let bad = try BinaryRunner.run(["preflight", "--format", "xml"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("licscope: error: ") && bad.stderr.split(separator: "\n").count == 1)
    }

    @Test("usage errors exit 2; a password can never be given as an argument")
    func usageErrors() throws {
        #expect(try BinaryRunner.run(["preflight", "--proxy-user", "u"]).status == 2)
        #expect(try BinaryRunner.run(["preflight", "--proxy", "p:3128", "--proxy-password", "x"]).status == 2)
        #expect(try BinaryRunner.run(["preflight", "--target", "ftp://x"]).status == 2)
        #expect(try BinaryRunner.run(["preflight", "--proxy", "noport"]).status == 2)
    }
}
