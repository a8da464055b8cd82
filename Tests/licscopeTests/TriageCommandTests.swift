import Foundation
import TestSupport
import Testing

/// `licscope triage` end to end, on a folder of real, damaged, hostile, hanging and crashing bundles.
@Suite("licscope triage")
struct TriageCommandTests {
    /// Starts licscope in the background with a private TMPDIR; stdout and stderr go to files in the corpus.
    static func start(_ arguments: [String], corpus: TriageCorpus, name: String) throws -> Process {
        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = arguments
        p.currentDirectoryURL = BinaryRunner.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = corpus.temporary.path
        p.environment = env
        FileManager.default.createFile(atPath: corpus.root.path + "/\(name).stdout", contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: corpus.root.path + "/\(name).stdout")
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func run(_ arguments: [String], corpus: TriageCorpus, name: String) throws -> (status: Int32, stdout: String) {
        let p = try start(arguments, corpus: corpus, name: name)
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOfFile: corpus.root.path + "/\(name).stdout", encoding: .utf8)) ?? "")
    }

    static func lineCount(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// What the run left in its TMPDIR.
    static func leftovers(_ corpus: TriageCorpus) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: corpus.temporary.path)) ?? []
    }

    @Test("every bundle gets exactly one line, the summary counts match the lines, a rerun skips everything")
    func acceptance() throws {
        let corpus = try TriageCorpus(faults: true)
        defer { corpus.remove() }
        let out = corpus.root.path + "/results.jsonl"
        let args = ["triage", corpus.bundles.path, "--out", out, "--jobs", "2", "--timeout", "30", "--analyzer", corpus.analyzer.path]
        let first = try Self.run(args, corpus: corpus, name: "first")
        #expect(first.status == 4, "findings and bundles not analyzed in full: \(first.stdout)")
        let objects = try TriageCorpus.objects(out)
        let paths = objects.compactMap { $0["path"] as? String }
        #expect(paths.count == corpus.expectedPaths.count && Set(paths) == corpus.expectedPaths)
        let byName = Dictionary(uniqueKeysWithValues: objects.map { (($0["path"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "", $0) })
        #expect(byName["hang.log"]?["outcome"] as? String == "timed_out")
        #expect(byName["crash.log"]?["outcome"] as? String == "crashed")
        for name in ["proxy-443", "proxy-443.zip", "proxy-443.tar.gz"] {
            let findings = (byName[name]?["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(findings.contains("CSCvc94366"), "\(name): \(findings)")
            #expect((byName[name]?["sha256"] as? String)?.count == 64)
        }
        for hostile in ["hostile-slip.zip", "hostile-bomb.zip"] {
            let damage = byName[hostile]?["damage"] as? [[String: Any]] ?? []
            #expect(damage.contains { $0["status"] as? String == "refused" }, "\(hostile): \(damage)")
        }
        #expect((byName["empty.log"]?["verdict"] as? [String: Any])?["status"] as? String == "no_evidence")
        #expect(byName["large-slm.log"]?["outcome"] as? String == "analyzed")
        #expect(objects.allSatisfy { $0["schema"] as? String == "licscope.triage/1" })

        // The summary's counts are the lines' counts.
        #expect(first.stdout.contains("TRIAGE \(objects.count) bundle(s)"))
        let outcomes = Dictionary(grouping: objects, by: { $0["outcome"] as? String ?? "" }).mapValues(\.count)
        let outcomeLine = outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        #expect(first.stdout.contains("  outcome: \(outcomeLine)\n"), "\(first.stdout)")
        let proxyCount = objects.filter { (($0["findings"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "CSCvc94366" } }.count
        #expect(first.stdout.contains("  \(proxyCount)\thigh\tCSCvc94366\n"))
        #expect(first.stdout.contains("timed_out\t\(corpus.bundles.path)/hang.log"))
        #expect(Self.leftovers(corpus).isEmpty, "temporary files left: \(Self.leftovers(corpus))")

        // A rerun analyzes nothing and writes nothing.
        let second = try Self.run(args, corpus: corpus, name: "second")
        #expect(second.status == 4)
        #expect(Self.lineCount(out) == objects.count)
        #expect(second.stdout.contains("TRIAGE \(objects.count) bundle(s)"))
    }

    @Test("a run killed with SIGKILL mid-batch, its last line cut short, resumes to the result of an uninterrupted run")
    func killedRunResumes() throws {
        let corpus = try TriageCorpus(faults: false, slow: true)
        defer { corpus.remove() }
        let reference = corpus.root.path + "/reference.jsonl"
        let resumed = corpus.root.path + "/resumed.jsonl"
        let common = [corpus.bundles.path, "--timeout", "60", "--analyzer", corpus.analyzer.path, "--jobs", "1"]
        _ = try Self.run(["triage"] + common + ["--out", reference], corpus: corpus, name: "reference")

        let killed = try Self.start(["triage"] + common + ["--out", resumed], corpus: corpus, name: "killed")
        let deadline = Date().addingTimeInterval(60)
        while Self.lineCount(resumed) < 2 && Date() < deadline && killed.isRunning { usleep(20_000) }
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let done = Self.lineCount(resumed)
        #expect(done >= 2 && done < corpus.expectedPaths.count, "killed mid-batch: \(done) lines")
        // As if the machine died in the middle of a write.
        let handle = try #require(FileHandle(forWritingAtPath: resumed))
        handle.seekToEndOfFile()
        handle.write(Data("{\"schema\":\"licscope.tri".utf8))
        try handle.close()

        let rerun = try Self.run(["triage"] + common + ["--out", resumed], corpus: corpus, name: "rerun")
        #expect(rerun.status == 4 || rerun.status == 1 || rerun.status == 3)
        #expect(try TriageCorpus.normalizedLines(resumed) == TriageCorpus.normalizedLines(reference))
        #expect(Self.lineCount(resumed) == corpus.expectedPaths.count)
    }

    @Test("two shards (--shard 0/2, 1/2) concatenated equal one run, but for wall time and memory")
    func shardsMergeToOneRun() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let whole = corpus.root.path + "/whole.jsonl"
        let common = ["triage", corpus.bundles.path, "--jobs", "2", "--timeout", "60"]
        _ = try Self.run(common + ["--out", whole], corpus: corpus, name: "whole")
        var merged: [String] = []
        for k in 0..<2 {
            let part = corpus.root.path + "/shard-\(k).jsonl"
            _ = try Self.run(common + ["--out", part, "--shard", "\(k)/2"], corpus: corpus, name: "shard\(k)")
            #expect(Self.lineCount(part) > 0, "shard \(k) took no bundle")
            merged += try TriageCorpus.normalizedLines(part)
        }
        #expect(merged.sorted() == (try TriageCorpus.normalizedLines(whole)))
        #expect(Self.lineCount(whole) == corpus.expectedPaths.count)
    }

    @Test("SIGINT: running analyses are killed, their bundles get no line, no temporary file is left, exit 130")
    func interrupt() throws {
        let corpus = try TriageCorpus(faults: true, hangSeconds: 986)
        defer { corpus.remove() }
        let out = corpus.root.path + "/results.jsonl"
        let p = try Self.start(
            ["triage", corpus.bundles.path, "--out", out, "--jobs", "2", "--timeout", "120", "--analyzer", corpus.analyzer.path],
            corpus: corpus, name: "interrupted")
        let deadline = Date().addingTimeInterval(60)
        while Self.lineCount(out) < corpus.expectedPaths.count - 1 && Date() < deadline { usleep(50_000) }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let outcomes = try TriageCorpus.objects(out).compactMap { $0["outcome"] as? String }
        #expect(!outcomes.contains("timed_out") && outcomes.count == corpus.expectedPaths.count - 1)
        #expect(Self.leftovers(corpus).isEmpty, "temporary files left: \(Self.leftovers(corpus))")
        let left = try Shell.run("ps -eo args | grep -c '^sleep 986' || true").text
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "the hanging analysis survived")
    }

    @Test("--watch takes a bundle once it is complete, never a partial name, until interrupted")
    func watch() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let inbox = corpus.root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let out = corpus.root.path + "/watched.jsonl"
        let p = try Self.start(["triage", "--watch", inbox.path, "--settle", "0.5", "--out", out], corpus: corpus, name: "watch")
        let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle/show-license-all.txt")
        try FileManager.default.copyItem(at: sample, to: inbox.appendingPathComponent("upload.txt.part"))
        try FileManager.default.copyItem(at: sample, to: inbox.appendingPathComponent(".hidden.txt"))
        usleep(1_500_000)
        #expect(Self.lineCount(out) == 0, "a partial upload was taken")
        try FileManager.default.moveItem(at: inbox.appendingPathComponent("upload.txt.part"), to: inbox.appendingPathComponent("upload.txt"))
        let deadline = Date().addingTimeInterval(60)
        while Self.lineCount(out) < 1 && Date() < deadline { usleep(100_000) }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let paths = try TriageCorpus.objects(out).compactMap { $0["path"] as? String }
        #expect(paths == [inbox.path + "/upload.txt"])
        let stdout = (try? String(contentsOfFile: corpus.root.path + "/watch.stdout", encoding: .utf8)) ?? ""
        #expect(stdout.contains("TRIAGE 1 bundle(s)"))
        #expect(Self.leftovers(corpus).isEmpty)
    }

    @Test("--format html --reports: a table linking each bundle to its own full report")
    func htmlReports() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let reports = corpus.root.path + "/reports"
        let r = try Self.run(
            ["triage", corpus.bundles.path + "/proxy-443.zip", corpus.bundles.path + "/empty.log", "--out", corpus.root.path + "/o.jsonl",
             "--format", "html", "--reports", reports],
            corpus: corpus, name: "html")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        let links = try TriageCorpus.objects(corpus.root.path + "/o.jsonl").compactMap { $0["report"] as? String }
        #expect(!links.isEmpty)
        for link in links {
            #expect(r.stdout.contains("<a href=\"\(link)\">"))
            let html = try String(contentsOfFile: link, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))
        }
        #expect(try Self.run(["triage", corpus.bundles.path, "--out", "/nonexistent/dir/o.jsonl"], corpus: corpus, name: "io").status == 2)
        #expect(try Self.run(["triage", corpus.bundles.path, "--out", "x", "--shard", "2/2"], corpus: corpus, name: "use").status == 2)
    }

    /// An analyzer wrapper that logs each call's last argument (the bundle) to `calls.log`; bundles named `*first*`
    /// mark `first-started` and wait (up to 30 s) for `second-done`, which a `*second*` bundle's analysis writes.
    static func orderingAnalyzer(_ corpus: TriageCorpus) throws -> String {
        let root = corpus.root.path
        let script = """
            #!/bin/sh
            for a in "$@"; do last="$a"; done
            echo "$last" >> '\(root)/calls.log'
            case "$last" in
              *first*) touch '\(root)/first-started'
                n=0; while [ ! -e '\(root)/second-done' ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n+1)); done ;;
              *second*) '\(BinaryRunner.binary.path)' "$@"; rc=$?; touch '\(root)/second-done'; exit $rc ;;
            esac
            exec '\(BinaryRunner.binary.path)' "$@"

            """
        let path = root + "/ordering-analyzer.sh"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("--reports: the analysis that gives the line also writes the full report (one analysis per bundle)")
    func reportsInTheSameRun() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let analyzer = try Self.orderingAnalyzer(corpus)
        let reports = corpus.root.path + "/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        let bundle = corpus.bundles.path + "/proxy-443.zip"
        let r = try Self.run(
            ["triage", bundle, "--out", corpus.root.path + "/o.jsonl", "--format", "markdown", "--reports", reports,
             "--analyzer", analyzer],
            corpus: corpus, name: "reports")
        #expect(r.status == 1 || r.status == 0, "\(r.stdout)")
        let calls = try String(contentsOfFile: corpus.root.path + "/calls.log", encoding: .utf8).split(separator: "\n")
        #expect(calls == [Substring(bundle)])
        let link = try #require(try TriageCorpus.objects(corpus.root.path + "/o.jsonl").first?["report"] as? String)
        #expect(link.hasPrefix(reports + "/proxy-443.zip-"))
        #expect(try String(contentsOfFile: link, encoding: .utf8).contains("CSCvc94366"))
    }

    @Test("--watch: a bundle arriving while another is analyzed starts in the free slot, not after the batch")
    func watchStartsArrivalsInFreeSlots() throws {
        let corpus = try TriageCorpus(faults: false)
        defer { corpus.remove() }
        let analyzer = try Self.orderingAnalyzer(corpus)
        let inbox = corpus.root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let out = corpus.root.path + "/watched.jsonl"
        let p = try Self.start(
            ["triage", "--watch", inbox.path, "--settle", "0.2", "--jobs", "2", "--out", out, "--analyzer", analyzer],
            corpus: corpus, name: "watch-slots")
        defer { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        let sample = BinaryRunner.packageRoot.appendingPathComponent("samples/proxy-443-bundle/show-license-all.txt")
        try FileManager.default.copyItem(at: sample, to: inbox.appendingPathComponent("first.txt"))
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: corpus.root.path + "/first-started") && Date() < deadline { usleep(50_000) }
        // The first bundle's analysis is now waiting for the second's; the second arrives during that batch.
        try Data((try String(contentsOf: sample, encoding: .utf8) + "\n").utf8).write(to: inbox.appendingPathComponent("second.txt"))
        while Self.lineCount(out) < 2 && Date() < deadline { usleep(100_000) }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let paths = try TriageCorpus.objects(out).compactMap { $0["path"] as? String }
        // Waiting for the batch, the first bundle would give up after 30 s and finish before the second started.
        #expect(paths == [inbox.path + "/second.txt", inbox.path + "/first.txt"])
        #expect(Self.leftovers(corpus).isEmpty)
    }
}
