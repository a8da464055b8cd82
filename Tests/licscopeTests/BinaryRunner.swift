import Foundation

/// Runs the built `licscope` binary, as a user would.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed document the product grew from (a copy of `shared/seed/`, see Fixtures/SOURCES.md).
    static let seed = packageRoot.appendingPathComponent("Tests/licscopeTests/Fixtures/cucm-smart-licensing-direct-model.txt")

    static var binary: URL {
        let env = ProcessInfo.processInfo.environment["LICSCOPE_BIN"]
        if let env { return URL(fileURLWithPath: env) }
        // The test bundle sits in the build products directory next to the executable.
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidate = products.appendingPathComponent("licscope")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/licscope")
    }

    /// `setpriv`, which runs the binary as an unprivileged user when the tests run as root (root reads every file,
    /// so a file it cannot read cannot be made otherwise).
    static let setpriv = "/usr/bin/setpriv"

    /// True when a test can run the binary as a user that file permissions apply to.
    static var canRunUnprivileged: Bool { getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv) }

    /// Runs the binary with `arguments`; `stdin`, when given, is piped to its standard input. With `unprivileged`,
    /// a root test process runs it as `nobody` (uid 65534), so permissions apply to it.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil, unprivileged: Bool = false
    ) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = packageRoot
        if unprivileged && getuid() == 0 {
            // The checkout may sit where `nobody` cannot read (a clone in a `mktemp -d` or under /root): run a copy of
            // the binary with the rules beside it, from a folder anyone can read.
            let kit = try UnprivilegedKit.shared()
            p.executableURL = URL(fileURLWithPath: setpriv)
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", kit.binary.path] + arguments
            p.currentDirectoryURL = kit.folder
        }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        if stdin != nil { p.standardInput = input }
        try p.run()
        if let stdin {
            let writer = input.fileHandleForWriting
            Thread.detachNewThread {
                try? writer.write(contentsOf: stdin)
                try? writer.close()
            }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
