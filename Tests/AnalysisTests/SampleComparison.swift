import Foundation
import LicensingModel

/// Compares an analysis (its JSON report and its events) with a sample's expected.yaml; each difference is one
/// readable line.
struct SampleComparison {
    let expected: SampleExpectation
    let report: [String: Any]
    let events: [Event]

    func mismatches() -> [String] {
        findings() + finalStates() + unreadable() + expected.instants.compactMap(instant) + skew()
    }

    private func findings() -> [String] {
        let ids = Set(list("findings").compactMap { $0["id"] as? String })
        var out = expected.findings.must.filter { !ids.contains($0) }
            .map { "finding \($0) must appear; found \(ids.sorted())" }
        out += expected.findings.must_not.filter(ids.contains).map { "finding \($0) must not appear" }
        return out
    }

    private func finalStates() -> [String] {
        let states = list("states")
        return (expected.final_states ?? [:]).sorted { $0.key < $1.key }.compactMap { dimension, want in
            let last = states.filter { ($0["dimension"] as? String) == dimension }.last
            let got = last?["value"] as? String
            return got?.caseInsensitiveCompare(want) == .orderedSame
                ? nil : "final \(dimension) should be \(want), is \(got ?? "missing")"
        }
    }

    private func unreadable() -> [String] {
        let got = (report["verdict"] as? [String: Any])?["partly_unreadable"] as? Bool ?? false
        return got == expected.partly_unreadable ? [] : ["partly_unreadable should be \(expected.partly_unreadable), is \(got)"]
    }

    private func instant(_ i: SampleExpectation.Instant) -> String? {
        var candidates: [Double] = []
        if let kind = i.event {
            candidates = events.filter { $0.kind.rawValue == kind && fileName($0.source.path) == i.source }
                .compactMap { $0.time?.instant.timeIntervalSince1970 }
        } else if let r = i.runway {
            candidates = times(in: list("runway"), matching: r)
        } else if let t = i.transition {
            candidates = times(in: list("transitions"), matching: t) + times(in: list("runway"), matching: t)
        }
        guard let nearest = candidates.min(by: { abs($0 - i.epoch) < abs($1 - i.epoch) }) else {
            return "no \(i.what) at all (expected \(i.utc) ± \(Int(i.tolerance_seconds)) s; \(i.basis))"
        }
        let off = nearest - i.epoch
        guard abs(off) > i.tolerance_seconds else { return nil }
        return "\(i.what) off by \(Int(off.rounded())) s: \(iso(nearest)) instead of \(i.utc) "
            + "± \(Int(i.tolerance_seconds)) s (\(i.basis))"
    }

    private func skew() -> [String] {
        guard let want = expected.skew else { return [] }
        guard let got = (report["skew"] as? [String: Any])?["offset_seconds"] as? Double else {
            return want.required == false ? []
                : ["no clock offset between logs and capture found (expected \(want.offset_seconds) s)"]
        }
        return abs(got - want.offset_seconds) <= want.tolerance_seconds ? []
            : ["clock offset \(got) s instead of \(want.offset_seconds) ± \(want.tolerance_seconds) s (\(want.basis))"]
    }

    // MARK: helpers

    private func list(_ key: String) -> [[String: Any]] { report[key] as? [[String: Any]] ?? [] }

    private func times(in entries: [[String: Any]], matching m: SampleExpectation.DimensionState) -> [Double] {
        entries.filter { ($0["dimension"] as? String) == m.dimension && ($0["to"] as? String) == m.to }
            .compactMap { ($0["at"] as? String).flatMap(Self.parse) }
    }

    /// The file name of a source path, also inside archives (`a.zip!dir/slm.log` → `slm.log`).
    private func fileName(_ path: String) -> String {
        String(path.split(whereSeparator: { $0 == "/" || $0 == "!" }).last ?? "")
    }

    static func parse(_ text: String) -> Double? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d.timeIntervalSince1970 }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)?.timeIntervalSince1970
    }

    private func iso(_ t: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: t))
    }
}
