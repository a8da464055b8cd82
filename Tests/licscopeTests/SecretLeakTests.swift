import Foundation
import Testing

/// Secrets planted in every credential form the field shows, in log lines the catalog turns into events, never
/// appear in any output of any command and format, with `--redact` or without.
@Suite("secrets never reach an output")
struct SecretLeakTests {
    static let prefix = "10:02:09.031 |4211,,,CiscoSLM,3,14-03-2022 ERROR [SLM-12] com.callhome.module.transport.HttpClient#send - "
    static let cli = "10:02:02.417 |4211,,,CiscoSLM,6,14-03-2022 INFO [SLM-3] com.cisco.slm.cli.CliHandler#execute - "
    static let failure = "Fail to send out Smart Licensing message to: "

    /// (line, the secret values that must not appear)
    static let plants: [(String, [String])] = [
        (cli + #"license smart register idtoken "Quoted;Tok,en&x'y1" force"#, ["Quoted;Tok", "Tok,en", "en&x'y1"]),
        (cli + "license smart register idtoken Bare;Tok,en&Amp'Quote2 force", ["Bare;Tok", "Tok,en&Amp", "Amp'Quote2"]),
        (cli + "license smart transport proxy proxy.example.net 443 password Hunter2Space", ["Hunter2Space"]),
        (cli + "license smart transport proxy proxy.example.net 443 proxy-password ProxyPw3Hyphen", ["ProxyPw3Hyphen"]),
        (cli + #"license smart transport proxy proxy.example.net 443 password="QuotedPw 7x""#, ["QuotedPw", "Pw 7x"]),
        (cli + "license smart transport proxy proxy.example.net 443 passphrase=Phrase8Eq", ["Phrase8Eq"]),
        (cli + "license smart transport proxy proxy.example.net 443 ProxyPassword ProxyPw9Camel", ["ProxyPw9Camel"]),
        (prefix + failure + "https://user@corp:UserAtCorp10@proxy.example.net:8080/x (ERR 205 : Request Aborted)",
         ["UserAtCorp10"]),
        (prefix + failure + #"https://CORP\bob:DomainPw11@proxy.example.net/x (ERR 205 : Request Aborted)"#,
         ["DomainPw11"]),
        (prefix + failure + "https://tools.cisco.com/x (ERR 205 : Proxy-Authorization: Basic QmFzaWNDcmVkMTI=)",
         ["QmFzaWNDcmVkMTI"]),
        (prefix + failure + "https://tools.cisco.com/x (ERR 407 : Proxy denied bob:ReasonPw13@proxy.example.net)",
         ["ReasonPw13"]),
        // The excerpt is cut at 2000 bytes, inside the password: redaction must come first.
        (prefix + failure + "https://tools.cisco.com/" + String(repeating: "a", count: 1_787)
            + " (ERR 205 : u:StraddlePw14xxxxxxxxxxxxxxxx@proxy.example.net)", ["StraddlePw14", "Straddle", "addlePw"]),
    ]

    static func bundle() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("secret-leak-\(UUID().uuidString)")
        let logs = root.appendingPathComponent("cm/trace/slm/log4j")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try (plants.map(\.0).joined(separator: "\n") + "\n").write(
            to: logs.appendingPathComponent("slm.log"), atomically: true, encoding: .utf8)
        return root
    }

    static let commands: [[String]] = {
        var out: [[String]] = [["events"], ["events", "--format", "jsonl"], ["status"]]
        for format in ["text", "json", "jsonl", "markdown", "html"] {
            out.append(["analyze", "--format", format])
            out.append(["analyze", "--redact", "--format", format])
        }
        return out
    }()

    @Test("every command and format", arguments: commands)
    func noSecretInOutput(command: [String]) throws {
        let root = try Self.bundle()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = root.appendingPathComponent("cm/trace/slm/log4j/slm.log").path
        let target = command.first == "analyze" ? root.path : log
        let r = try BinaryRunner.run(command + [target])
        if command.first == "events" { #expect(r.stdout.split(separator: "\n").count >= 10, "the planted lines became events") }
        for (_, secrets) in Self.plants {
            for secret in secrets {
                #expect(!r.stdout.contains(secret), "\(command): \(secret) in stdout")
                #expect(!r.stderr.contains(secret), "\(command): \(secret) in stderr")
            }
        }
    }
}
