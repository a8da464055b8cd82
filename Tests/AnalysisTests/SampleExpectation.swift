import Foundation
import Yams

/// One `samples/<name>/expected.yaml`: the ground truth a sample was built with (samples/make/), which the scenario
/// test compares with what `licscope analyze` finds in `samples/<name>/bundle`.
struct SampleExpectation: Decodable, Sendable {
    /// Findings that must and must not appear (rule ids).
    struct Findings: Decodable, Sendable {
        var must: [String]
        var must_not: [String]
    }

    /// A state dimension and the state it reaches, in the history or on the runway.
    struct DimensionState: Decodable, Sendable {
        var dimension: String
        var to: String
    }

    /// A key instant in UTC with its tolerance and where the true value comes from.
    struct Instant: Decodable, Sendable {
        var what: String
        /// An event of this kind read from the file whose name is `source` happens at `epoch`.
        var event: String?
        var source: String?
        /// The runway holds this change at `epoch`.
        var runway: DimensionState?
        /// The history or the runway holds this change at `epoch`.
        var transition: DimensionState?
        var utc: String
        var epoch: Double
        var tolerance_seconds: Double
        var basis: String
    }

    /// The offset between the log clock and the capture clock. When `required` is false licscope may find none
    /// (too few attempts to pair), but any offset it reports must be this one.
    struct Skew: Decodable, Sendable {
        var required: Bool?
        var offset_seconds: Double
        var tolerance_seconds: Double
        var basis: String
    }

    /// A sample whose expectation waits for another issue's work: compared, and its mismatches reported as a known
    /// issue instead of failing the run.
    struct Pending: Decodable, Sendable {
        var issue: Int
        var reason: String
    }

    var sample: String
    var zone: String
    var findings: Findings
    var final_states: [String: String]?
    var partly_unreadable: Bool
    var instants: [Instant]
    var skew: Skew?
    var pending: Pending?

    /// The samples with an expected.yaml under `samplesDirectory`, by name.
    static func all(in samplesDirectory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: samplesDirectory.appendingPathComponent("\($0)/expected.yaml").path)
        }.sorted()
    }

    static func load(_ file: URL) throws -> SampleExpectation {
        try parse(String(contentsOf: file, encoding: .utf8))
    }

    static func parse(_ yaml: String) throws -> SampleExpectation {
        try YAMLDecoder().decode(SampleExpectation.self, from: yaml)
    }
}
