import Foundation
import LicensingModel
import Rules

extension AnalysisDocument {
    /// A rule that matched: the rule's card beside the match (one flat object).
    public struct Finding: Sendable, Codable, Hashable {
        public var id: String
        public var rev: Int
        public var kind: String
        public var title: String
        public var severity: String
        public var confidence: String
        public var confidenceNote: String?
        public var verdict: String
        public var explain: String
        public var remediation: String
        public var references: [String]
        public var facts: [String]
        public var inferences: [String]
        public var affectedVersions: [String]
        public var fixedVersions: [String]
        public var matchedSelections: [String]
        public var evidence: [Evidence]
        public var evidenceOmitted: Int
        public var firstEvidence: Date?
        public var lastEvidence: Date?
        public var missingCorroboration: [String]
        public var collect: [String]

        /// Maps a rule's finding; `hints` makes each evidence item's reproduction command.
        public init(_ f: Rules.Finding, hints: ReproductionHint) {
            id = f.id
            rev = f.rev
            kind = f.kind.rawValue
            title = f.title
            severity = f.severity.rawValue
            confidence = f.confidence.rawValue
            confidenceNote = f.confidenceNote
            verdict = f.verdict
            explain = f.explain
            remediation = f.remediation
            references = f.references
            facts = f.facts
            inferences = f.inferences
            affectedVersions = f.affectedVersions
            fixedVersions = f.fixedVersions
            matchedSelections = f.matchedSelections
            evidence = f.evidence.map { Evidence($0, hints: hints) }
            evidenceOmitted = f.evidenceOmitted
            firstEvidence = f.firstEvidence
            lastEvidence = f.lastEvidence
            missingCorroboration = f.missingCorroboration.map(\.rawValue)
            collect = f.collect
        }
    }

    /// One item of evidence behind a finding.
    public struct Evidence: Sendable, Codable, Hashable {
        public var label: String
        public var source: Pointer?
        public var time: Date?
        public var excerpt: String?
        public var reproduction: String?
        public var fields: [String: Value]?
        public var count: Int?
        public var lastTime: Date?

        /// Maps a finding's evidence item, with the reproduction command `hints` makes for it.
        public init(_ e: FindingEvidence, hints: ReproductionHint) {
            label = e.label
            source = e.source.map(Pointer.init)
            time = e.time
            excerpt = e.excerpt
            reproduction = hints.command(for: e)
            fields = e.fields?.mapValues(Value.init)
            count = e.count
            lastTime = e.lastTime
        }
    }

    /// A rule that could not run for missing evidence.
    public struct NotEvaluated: Sendable, Codable, Hashable {
        public var id: String
        public var title: String
        public var severity: String
        public var missing: [String]
        public var collect: [String]

        /// Maps a rule's not-evaluated entry.
        public init(_ n: Rules.NotEvaluated) {
            id = n.id
            title = n.title
            severity = n.severity.rawValue
            missing = n.missing.map(\.rawValue)
            collect = n.collect
        }
    }

    /// Where a piece of evidence was read: `{"path": …, "line": 131, "pointer": "path:131"}` (at most one of
    /// `line`, `frame`, `offset`; none for a whole file).
    public struct Pointer: Sendable, Codable, Hashable {
        public var path: String
        public var line: Int?
        public var frame: Int?
        public var offset: Int?
        public var pointer: String

        /// Maps a source pointer.
        public init(_ p: SourcePointer) {
            path = p.path
            switch p.location {
            case .line(let n): line = n
            case .frame(let n): frame = n
            case .offset(let n): offset = n
            case .file: break
            }
            pointer = p.description
        }
    }

    /// An event field's value: a string, number, boolean, time (ISO-8601 UTC string) or list of values.
    public enum Value: Sendable, Codable, Hashable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case list([Value])

        /// Maps a field value (a time becomes its ISO-8601 UTC string).
        public init(_ v: FieldValue) {
            switch v {
            case .string(let s): self = .string(s)
            case .int(let i): self = .int(i)
            case .double(let d): self = .double(d)
            case .bool(let b): self = .bool(b)
            case .time(let t): self = .string(t.iso8601UTC)
            case .list(let l): self = .list(l.map(Value.init))
            }
        }

        /// Reads any JSON scalar or array.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else { self = .list(try c.decode([Value].self)) }
        }

        /// Writes the bare value.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s): try c.encode(s)
            case .int(let i): try c.encode(i)
            case .double(let d): try c.encode(d)
            case .bool(let b): try c.encode(b)
            case .list(let l): try c.encode(l)
            }
        }
    }
}
