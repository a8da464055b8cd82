import Foundation
import TestSupport

/// A folder of bundles for the triage tests, built the way uploads look: the sample and rule fixtures as folders,
/// zip and tar.gz archives, and corrupt, empty, hostile (zip slip, zip bomb), large, crashing and hanging inputs.
struct TriageCorpus {
    let root: URL
    var bundles: URL { root.appendingPathComponent("bundles") }
    /// A private `TMPDIR` for the runs, so tests can check that nothing is left behind.
    var temporary: URL { root.appendingPathComponent("tmp") }
    /// An analyzer wrapper: `*hang*` bundles sleep, `*crash*` bundles die of SIGSEGV, `*slow*` take two seconds,
    /// everything else runs licscope itself. Passed with the hidden `--analyzer` option.
    var analyzer: URL { root.appendingPathComponent("analyzer.sh") }

    static let fixtureFolders = [
        "auth-expired/match-state-expired", "CSCvf86710/match-service-stopped", "dns-failure/match-log-reason",
        "CSCvh16069/match-satellite-enhanced-ooc", "CSCvc94366/nomatch-proxy-443-working",
    ]

    /// Builds the corpus; `faults` adds the hanging and crashing bundles (a hang is `sleep hangSeconds`, distinct
    /// per test so a test can look for its own sleeper), `slow` one that takes two seconds.
    init(faults: Bool, slow: Bool = false, hangSeconds: Int = 987) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("triage-cli-\(UUID().uuidString.prefix(8))")
        let fm = FileManager.default
        try fm.createDirectory(at: bundles, withIntermediateDirectories: true)
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        let pkg = BinaryRunner.packageRoot
        let sample = pkg.appendingPathComponent("samples/proxy-443-bundle")
        try fm.copyItem(at: sample, to: bundles.appendingPathComponent("proxy-443"))
        for fixture in Self.fixtureFolders {
            try fm.copyItem(
                at: pkg.appendingPathComponent("rules/tests/" + fixture),
                to: bundles.appendingPathComponent(fixture.replacingOccurrences(of: "/", with: "--")))
        }
        let work = root.appendingPathComponent("work")
        try fm.createDirectory(at: work.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try Shell.check("cd '\(sample.deletingLastPathComponent().path)' && tar czf '\(bundles.path)/proxy-443.tar.gz' proxy-443-bundle")
        try Shell.check("cd '\(sample.deletingLastPathComponent().path)' && zip -qr '\(bundles.path)/proxy-443.zip' proxy-443-bundle")
        let zip = try Data(contentsOf: bundles.appendingPathComponent("proxy-443.zip"))
        try zip.prefix(zip.count / 2).write(to: bundles.appendingPathComponent("corrupt-truncated.zip"))
        try Data().write(to: bundles.appendingPathComponent("empty.log"))
        try Data("slip\n".utf8).write(to: work.appendingPathComponent("evil.txt"))
        try Shell.check("cd '\(work.path)/inner' && zip -q '\(bundles.path)/hostile-slip.zip' ../evil.txt")
        try Shell.check("cd '\(work.path)' && head -c 60000000 /dev/zero > zeros.log && zip -q '\(bundles.path)/hostile-bomb.zip' zeros.log && rm zeros.log")
        let slm = try String(contentsOf: sample.appendingPathComponent("cm/trace/slm/log4j/slm.log"), encoding: .utf8)
        try Data(String(repeating: slm, count: 4 << 20 / max(slm.utf8.count, 1)).utf8)
            .write(to: bundles.appendingPathComponent("large-slm.log"))
        if faults {
            try Data("hang\n".utf8).write(to: bundles.appendingPathComponent("hang.log"))
            try Data("crash\n".utf8).write(to: bundles.appendingPathComponent("crash.log"))
        }
        if slow {
            try fm.copyItem(at: sample, to: bundles.appendingPathComponent("m-slow"))
            try Data("uploaded twice\n".utf8).write(to: bundles.appendingPathComponent("m-slow/NOTE.txt"))
        }
        let script = """
            #!/bin/sh
            for a in "$@"; do last="$a"; done
            case "$last" in
              *hang*) exec sleep \(hangSeconds) ;;
              *crash*) kill -SEGV $$ ;;
              *slow*) sleep 2 ;;
            esac
            exec '\(BinaryRunner.binary.path)' "$@"

            """
        try Data(script.utf8).write(to: analyzer)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: analyzer.path)
    }

    /// The bundles triage should find: every top-level entry.
    var expectedPaths: Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: bundles.path)) ?? []).map { bundles.path + "/" + $0 })
    }

    func remove() { try? FileManager.default.removeItem(at: root) }


    /// The lines of a results file as objects, without the machine-dependent fields (wall time, memory).
    static func normalizedLines(_ path: String) throws -> [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { line in
            var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            object["wall_seconds"] = nil
            object["peak_memory_bytes"] = nil
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }

    static func objects(_ path: String) throws -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }
}
