import Foundation

/// What licscope reads from one X.509 certificate: the fields an engineer compares against the expected
/// CSSM chain (subject, issuer, serial, validity, names, fingerprint).
public struct CertificateInfo: Hashable, Sendable, Codable {
    /// The subject distinguished name in RFC 2253 form (`CN=tools.cisco.com,O=Cisco Systems Inc.,C=US`).
    public var subject: String
    /// The issuer distinguished name in RFC 2253 form.
    public var issuer: String
    /// The serial number as upper-case hex without separators (`0A0142800000014523C844B500000002`).
    public var serialHex: String
    /// Start of the validity period.
    public var notBefore: Date?
    /// End of the validity period.
    public var notAfter: Date?
    /// DNS names from the subjectAltName extension.
    public var subjectAltDNSNames: [String]
    /// SHA-256 of the DER encoding, lower-case hex.
    public var sha256Hex: String
    /// Whether the subject and issuer names are equal (a root or a self-signed leaf).
    public var isSelfIssued: Bool

    /// Creates a certificate description.
    public init(
        subject: String, issuer: String, serialHex: String, notBefore: Date?, notAfter: Date?,
        subjectAltDNSNames: [String], sha256Hex: String, isSelfIssued: Bool
    ) {
        self.subject = subject
        self.issuer = issuer
        self.serialHex = serialHex
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.subjectAltDNSNames = subjectAltDNSNames
        self.sha256Hex = sha256Hex
        self.isSelfIssued = isSelfIssued
    }

    /// The subject's common name, when it has one.
    public var subjectCommonName: String? { Self.commonName(in: subject) }
    /// The issuer's common name, when it has one.
    public var issuerCommonName: String? { Self.commonName(in: issuer) }

    /// The first `CN=` value of an RFC 2253 name.
    public static func commonName(in name: String) -> String? {
        for part in splitRFC2253(name) where part.hasPrefix("CN=") {
            return String(part.dropFirst(3))
        }
        return nil
    }

    /// Splits an RFC 2253 name on unescaped commas and plus signs.
    static func splitRFC2253(_ name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in name {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                current.append(ch)
                escaped = true
            } else if ch == "," || ch == "+" {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}
