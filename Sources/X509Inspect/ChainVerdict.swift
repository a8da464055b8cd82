import Foundation

/// The verdict on a server's certificate chain, evaluated at the capture time against a trust set.
/// Raw values are the `chain_verdict` field values of `tls.handshake`.
public enum ChainVerdict: String, Sendable, Codable, CaseIterable {
    case trusted
    case untrustedRoot = "untrusted_root"
    case expired
    case notYetValid = "not_yet_valid"
    case nameMismatch = "name_mismatch"
    /// The chain as sent does not reach a root (a missing intermediate, or a root not sent and not known).
    case incomplete
}

/// The result of ``ChainVerifier/verify(chainDER:host:at:extraAnchorsPEM:)``.
public struct ChainVerification: Sendable, Hashable {
    /// The verdict.
    public var verdict: ChainVerdict
    /// OpenSSL's reason text (`certificate has expired`), or empty when trusted.
    public var detail: String
    /// The chain as sent by the server, leaf first (certificates OpenSSL could not decode are left out).
    public var certificates: [CertificateInfo]
    /// The issuer of the top of the chain (the root's subject when the root was found or sent).
    public var rootIssuer: String?
    /// Whether the chain only verified through an anchor from `--ca-file`.
    public var anchoredByExtraCA: Bool
    /// A reason to suspect TLS interception (an SSL-inspecting proxy), or nil.
    public var interceptionHint: String?
}
