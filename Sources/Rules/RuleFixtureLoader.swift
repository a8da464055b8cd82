import Foundation
import LicensingModel
import Yams

/// Turns a fixture directory into evidence. `rules test` gets one from the executable (which runs the whole
/// ingest → engine pipeline); ``RuleFixtures/eventsLoader`` reads `events.jsonl` + `fixture.yaml` so rules can
/// be tested alone.
public typealias FixtureLoader = @Sendable (URL) throws -> RuleEvidence

/// The built-in fixture reader.
///
/// `events.jsonl` holds one event per line (see ``FixtureEventDecoder``). The optional `fixture.yaml` says:
/// ```yaml
/// present: [cli, license_manager_log]        # evidence kinds; inferred from the events when absent
/// evidence_end: 2018-05-01T00:00:00Z         # defaults to the last event time
/// expect: not_evaluated                      # optional: a nomatch fixture that must be skipped for lack of evidence
/// intervals:                                 # the engine's state intervals
///   - {dimension: authorization, value: AUTHORIZED, start: 2018-01-26T09:42:59Z, end: null, cause: …, evidence: [f:12]}
/// ```
public enum RuleFixtures {
    /// Reads `events.jsonl` and `fixture.yaml` from a fixture directory.
    public static let eventsLoader: FixtureLoader = { directory in try load(directory) }

    /// The `expect:` of a fixture: nil (decided by the directory name) or `not_evaluated`.
    static func expectation(in directory: URL) -> String? {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("fixture.yaml"), encoding: .utf8),
            let node = try? Yams.compose(yaml: text), let value = node["expect"]?.string
        else { return nil }
        return value
    }

    static func load(_ directory: URL) throws -> RuleEvidence {
        let eventsURL = directory.appendingPathComponent("events.jsonl")
        let display = directory.lastPathComponent + "/events.jsonl"
        var events: [Event] = []
        if let data = FileManager.default.contents(atPath: eventsURL.path) {
            events = try FixtureEventDecoder.events(jsonl: String(decoding: data, as: UTF8.self), file: display)
        }
        events.sort(by: Event.timelineOrder)
        var evidence = RuleEvidence(events: events, present: inferredPresence(events))
        let settingsURL = directory.appendingPathComponent("fixture.yaml")
        if let data = FileManager.default.contents(atPath: settingsURL.path) {
            try apply(String(decoding: data, as: UTF8.self), file: directory.lastPathComponent + "/fixture.yaml",
                to: &evidence)
        }
        return evidence
    }

    /// Which evidence kinds the events imply, by source file name and event kind.
    public static func inferredPresence(_ events: [Event]) -> Set<EvidenceKind> {
        var present = Set<EvidenceKind>()
        for event in events where event.kind != .stateTransition && event.kind != .engineAnomaly {
            let path = event.source.path.lowercased()
            if case .frame = event.source.location { present.insert(.capture); continue }
            if path.contains("service") { present.insert(.serviceList) }
            else if path.contains("show") || path.contains("license") && path.hasSuffix(".txt") { present.insert(.cli) }
            else if path.contains("alert") || event.kind == .alertRaised { present.insert(.rtmtAlert) }
            else if path.contains("syslog") || path.contains("messages") { present.insert(.syslog) }
            else { present.insert(.licenseManagerLog) }
        }
        return present
    }

    private static func apply(_ text: String, file: String, to evidence: inout RuleEvidence) throws {
        let reader = YAMLNodeReader(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw RuleLoadError.yaml(error, file: file, text: text) }
        guard let root else { return }
        let keys = try reader.mapping(root, "a fixture", allowed: ["present", "evidence_end", "intervals", "expect", "note"])
        if let node = keys["present"]?.value {
            var present = Set<EvidenceKind>()
            if node.sequence?.isEmpty != true {
                for item in try reader.strings(node, "'present'") {
                    guard let kind = EvidenceKind(rawValue: item.text) else {
                        throw reader.error(at: item.node, "unknown evidence kind '\(item.text)'")
                    }
                    present.insert(kind)
                }
            }
            evidence.present = present
        }
        if let node = keys["evidence_end"]?.value { evidence.evidenceEnd = try time(node, reader) }
        if let node = keys["intervals"]?.value {
            guard let items = node.sequence else { throw reader.error(at: node, "'intervals' must be a list") }
            for item in items { evidence.intervals.append(try interval(item, reader)) }
        }
    }

    private static func time(_ node: Node, _ reader: YAMLNodeReader) throws(RuleLoadError) -> Date? {
        guard let text = node.scalar?.string, !text.isEmpty, text != "null", text != "~" else { return nil }
        guard let date = FixtureEventDecoder.iso8601(text) else { throw reader.error(at: node, "not an ISO-8601 time") }
        return date
    }

    private static func interval(_ node: Node, _ reader: YAMLNodeReader) throws(RuleLoadError) -> StateInterval {
        let keys = try reader.mapping(node, "an interval", allowed: ["dimension", "value", "start", "end", "cause", "evidence"])
        guard let dimensionNode = keys["dimension"]?.value, let valueNode = keys["value"]?.value else {
            throw reader.error(at: node, "an interval needs 'dimension' and 'value'")
        }
        let dimension = try reader.choice(dimensionNode, "'dimension'", as: StateDimension.self)
        let value = try reader.string(valueNode, "'value'")
        guard let state = StateValue(dimension, rawValue: value) else {
            throw reader.error(at: valueNode, "'\(value)' is not a \(dimension.rawValue) state")
        }
        let evidence = try keys["evidence"].map { entry throws(RuleLoadError) in
            try reader.strings(entry.value, "'evidence'").map { FixtureEventDecoder.sourcePointer($0.text) }
        }
        return StateInterval(
            state: state, start: try keys["start"].flatMap { entry throws(RuleLoadError) in try time(entry.value, reader) },
            end: try keys["end"].flatMap { entry throws(RuleLoadError) in try time(entry.value, reader) },
            cause: try keys["cause"].map { entry throws(RuleLoadError) in try reader.string(entry.value, "'cause'") } ?? "fixture",
            evidence: evidence ?? [])
    }
}
