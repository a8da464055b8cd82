import Foundation
import LicensingModel
import Rules

/// Turns a rule fixture directory into evidence through the whole pipeline (`rules test`), so a fixture of raw
/// inputs — a `show license all`, log excerpts, a capture — proves the parsers and the rule together.
public enum PipelineFixtures {
    /// Files in a fixture directory that describe the fixture rather than being evidence.
    public static let descriptorNames: Set<String> = ["events.jsonl", "fixture.yaml", "README.md", "expected.yaml"]

    /// A loader that reads raw inputs when the fixture has any, and falls back to its `events.jsonl` otherwise.
    public static func loader(options: AnalysisOptions) -> FixtureLoader {
        { directory in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let raw = files.filter { !descriptorNames.contains($0) && !$0.hasPrefix(".") }.sorted()
            guard !raw.isEmpty else { return try RuleFixtures.eventsLoader(directory) }
            let paths = raw.map { directory.appendingPathComponent($0).path }
            var opts = options
            opts.rules = nil
            return AnalysisRun.gather(paths: paths, options: opts).0
        }
    }
}
