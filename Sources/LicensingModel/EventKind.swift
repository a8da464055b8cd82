import Foundation

/// The stable dotted name of an event kind. Rules match on these; ``EventVocabulary`` lists them with their fields.
public struct EventKind: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The dotted name.
    public var rawValue: String
    /// Creates a value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a value.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a value.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The dotted name.
    public var description: String { rawValue }
    /// Orders the values.
    public static func < (a: EventKind, b: EventKind) -> Bool { a.rawValue < b.rawValue }

    /// Whether the kind is registered in ``EventVocabulary``.
    public var isKnown: Bool { EventVocabulary.fields[self] != nil }

    // Licensing (agent, CLI, logs, alerts).
    public static let agentEnabled: EventKind = "agent.enabled"
    public static let agentReady: EventKind = "agent.ready"
    public static let agentDisabled: EventKind = "agent.disabled"
    public static let serviceStarted: EventKind = "service.started"
    public static let serviceStopped: EventKind = "service.stopped"
    public static let serviceNotRunning: EventKind = "service.not_running"
    public static let serviceStatus: EventKind = "service.status"
    public static let transportConfigured: EventKind = "transport.configured"
    public static let registrationRequested: EventKind = "registration.requested"
    public static let registrationSucceeded: EventKind = "registration.succeeded"
    public static let registrationFailed: EventKind = "registration.failed"
    public static let registrationRenewSucceeded: EventKind = "registration.renew.succeeded"
    public static let registrationRenewFailed: EventKind = "registration.renew.failed"
    public static let registrationExpired: EventKind = "registration.expired"
    public static let deregistrationSucceeded: EventKind = "deregistration.succeeded"
    public static let deregistrationFailed: EventKind = "deregistration.failed"
    public static let authorizationRequested: EventKind = "authorization.requested"
    public static let authorizationRenewSucceeded: EventKind = "authorization.renew.succeeded"
    public static let authorizationRenewFailed: EventKind = "authorization.renew.failed"
    public static let authorizationExpired: EventKind = "authorization.expired"
    public static let communicationFailed: EventKind = "communication.failed"
    public static let communicationRestored: EventKind = "communication.restored"
    public static let evaluationStarted: EventKind = "evaluation.started"
    public static let evaluationWarning: EventKind = "evaluation.warning"
    public static let evaluationExpired: EventKind = "evaluation.expired"
    public static let complianceIn: EventKind = "compliance.in"
    public static let complianceOut: EventKind = "compliance.out"
    public static let entitlementUsage: EventKind = "entitlement.usage"
    public static let entitlementRequested: EventKind = "entitlement.requested"
    public static let licensingResponse: EventKind = "licensing.response"
    public static let idCertificateProblem: EventKind = "idcert.problem"
    public static let clockChanged: EventKind = "clock.changed"
    public static let alertRaised: EventKind = "alert.raised"
    public static let statusSnapshot: EventKind = "status.snapshot"
    public static let exceptionRaised: EventKind = "exception.raised"
    public static let platformError: EventKind = "platform.error"
    /// A `utils ntp status` output: the node's NTP state as ntpd reports it (untimed).
    public static let ntpStatus: EventKind = "ntp.status"
    /// One row of the `ntpq -p` table inside a `utils ntp status` output (untimed).
    public static let ntpPeer: EventKind = "ntp.peer"

    // Derived by the state engine during replay (never by a parser).
    public static let stateTransition: EventKind = "state.transition"
    public static let engineAnomaly: EventKind = "engine.anomaly"
    /// Derived by the timeline when logs and captures both show attempts: the offset between them, split into a
    /// zone part and a clock error.
    public static let clockSkew: EventKind = "clock.skew"

    // Network (captures and preflight).
    public static let dnsQuery: EventKind = "dns.query"
    public static let dnsAnswer: EventKind = "dns.answer"
    public static let dnsFailure: EventKind = "dns.failure"
    public static let tcpAttempt: EventKind = "tcp.attempt"
    public static let proxyConnect: EventKind = "proxy.connect"
    public static let tlsHandshake: EventKind = "tls.handshake"
    public static let httpRequest: EventKind = "http.request"
    public static let httpResponse: EventKind = "http.response"
    public static let licensingMessage: EventKind = "licensing.message"
    public static let connectivityAttempt: EventKind = "connectivity.attempt"
    public static let captureAnomaly: EventKind = "capture.anomaly"
}
