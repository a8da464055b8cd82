/// What was seen of one TLS handshake, from both directions of a connection.
struct TLSObservation {
    struct ClientHello {
        var frame: Int
        var legacyVersion: UInt16
        var sni: String?
        var supportedVersions: [UInt16]
        var alpn: [String]
    }

    struct ServerHello {
        var frame: Int
        var legacyVersion: UInt16
        var selectedVersion: UInt16?
        var cipher: UInt16
        var isHelloRetryRequest: Bool
        /// The negotiated version: `supported_versions` when present, else the legacy field.
        var version: UInt16 { selectedVersion ?? legacyVersion }
    }

    struct Alert {
        var frame: Int
        var fromClient: Bool
        /// nil when the alert was encrypted.
        var level: UInt8?
        var description: UInt8?
    }

    var clientHellos: [ClientHello] = []
    var serverHellos: [ServerHello] = []
    var certificateFrame: Int?
    /// The frame of the TLS 1.2-or-older ServerHelloDone: the server's first flight is complete.
    var serverHelloDoneFrame: Int?
    var certificatesDER: [[UInt8]] = []
    var alerts: [Alert] = []
    var clientApplicationDataFrame: Int?
    var serverApplicationDataFrame: Int?
    var clientChangeCipherSpec = false
    var serverChangeCipherSpec = false

    /// The final ServerHello (after a HelloRetryRequest, the real one).
    var serverHello: ServerHello? { serverHellos.last(where: { !$0.isHelloRetryRequest }) ?? serverHellos.last }
    var isTLS13: Bool { serverHello?.version == 0x0304 }
    var isEmpty: Bool { clientHellos.isEmpty && serverHellos.isEmpty && certificatesDER.isEmpty && alerts.isEmpty }
}

/// Names of TLS protocol versions and alerts, as reports print them.
public enum TLSNames {
    /// `TLS 1.2` for 0x0303.
    public static func version(_ v: UInt16) -> String {
        switch v {
        case 0x0300: return "SSL 3.0"
        case 0x0301: return "TLS 1.0"
        case 0x0302: return "TLS 1.1"
        case 0x0303: return "TLS 1.2"
        case 0x0304: return "TLS 1.3"
        default: return "0x" + String(v, radix: 16)
        }
    }

    /// RFC 8446 §6 alert descriptions.
    public static func alert(_ d: UInt8) -> String {
        let names: [UInt8: String] = [
            0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 21: "decryption_failed",
            22: "record_overflow", 30: "decompression_failure", 40: "handshake_failure", 41: "no_certificate",
            42: "bad_certificate", 43: "unsupported_certificate", 44: "certificate_revoked", 45: "certificate_expired",
            46: "certificate_unknown", 47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied",
            50: "decode_error", 51: "decrypt_error", 60: "export_restriction", 70: "protocol_version",
            71: "insufficient_security", 80: "internal_error", 86: "inappropriate_fallback", 90: "user_canceled",
            100: "no_renegotiation", 109: "missing_extension", 110: "unsupported_extension",
            112: "unrecognized_name", 113: "bad_certificate_status_response", 115: "unknown_psk_identity",
            116: "certificate_required", 120: "no_application_protocol",
        ]
        return names[d] ?? "alert_\(d)"
    }

    /// Alerts a client sends when it rejects the server's certificate.
    static let certificateRejections: Set<UInt8> = [42, 43, 44, 45, 46, 48]
}
