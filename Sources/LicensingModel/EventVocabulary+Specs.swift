import Foundation

extension EventVocabulary {
    /// Closed value sets shared by several kinds.
    enum Closed {
        static let registration = FieldSpec(values: RegistrationState.allCases.map(\.rawValue))
        static let authorization = FieldSpec(values: AuthorizationState.allCases.map(\.rawValue))
        static let transport = FieldSpec(values: TransportMode.allCases.map(\.rawValue))
        static let dimension = FieldSpec(values: StateDimension.allCases.map(\.rawValue))
        /// Any dimension's value, as `state.transition` `from`/`to` carry it (`unknown` for an unknown transport).
        static let stateValue = FieldSpec(values: StateDimension.allCases.flatMap(StateValue.allowed(for:)))
        static let anomaly = FieldSpec(values: AnomalyName.registered.map(\.rawValue))
        static let stage = FieldSpec(values: ladderStages)
    }

    /// Agent, CLI, log and alert kinds.
    static let licensingSpecs: [KindSpec] = [
        KindSpec(.agentEnabled), KindSpec(.agentReady), KindSpec(.agentDisabled),
        KindSpec(.serviceStarted, fields: text("service")), KindSpec(.serviceStopped, fields: text("service")),
        KindSpec(.serviceNotRunning, fields: text("service", "status", "role")),
        KindSpec(.serviceStatus, fields: text("service", "status", "role")),
        KindSpec(.transportConfigured,
            fields: text("url", "proxy_host", "proxy_auth", "proxy_user").merging(
                ["mode": Closed.transport, "proxy_port": FieldSpec(.integer)]) { $1 },
            rank: .configuration),
        KindSpec(.registrationRequested, fields: text("force", "url"), isAttempt: true, attemptClock: .log),
        KindSpec(.registrationSucceeded, fields: text("smart_account", "virtual_account"), isAttempt: true,
            attemptClock: .log, succeeds: [.registration], rank: .lifecycle),
        KindSpec(.registrationFailed, fields: text("reason", "error_code", "url"), isAttempt: true, attemptClock: .log,
            fails: [.registration]),
        KindSpec(.registrationRenewSucceeded, isAttempt: true, attemptClock: .log, succeeds: [.registration],
            rank: .lifecycle),
        KindSpec(.registrationRenewFailed, fields: text("reason", "error_code", "url"), isAttempt: true,
            attemptClock: .log, fails: [.registration]),
        KindSpec(.registrationExpired),
        KindSpec(.deregistrationSucceeded, succeeds: [.deregistration]),
        KindSpec(.deregistrationFailed, fields: text("reason", "error_code"), fails: [.deregistration]),
        KindSpec(.authorizationRequested, fields: text("tag"), isAttempt: true, attemptClock: .log),
        KindSpec(.authorizationRenewSucceeded, fields: text("status", "entitlements"), isAttempt: true,
            attemptClock: .log, succeeds: [.authorization], rank: .authorization),
        KindSpec(.authorizationRenewFailed, fields: text("reason", "error_code", "url", "entitlements"),
            isAttempt: true, attemptClock: .log, fails: [.authorization]),
        KindSpec(.authorizationExpired),
        KindSpec(.communicationFailed, fields: text("reason", "error_code", "url", "target", "cause"), isAttempt: true,
            attemptClock: .log),
        KindSpec(.communicationRestored, fields: text("target"), isAttempt: true, attemptClock: .log),
        KindSpec(.evaluationStarted, rank: .lifecycle), KindSpec(.evaluationWarning, fields: text("remaining")),
        KindSpec(.evaluationExpired, rank: .lifecycle),
        KindSpec(.complianceIn, succeeds: [.authorization], rank: .authorization),
        KindSpec(.complianceOut, fields: text("tag"), rank: .authorization),
        KindSpec(.entitlementUsage, fields: text("tag", "tier", "status", "display_name").merging(
            ["count": FieldSpec(.integer)]) { $1 }, rank: .usage),
        KindSpec(.entitlementRequested, fields: text("tag", "tier")),
        KindSpec(.licensingResponse, fields: text("status", "reason", "request_type"), isAttempt: true,
            attemptClock: .log),
        KindSpec(.idCertificateProblem, fields: text("problem")),
        KindSpec(.clockChanged, fields: ["delta_seconds": FieldSpec(.number)]),
        KindSpec(.alertRaised, fields: text("alert", "alert_text")),
        KindSpec(.statusSnapshot,
            fields: text("command", "transport.url", "proxy_host", "error", "role").merging([
                "enabled": FieldSpec(.boolean), "empty": FieldSpec(.boolean), "proxy_port": FieldSpec(.integer),
                "registration.status": Closed.registration, "authorization.status": Closed.authorization,
                "transport.mode": Closed.transport,
            ]) { $1 }, rank: .snapshot),
        KindSpec(.exceptionRaised, fields: text("exception", "exception_message", "cause")),
        KindSpec(.platformError, fields: text("reason")),
        KindSpec(.ntpStatus, fields: text("server", "selected_peer", "offset_peer").merging([
            "state": FieldSpec(values: ["synchronised", "unsynchronised", "unknown"]),
            "synchronised": FieldSpec(.boolean), "restarting": FieldSpec(.boolean), "peers": FieldSpec(.integer),
            "stratum": FieldSpec(.integer), "correct_within_ms": FieldSpec(.integer), "polling_seconds": FieldSpec(.integer),
            "ntpd_pid": FieldSpec(.integer), "offset_ms": FieldSpec(.number), "offset_abs_ms": FieldSpec(.number),
        ]) { $1 }),
        KindSpec(.ntpPeer, fields: text("remote", "refid", "type", "when", "reach", "tally").merging([
            "selected": FieldSpec(.boolean), "stratum": FieldSpec(.integer), "poll": FieldSpec(.integer),
            "delay_ms": FieldSpec(.number), "offset_ms": FieldSpec(.number), "jitter_ms": FieldSpec(.number),
        ]) { $1 }),
    ]

    /// Capture and preflight kinds.
    static let networkSpecs: [KindSpec] = [
        KindSpec(.dnsQuery, fields: text("query", "qtype", "id", "server", "transport")),
        // other_server / other_answers / resolvers_agree: preflight --dns-server's comparison with the system resolver.
        KindSpec(.dnsAnswer, fields: text("query", "qtype", "id", "rcode", "rcode_name", "answers", "server", "latency_ms",
            "other_server", "other_answers").merging(["resolvers_agree": FieldSpec(.boolean)]) { $1 }),
        KindSpec(.dnsFailure, fields: text("query", "qtype", "id", "rcode", "rcode_name", "reason", "server", "other_server",
            "other_answers").merging(["resolvers_agree": FieldSpec(.boolean)]) { $1 }),
        KindSpec(.tcpAttempt, fields: text("src", "src_port", "dst", "dst_port", "outcome", "retries", "rtt_ms")),
        KindSpec(.proxyConnect, fields: text("proxy", "proxy_port", "target", "target_host", "target_port", "status",
            "reason_phrase", "proxy_authenticate", "outcome")),
        KindSpec(.tlsHandshake, fields: text("sni", "client_version", "server_version", "versions", "alpn", "cipher",
            "outcome", "alert", "alert_level", "alert_sender", "chain", "chain_verdict", "chain_detail", "leaf_subject",
            "leaf_issuer", "root_issuer", "certificates_visible", "dst", "dst_port")),
        KindSpec(.httpRequest, fields: text("method", "uri", "host", "user_agent", "dst", "dst_port")),
        KindSpec(.httpResponse, fields: text("status", "reason_phrase", "content_type", "server", "proxy_authenticate", "date",
            "clock_offset_seconds")),
        KindSpec(.licensingMessage, fields: text("request_type", "status", "message_type", "direction", "udi", "reason"),
            isAttempt: true),
        KindSpec(.connectivityAttempt,
            fields: text("endpoint", "target_host", "target_port", "via_proxy", "proxy", "failure", "outcome", "ladder",
                "frames", "sni", "dst", "dst_port").merging(
                    ["stage_reached": Closed.stage, "failed_stage": Closed.stage]) { $1 },
            isAttempt: true, attemptClock: .capture),
        KindSpec(.captureAnomaly, fields: text("anomaly", "detail", "offset", "time_basis")),
    ]

    /// Kinds the state engine derives during replay (never a parser).
    static let derivedSpecs: [KindSpec] = [
        KindSpec(.stateTransition, fields: text("cause").merging(
            ["dimension": Closed.dimension, "from": Closed.stateValue, "to": Closed.stateValue]) { $1 }),
        KindSpec(.engineAnomaly, fields: text("detail", "field").merging([
            "anomaly": Closed.anomaly, "expected_at": FieldSpec(.time), "printed": FieldSpec(.time),
            "derived": FieldSpec(.time),
        ]) { $1 }),
        // Derived by the timeline from attempts seen in logs and captures: the offset split into zone and clock error.
        KindSpec(.clockSkew, fields: text("interpretation", "attribution").merging([
            "likelier_wrong_clock": FieldSpec(values: ["node", "capture_host", "either"]),
            "offset_seconds": FieldSpec(.number), "zone_offset_seconds": FieldSpec(.integer),
            "clock_error_seconds": FieldSpec(.number), "clock_error_abs_seconds": FieldSpec(.number),
            "threshold_seconds": FieldSpec(.number), "matched_pairs": FieldSpec(.integer), "pairs": FieldSpec(.list),
            "node_clock_suspect": FieldSpec(.boolean), "node_ntp_state": FieldSpec(.string),
            "node_ntp": FieldSpec(values: ["node_clock_off", "node_clock_held", "inconclusive"]),
            "node_ntp_source": FieldSpec(.string), "node_ntp_offset_ms": FieldSpec(.number),
        ]) { $1 }),
    ]
}
