import Foundation
import Testing

/// Throwaway CAs and server certificates made with the openssl CLI, once per test process, in a temporary
/// directory: a trusted test CA (given to the pre-flight with --ca-file), a fake "IdenTrust / HydrantID" chain
/// nobody trusts, an "inspection" CA, an expired leaf and a leaf for the wrong name.
final class TestPKI: Sendable {
    /// Server credentials: the chain file the server sends (leaf first) and its key.
    struct Credentials: Sendable {
        var chain: String
        var key: String
    }

    let directory: String
    /// The trusted test root (PEM path), passed as --ca-file.
    let trustedCA: String
    let good: Credentials
    let untrustedPublicLooking: Credentials
    let intercepting: Credentials
    let expired: Credentials
    let wrongName: Credentials

    static let shared: TestPKI = {
        // A static is never deinitialized: remove the directory when the test process exits.
        atexit {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-preflight-pki-\(getpid())").path
            try? FileManager.default.removeItem(atPath: dir)
        }
        do { return try TestPKI() } catch { fatalError("cannot create the test PKI with the openssl CLI: \(error)") }
    }()

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-preflight-pki-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let d = directory
        let names = "subjectAltName=DNS:tools.cisco.com,DNS:smartreceiver.cisco.com,DNS:localhost"
        try Self.root("trusted", subject: "/C=US/O=licscope test/CN=licscope Test Root CA", in: d)
        trustedCA = "\(d)/trusted-ca.pem"
        good = try Self.leaf("good", subject: "/C=US/O=Cisco Systems Inc./CN=tools.cisco.com", san: names, ca: "trusted", in: d)
        wrongName = try Self.leaf("wrong", subject: "/C=US/O=Example/CN=wrong.example.net", san: "subjectAltName=DNS:wrong.example.net", ca: "trusted", in: d)
        expired = try Self.leaf("expired", subject: "/C=US/O=Cisco Systems Inc./CN=tools.cisco.com", san: names, ca: "trusted", in: d,
                                dates: ("20200101000000Z", "20210101000000Z"))
        // Names of the public CAs Cisco uses, on keys nobody trusts.
        try Self.root("fakeroot", subject: "/C=US/O=IdenTrust/CN=IdenTrust Commercial Root CA 1", in: d)
        try Self.intermediate("fakeica", subject: "/C=US/O=IdenTrust/CN=HydrantID Server CA O1", ca: "fakeroot", in: d)
        let fake = try Self.leaf("fakeleaf", subject: "/C=US/O=Cisco Systems Inc./CN=tools.cisco.com", san: names, ca: "fakeica", in: d)
        untrustedPublicLooking = Credentials(chain: try Self.concatenate([fake.chain, "\(d)/fakeica-ca.pem"], to: "\(d)/fakeleaf-fullchain.pem"), key: fake.key)
        try Self.root("inspect", subject: "/C=US/O=Fortinet/CN=FortiGate SSL Inspection CA", in: d)
        intercepting = try Self.leaf("intercepted", subject: "/C=US/O=Cisco Systems Inc./CN=tools.cisco.com", san: names, ca: "inspect", in: d)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    private static func root(_ name: String, subject: String, in d: String) throws {
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(d)/\(name)-ca.key", "-out", "\(d)/\(name)-ca.pem",
                     "-days", "30", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    }

    private static func intermediate(_ name: String, subject: String, ca: String, in d: String) throws {
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(d)/\(name)-ca.key", "-out", "\(d)/\(name).csr", "-subj", subject])
        try write("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n", to: "\(d)/\(name).ext")
        try openssl(["x509", "-req", "-in", "\(d)/\(name).csr", "-CA", "\(d)/\(ca)-ca.pem", "-CAkey", "\(d)/\(ca)-ca.key",
                     "-set_serial", "\(Int.random(in: 1000...999_999))", "-out", "\(d)/\(name)-ca.pem", "-days", "20", "-extfile", "\(d)/\(name).ext"])
    }

    /// A leaf signed by `ca`; with `dates`, signed by `openssl ca` with that validity (for an expired certificate).
    private static func leaf(
        _ name: String, subject: String, san: String, ca: String, in d: String, dates: (String, String)? = nil
    ) throws -> Credentials {
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(d)/\(name).key", "-out", "\(d)/\(name).csr", "-subj", subject])
        try write("\(san)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n", to: "\(d)/\(name).ext")
        if let (start, end) = dates {
            let db = "\(d)/\(name)-db"
            try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: true)
            try write("", to: "\(db)/index.txt")
            try write("1000\n", to: "\(db)/serial")
            try write("""
                [ca]
                default_ca = test
                [test]
                database = \(db)/index.txt
                serial = \(db)/serial
                new_certs_dir = \(db)
                default_md = sha256
                policy = any
                copy_extensions = none
                [any]
                commonName = supplied
                """, to: "\(db)/ca.cnf")
            try openssl(["ca", "-batch", "-config", "\(db)/ca.cnf", "-cert", "\(d)/\(ca)-ca.pem", "-keyfile", "\(d)/\(ca)-ca.key",
                         "-in", "\(d)/\(name).csr", "-out", "\(d)/\(name).pem", "-startdate", start, "-enddate", end,
                         "-extfile", "\(d)/\(name).ext", "-notext"])
        } else {
            try openssl(["x509", "-req", "-in", "\(d)/\(name).csr", "-CA", "\(d)/\(ca)-ca.pem", "-CAkey", "\(d)/\(ca)-ca.key",
                         "-set_serial", "\(Int.random(in: 1000...999_999))", "-out", "\(d)/\(name).pem", "-days", "10", "-extfile", "\(d)/\(name).ext"])
        }
        return Credentials(chain: "\(d)/\(name).pem", key: "\(d)/\(name).key")
    }

    private static func concatenate(_ files: [String], to path: String) throws -> String {
        let text = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        try write(text, to: path)
        return path
    }

    private static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private static func openssl(_ arguments: [String]) throws {
        let result = try LoopbackProcess.runToEnd("openssl", arguments)
        guard result.status == 0 else {
            throw PKIError(message: "openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(result.output)")
        }
    }

    struct PKIError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
