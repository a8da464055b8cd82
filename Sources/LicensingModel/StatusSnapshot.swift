import Foundation

/// A parsed `show license …` output: every field the product printed, typed, with the line each came from.
///
/// The snapshot is what the product believed at the moment the command ran. The engine replays the
/// history the snapshot implies and checks each printed timer against the one it derives.
public struct StatusSnapshot: Hashable, Sendable, Codable {
    /// Which command produced it (`show license all`, `show license status`, …), as detected from the layout.
    public var command: String
    /// `Smart Licensing is ENABLED` / `DISABLED`, when printed.
    public var enabled: Bool?
    /// The Registration block.
    public var registration: RegistrationBlock
    /// The License Authorization block.
    public var authorization: AuthorizationBlock
    /// The Evaluation Period block.
    public var evaluation: EvaluationBlock
    /// License usage rows, in printed order.
    public var usage: [EntitlementUsage]
    /// `No licenses in use` was printed.
    public var noLicensesInUse: Bool
    /// `UDI: PID:UCM,SN:…,UUID:…`.
    public var udi: String?
    /// `Smart Agent for Licensing: 1.3.4`.
    public var agentVersion: String?
    /// Transport configuration, when printed.
    public var transport: TransportBlock
    /// Field key (`registration.next_renewal`, `usage[2]`) → 1-based line in the source.
    public var lines: [String: Int]

    /// An empty snapshot for `command`.
    public init(command: String) {
        self.command = command
        self.enabled = nil
        self.registration = RegistrationBlock()
        self.authorization = AuthorizationBlock()
        self.evaluation = EvaluationBlock()
        self.usage = []
        self.noLicensesInUse = false
        self.udi = nil
        self.agentVersion = nil
        self.transport = TransportBlock()
        self.lines = [:]
    }

    /// Whether nothing licensing-related was read (a subscriber's blank output, or an error page).
    public var isEmpty: Bool {
        enabled == nil && registration.status == nil && authorization.status == nil && usage.isEmpty && udi == nil
            && agentVersion == nil && !noLicensesInUse
    }

    /// Every time printed in the snapshot, for bounding when the command ran.
    public var printedTimes: [(key: String, time: EventTime)] {
        var out: [(String, EventTime)] = []
        func add(_ k: String, _ t: EventTime?) { if let t { out.append((k, t)) } }
        add("registration.initial", registration.initial?.time)
        add("registration.last_renewal", registration.lastRenewal?.time)
        add("registration.next_renewal", registration.nextRenewal)
        add("registration.expires", registration.expires)
        add("authorization.since", authorization.since)
        add("authorization.last_communication", authorization.lastCommunication?.time)
        add("authorization.next_communication", authorization.nextCommunication)
        add("authorization.deadline", authorization.deadline)
        add("evaluation.expired_on", evaluation.expiredOn)
        return out
    }
}

/// The outcome of an attempt the product printed (`SUCCEEDED on …`, `FAILED on …`, `None`).
public struct AttemptRecord: Hashable, Sendable, Codable {
    /// What the product said of it.
    public enum Outcome: String, Hashable, Sendable, Codable { case succeeded, failed, none, pending, unknown }
    /// The outcome.
    public var outcome: Outcome
    /// When it happened, when printed.
    public var time: EventTime?
    /// `Failure reason: …` printed under it.
    public var failureReason: String?

    /// Creates a record.
    public init(outcome: Outcome, time: EventTime? = nil, failureReason: String? = nil) {
        self.outcome = outcome
        self.time = time
        self.failureReason = failureReason
    }
}

/// The `Registration:` block.
public struct RegistrationBlock: Hashable, Sendable, Codable {
    /// The status.
    public var status: RegistrationState?
    /// The status text as printed.
    public var statusText: String?
    /// `Smart Account:`.
    public var smartAccount: String?
    /// `Virtual Account:`.
    public var virtualAccount: String?
    /// `Export-Controlled Functionality:`.
    public var exportControlled: String?
    /// `Initial Registration: SUCCEEDED on …`.
    public var initial: AttemptRecord?
    /// `Last Renewal Attempt: …`.
    public var lastRenewal: AttemptRecord?
    /// `Next Renewal Attempt: …`.
    public var nextRenewal: EventTime?
    /// `Registration Expires: …`.
    public var expires: EventTime?
    /// Creates a value.
    public init() {}
}

/// The `License Authorization:` block.
public struct AuthorizationBlock: Hashable, Sendable, Codable {
    /// The status.
    public var status: AuthorizationState?
    /// The status text as printed (`AUTHORIZED`, `EVAL MODE`).
    public var statusText: String?
    /// `Status: AUTHORIZED on …` — since when the status holds.
    public var since: EventTime?
    /// `Last Communication Attempt: …`.
    public var lastCommunication: AttemptRecord?
    /// `Next Communication Attempt: …`.
    public var nextCommunication: EventTime?
    /// `Communication Deadline: …`.
    public var deadline: EventTime?
    /// `Evaluation Period Remaining: …` under the authorization block.
    public var evaluationRemaining: TimeInterval?
    /// Creates a value.
    public init() {}
}

/// The `Evaluation Period:` block.
public struct EvaluationBlock: Hashable, Sendable, Codable {
    /// `Evaluation Mode: In Use` / `Not In Use`.
    public var inUse: Bool?
    /// `Evaluation Period Remaining: …`.
    public var remaining: TimeInterval?
    /// `EVALUATION PERIOD EXPIRED on …`.
    public var expiredOn: EventTime?
    /// Creates a value.
    public init() {}
}

/// Transport configuration as printed (`Transport:` / `Transport Configuration` blocks).
public struct TransportBlock: Hashable, Sendable, Codable {
    /// The transport mode.
    public var mode: TransportMode?
    /// The mode text as printed.
    public var modeText: String?
    /// The transport URL.
    public var url: String?
    /// The proxy host.
    public var proxyHost: String?
    /// The proxy port.
    public var proxyPort: Int?
    /// Creates a value.
    public init() {}
}
