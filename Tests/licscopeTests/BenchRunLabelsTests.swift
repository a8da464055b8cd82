import Foundation
import Testing

/// `bench run` names its rows the same way whichever benchmark measures a command (`logs`, `varied`): the table's
/// labels, output files and comparisons are what the README's Performance section quotes.
@Suite("bench run: row labels and outputs of the trace commands")
struct BenchRunLabelsTests {
    @Test("logs and varied on 1 MB traces: every events/analyze row, with its output file")
    func labels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-labels-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows: [String] = []
        for only in ["logs", "varied"] {
            let r = try BinaryRunner.run(["bench", "run", "--only", only, "--log-mb", "1", "--runs", "1", "--out", dir.path])
            #expect(r.status == 0, "\(r.stderr)")
            rows += r.stdout.split(separator: "\n").map(String.init).filter { $0.contains(" s wall") }
                .compactMap { $0.components(separatedBy: ": ").first }
        }
        #expect(rows.filter { $0.hasPrefix("events") || $0.hasPrefix("analyze") } == [
            "events --format jsonl (1 MB dense) > file", "events --format jsonl (1 MB sparse) > file",
            "analyze (1 MB dense trace) > file", "analyze --format jsonl (1 MB dense trace) > file",
            "events --format jsonl (1 MB dense) > file", "events --format jsonl (1 MB varied) > file",
            "analyze (1 MB dense trace) > file", "analyze (1 MB varied trace) > file",
        ])
        for name in ["events-dense", "events-sparse", "events-varied", "analyze-dense", "analyze-jsonl-dense", "analyze-varied"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("out-\(name)").path))?[.size]
            #expect((size as? NSNumber)?.intValue ?? 0 > 0, "out-\(name)")
        }
    }
}
