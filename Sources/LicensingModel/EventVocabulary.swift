import Foundation

/// The registry of event kinds and the field names each may carry. `rules lint` and the message catalog lint
/// check names against it; parsers use the constants so a typo cannot reach a rule unnoticed.
///
/// Field conventions: times are ISO-8601 UTC; `reason` is the product's own failure text; `error_code` is the
/// product's code (`ERR 207`, `commsend`); `url`, `host`, `port` describe an endpoint.
public enum EventVocabulary {
    /// Fields every kind may carry.
    public static let commonFields: Set<String> = ["message", "component", "level", "thread", "facility", "severity",
        "mnemonic", "node", "host_name", "exception", "exception_message", "notification"]

    /// Kind → allowed fields (in addition to ``commonFields``).
    public static let fields: [EventKind: Set<String>] = [
        .agentEnabled: [], .agentReady: [], .agentDisabled: [],
        .serviceStarted: ["service"], .serviceStopped: ["service"],
        .serviceNotRunning: ["service", "status", "role"],
        .serviceStatus: ["service", "status", "role"],
        .transportConfigured: ["mode", "url", "proxy_host", "proxy_port", "proxy_auth", "proxy_user"],
        .registrationRequested: ["force", "url"],
        .registrationSucceeded: ["smart_account", "virtual_account"],
        .registrationFailed: ["reason", "error_code", "url"],
        .registrationRenewSucceeded: [], .registrationRenewFailed: ["reason", "error_code", "url"],
        .registrationExpired: [],
        .deregistrationSucceeded: [], .deregistrationFailed: ["reason", "error_code"],
        .authorizationRequested: ["tag"],
        .authorizationRenewSucceeded: ["status", "entitlements"],
        .authorizationRenewFailed: ["reason", "error_code", "url", "entitlements"],
        .authorizationExpired: [],
        .communicationFailed: ["reason", "error_code", "url", "target", "cause"],
        .communicationRestored: ["target"],
        .evaluationStarted: [], .evaluationWarning: ["remaining"], .evaluationExpired: [],
        .complianceIn: [], .complianceOut: ["tag"],
        .entitlementUsage: ["tag", "tier", "count", "status", "display_name"],
        .entitlementRequested: ["tag", "tier"],
        .licensingResponse: ["status", "reason", "request_type"],
        .idCertificateProblem: ["problem"],
        .clockChanged: ["delta_seconds"],
        .alertRaised: ["alert", "alert_text"],
        .statusSnapshot: [
            "command", "enabled", "registration.status", "authorization.status", "transport.mode", "transport.url",
            "proxy_host", "proxy_port", "empty", "error", "role",
        ],
        .exceptionRaised: ["exception", "exception_message", "cause"],
        .platformError: ["reason"],
        .dnsQuery: ["query", "qtype", "id", "server", "transport"],
        .dnsAnswer: ["query", "qtype", "id", "rcode", "rcode_name", "answers", "server", "latency_ms"],
        .dnsFailure: ["query", "qtype", "id", "rcode", "rcode_name", "reason", "server"],
        .tcpAttempt: ["src", "src_port", "dst", "dst_port", "outcome", "retries", "rtt_ms"],
        .proxyConnect: ["proxy", "proxy_port", "target", "target_host", "target_port", "status", "reason_phrase",
            "proxy_authenticate", "outcome"],
        .tlsHandshake: ["sni", "client_version", "server_version", "versions", "alpn", "cipher", "outcome", "alert",
            "alert_level", "alert_sender", "chain", "chain_verdict", "chain_detail", "leaf_subject", "leaf_issuer",
            "root_issuer", "certificates_visible", "dst", "dst_port"],
        .httpRequest: ["method", "uri", "host", "user_agent", "dst", "dst_port"],
        .httpResponse: ["status", "reason_phrase", "content_type", "server", "proxy_authenticate"],
        .licensingMessage: ["request_type", "status", "message_type", "direction", "udi", "reason"],
        .connectivityAttempt: ["endpoint", "target_host", "target_port", "via_proxy", "proxy", "stage_reached",
            "failed_stage", "failure", "outcome", "ladder", "frames", "sni", "dst", "dst_port"],
        .captureAnomaly: ["anomaly", "detail", "offset"],
        .stateTransition: ["dimension", "from", "to", "cause"],
        .engineAnomaly: ["anomaly", "detail", "expected_at", "printed", "derived", "field"],
    ]

    /// All registered kinds, sorted.
    public static var kinds: [EventKind] { fields.keys.sorted() }

    /// Whether `field` is allowed on `kind`.
    public static func allows(_ field: String, on kind: EventKind) -> Bool {
        commonFields.contains(field) || (fields[kind]?.contains(field) ?? false)
    }

    /// The ladder stages of a `connectivity.attempt`, in order. Captures and preflight use these exact names.
    public static let ladderStages = ["dns", "tcp", "proxy", "tls", "certificate", "http", "licensing"]
}
