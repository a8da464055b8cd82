import Foundation
import LicensingModel
import PacketIngest
import Rules

/// The plain-text pre-flight report: the ladder, each stage with its time, the failure, findings, caveats,
/// runway and the capture comparison.
public enum PreflightText {
    /// Renders `result`.
    public static func render(_ r: PreflightResult) -> String {
        var out = "licscope preflight → \(r.target)" + (r.proxy.map { " via proxy \($0)" } ?? "") + "\n"
        out += "started \(r.startedAt.iso8601UTC)\n"
        out += "ladder: \(r.ladder.ladderText)\n\n"
        for s in r.stages {
            let mark = s.ok ? "ok  " : "FAIL"
            let ms = String(format: "%8.1f ms", s.milliseconds)
            out += "  \(mark) \(s.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(ms)  \(s.summary)\n"
            if let w = s.warning { out += "       warning: \(w)\n" }
        }
        if let failed = r.failedStage {
            out += "\nRESULT: fails at \(failed.name) (exit \(r.exitCode)): \(failed.summary)\n"
        } else {
            out += "\nRESULT: every stage passed (exit 0)\n"
        }
        if !r.findings.isEmpty {
            out += "\nfindings (same rules as offline analysis):\n"
            for f in r.findings {
                out += "  [\(f.severity.rawValue)] \(f.id) rev \(f.rule.rev): \(f.rule.title)\n      \(f.rule.verdict)\n"
                out += "      remediation: \(f.rule.remediation)\n"
            }
        }
        if !r.caveats.isEmpty {
            out += "\ncaveats:\n"
            for c in r.caveats { out += "  \(c.rule): \(c.text)\n" }
        }
        if !r.runway.isEmpty {
            out += "\nrunway (from --status, by the state engine):\n"
            for line in r.runway { out += "  \(line)\n" }
        }
        if let c = r.capture {
            out += "\ncapture \(c.path): "
            if let e = c.error, c.frames == 0 {
                out += e + "\n"
            } else {
                out += "\(c.frames) frames; offline ladder \(c.ladders.last ?? "none")"
                out += c.agrees ? " — agrees with the live ladder\n" : " — DIFFERS from the live ladder (offline failing stage: \(c.failedStage ?? "none"))\n"
                if !c.findings.isEmpty { out += "  offline findings: \(c.findings.joined(separator: ", "))\n" }
                if let e = c.error { out += "  \(e)\n" }
            }
        }
        return Redaction.redact(out)
    }
}
