import Foundation

/// The benchmark's measurements and verdicts, printed as they come and summarised as a Markdown table.
struct BenchTable {
    /// One measured command.
    struct Measurement {
        var name: String
        var cost: ProcessCost
    }

    let runs: Int
    private var rows: [String] = []
    private var notes: [String] = []

    init(runs: Int) { self.runs = runs }

    /// Records the conditions of the run.
    mutating func machine(_ state: String) {
        print("machine: \(state)")
        notes.append(state)
    }

    /// Runs `argv` `runs` times (best wall time, largest peak RSS) with standard output to `output`.
    mutating func measure(_ name: String, _ argv: [String], env: [String: String] = [:], output: String) -> Measurement? {
        let stderr = output + ".stderr"
        guard let cost = ProcessTimer.best(of: runs, argv, stdoutPath: output, stderrPath: stderr, environment: env) else {
            print("\(name): could not be started (\(argv[0]) missing?)")
            notes.append("\(name): not run")
            return nil
        }
        let status = cost.status == 0 ? "" : ", exit \(cost.status)"
        print(String(format: "%@: %.2f s wall, %.2f s CPU, peak RSS %.0f MB, %@ written%@", name, cost.wall, cost.cpu,
                     cost.peakRSSMB, Self.bytes(cost.outputBytes), status))
        if cost.status >= 128 || cost.status == 2 { notes.append("\(name) failed with exit \(cost.status); see \(stderr)") }
        return Measurement(name: name, cost: cost)
    }

    /// `ours` against a peer: at most `slowerAtMost` × its wall time (nil: ratio only) and below `rssBelowMB`.
    mutating func compare(_ ours: Measurement?, to peer: Measurement?, slowerAtMost: Double?, rssBelowMB: Double?) {
        guard let ours, let peer else { return }
        let ratio = ours.cost.wall / max(peer.cost.wall, 1e-6)
        var verdicts: [String] = []
        if let slowerAtMost { verdicts.append(String(format: "≤ %g× %@", slowerAtMost, ratio <= slowerAtMost ? "✓" : "✗")) }
        if let rssBelowMB { verdicts.append(Self.rssVerdict(ours.cost.peakRSSMB, below: rssBelowMB)) }
        add(ours, peer: peer, ratio: String(format: "%.2f× slower", ratio), target: verdicts.joined(separator: "; "))
    }

    /// `ours` against a slower peer: at least `atLeast` × faster.
    mutating func compare(_ ours: Measurement?, fasterThan peer: Measurement?, atLeast: Double) {
        guard let ours, let peer else { return }
        let ratio = peer.cost.wall / max(ours.cost.wall, 1e-6)
        add(ours, peer: peer, ratio: String(format: "%.1f× faster", ratio),
            target: String(format: "≥ %.0f× %@", atLeast, ratio >= atLeast ? "✓" : "✗"))
    }

    /// Peak RSS of `small` against `large` (the same command on a bigger input): at most `within` apart.
    mutating func compareRSS(_ small: Measurement?, with large: Measurement?, within: Double) {
        guard let small, let large else { return }
        let growth = large.cost.peakRSSMB / max(small.cost.peakRSSMB, 1) - 1
        add(small, peer: large, ratio: String(format: "RSS %.2f× of the larger run's", 1 / (1 + growth)),
            target: String(format: "RSS within %.0f%% %@", within * 100, growth <= within ? "✓" : "✗"))
    }

    /// `ours` against absolute targets.
    mutating func target(_ ours: Measurement?, seconds: Double?, rssMB: Double?, note: String) {
        guard let ours else { return }
        var verdicts: [String] = []
        if let seconds {
            verdicts.append(String(format: "≤ %.2f s %@", seconds, ours.cost.wall <= seconds ? "✓" : "✗"))
        }
        if let rssMB { verdicts.append(Self.rssVerdict(ours.cost.peakRSSMB, below: rssMB)) }
        add(ours, peer: nil, ratio: "", target: verdicts.joined(separator: "; ") + " (\(note))")
    }

    private mutating func add(_ ours: Measurement, peer: Measurement?, ratio: String, target: String) {
        let peerCell = peer.map { String(format: "%@: %.2f s, %.0f MB", $0.name, $0.cost.wall, $0.cost.peakRSSMB) } ?? ""
        rows.append(String(format: "| %@ | %.2f s | %.0f MB | %@ | %@ | %@ |", ours.name, ours.cost.wall,
                           ours.cost.peakRSSMB, peerCell, ratio, target))
    }

    /// Prints the Markdown table (the README's form) and the conditions.
    func printSummary() {
        print("\nwhole processes, output to files, best of \(runs) (peak RSS: largest of the runs)\n")
        print("| licscope | wall | peak RSS | peer (same run) | ratio | target |")
        print("|---|---|---|---|---|---|")
        rows.forEach { print($0) }
        notes.forEach { print("- \($0)") }
    }

    private static func rssVerdict(_ mb: Double, below: Double) -> String {
        String(format: "RSS < %.0f MB %@", below, mb < below ? "✓" : "✗")
    }

    private static func bytes(_ n: Int) -> String {
        n >= 1_000_000 ? String(format: "%.1f MB", Double(n) / 1e6) : "\(n) bytes"
    }
}
