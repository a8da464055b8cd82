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
        let arguments = ["--format", "json", "-o", jsonPath, "--fail-on", configuration.failOn.rawValue]
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
        let memoryHit = Self.looksLikeMemoryExhaustion(stderrTail)
            || Double(exit.peakMemoryBytes) >= 0.9 * Double(configuration.maxMemoryMiB) * 1_048_576
        if exit.timedOut {
            record.outcome = .timedOut
            record.analysis.detail = "still running after \(Self.seconds(configuration.timeoutSeconds)) (--timeout); its process group was killed"
        } else if let signal = exit.signal {
            record.outcome = memoryHit ? .memoryLimit : .crashed
            record.analysis.detail = "ended by signal \(signal)" + (memoryHit ? " at the memory limit of \(configuration.maxMemoryMiB) MiB (--max-memory)" : "")
                + (stderrTail.isEmpty ? "" : ": " + stderrTail)
        } else if let code = exit.exitCode, let data = FileManager.default.contents(atPath: jsonPath),
            let digest = AnalysisDigest.read(data)
        {
            record.outcome = .analyzed
            digest.fill(&record, exit: AnalysisExitCode(code: code), failOn: configuration.failOn)
            record.report = writeFullReport(path: path, sha256: fingerprint.sha256, work: work)
        } else {
            record.outcome = memoryHit ? .memoryLimit : .failed
            record.analysis.detail = (memoryHit ? "ran out of memory under --max-memory \(configuration.maxMemoryMiB) MiB; " : "")
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

    /// With `--reports`, the bundle's own full report (a second analysis, same limits); its path, or nil.
    private func writeFullReport(path: String, sha256: String, work: String) -> String? {
        guard let (directory, format) = configuration.reports else { return nil }
        let name = (path.split(separator: "/").last.map(String.init) ?? "bundle")
            .map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" }
        let target = directory + "/" + String(name) + "-" + sha256.prefix(12) + (format == "html" ? ".html" : ".md")
        // Markdown is a case-note summary unless --full; these are the full reports the summary links to.
        let arguments = ["--format", format] + (format == "markdown" ? ["--full"] : [])
            + ["-o", target, "--fail-on", configuration.failOn.rawValue] + configuration.analyzeOptions + [path]
        guard let exit = try? run(arguments: arguments, work: work), exit.signal == nil, !exit.timedOut,
            FileManager.default.fileExists(atPath: target)
        else { return nil }
        return target
    }

    /// The last 400 bytes of a child's stderr, on one line.
    static func tail(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return "" }
        let text = String(decoding: data.suffix(400), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " | ")
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
