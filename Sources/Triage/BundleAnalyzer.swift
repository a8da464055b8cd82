import Foundation
import Rules

/// Analyzes one bundle in a child process and turns how it ended, and the JSON report it wrote, into its line.
struct BundleAnalyzer: Sendable {
    var configuration: TriageConfiguration
    var registry: ChildRegistry

    /// The bundle's record; nil when the run was interrupted while it was analyzed (it gets no line, and a rerun
    /// takes it again).
    func analyze(path: String, fingerprint: BundleFingerprint, slot: Int) -> TriageRecord? {
        let work = configuration.temporaryDirectory + "/job-\(slot)-\(fingerprint.sha256.prefix(12))"
        try? FileManager.default.createDirectory(atPath: work + "/tmp", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let jsonPath = work + "/report.json"
        let fullReport = reportPath(path: path, sha256: fingerprint.sha256)
        let arguments = ["--format", "json", "-o", jsonPath, "--fail-on", configuration.failOn.rawValue]
            + (fullReport.map { ["--also-report", "\($0.format):\($0.path)"] } ?? [])
            + configuration.analyzeOptions + [path]
        var record = TriageRecord(
            path: path, kind: fingerprint.kind, sha256: fingerprint.sha256, bytes: fingerprint.bytes, outcome: .failed,
            analysis: .init(), wallSeconds: 0, peakMemoryBytes: 0)
        let exit: ChildExit
        do {
            exit = try run(arguments: arguments, work: work)
        } catch {
            if registry.isCancelled { return nil }
            record.analysis.detail = "\(error)"
            return record
        }
        if exit.interrupted { return nil }
        record.wallSeconds = (exit.wallSeconds * 1000).rounded() / 1000
        record.peakMemoryBytes = exit.peakMemoryBytes
        record.analysis = .init(exitCode: exit.exitCode, meaning: exit.exitCode.map { AnalysisExitCode(code: $0).rawValue }, signal: exit.signal)
        let stderrTail = Self.tail(of: work + "/stderr.txt")
        let memorySign = Self.memoryLimitSign(stderr: stderrTail, peakBytes: exit.peakMemoryBytes, limitMiB: configuration.maxMemoryMiB)
        let memoryHit = memorySign != nil
        let limit = "the memory limit of \(configuration.maxMemoryMiB) MiB (--max-memory)"
        if exit.timedOut {
            record.outcome = .timedOut
            record.analysis.detail = "still running after \(Self.seconds(configuration.timeoutSeconds)) (--timeout); its process group was killed"
        } else if let signal = exit.signal {
            record.outcome = memoryHit ? .memoryLimit : .crashed
            record.analysis.detail = "ended by signal \(signal)" + (memorySign.map { "; probably \(limit) [inferred: \($0)]" } ?? "")
                + (stderrTail.isEmpty ? "" : ": " + stderrTail)
        } else if let code = exit.exitCode, let data = FileManager.default.contents(atPath: jsonPath),
            let digest = AnalysisDigest.read(data)
        {
            record.outcome = .analyzed
            digest.fill(&record, exit: AnalysisExitCode(code: code), failOn: configuration.failOn)
            record.report = fullReport.map(\.path).flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        } else {
            record.outcome = memoryHit ? .memoryLimit : .failed
            record.analysis.detail = (memorySign.map { "probably ran into \(limit) [inferred: \($0)]; " } ?? "")
                + "no report" + (stderrTail.isEmpty ? "" : ": " + stderrTail)
        }
        return record
    }

    /// Runs `analyze ARGS…` through the worker, with the run's limits, its temporary files under `work`.
    private func run(arguments: [String], work: String) throws -> ChildExit {
        var environment = configuration.environment
        environment["TMPDIR"] = work + "/tmp"
        return try ChildProcess.run(
            executable: configuration.workerExecutable, arguments: configuration.workerArguments(analyze: arguments),
            environment: environment, stderrPath: work + "/stderr.txt", timeout: configuration.timeoutSeconds,
            registry: registry)
    }

    /// With `--reports`, where the bundle's full report goes and its format; the same analysis writes it
    /// (`analyze --also-report`), so the bundle is analyzed once.
    private func reportPath(path: String, sha256: String) -> (format: String, path: String)? {
        guard let (directory, format) = configuration.reports else { return nil }
        let name = (path.split(separator: "/").last.map(String.init) ?? "bundle")
            .map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" }
        return (format, directory + "/" + String(name) + "-" + sha256.prefix(12) + (format == "html" ? ".html" : ".md"))
    }

    /// The last 400 bytes of a child's stderr, on one line.
    static func tail(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return "" }
        let text = String(decoding: data.suffix(400), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " | ")
    }

    /// Why an analysis that ended badly is taken to have hit the memory limit, or nil. An inference: `RLIMIT_DATA`
    /// makes allocations fail, and the process then aborts or exits in its own way; neither says "memory limit".
    static func memoryLimitSign(stderr: String, peakBytes: Int, limitMiB: Int) -> String? {
        if looksLikeMemoryExhaustion(stderr) { return "its stderr reports an allocation failure" }
        let limitBytes = Double(limitMiB) * 1_048_576
        guard Double(peakBytes) >= 0.9 * limitBytes else { return nil }
        return "its peak memory \(peakBytes / 1_048_576) MiB reached 90 % of the limit"
    }

    /// What allocators and the loader say when a memory limit is reached.
    static func looksLikeMemoryExhaustion(_ stderr: String) -> Bool {
        let lower = stderr.lowercased()
        return ["cannot allocate memory", "out of memory", "failed to map segment", "cannot map zero-fill",
            "bad_alloc", "memory allocation failed", "could not allocate"].contains { lower.contains($0) }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }
}
