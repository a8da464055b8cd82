internal import COpenSSL
import Foundation

/// Verifies a server's certificate chain with OpenSSL at an injected time against the bundled public roots
/// plus any anchors from `--ca-file`.
public enum ChainVerifier {
    /// Verifies `chainDER` (leaf first, as sent in a TLS Certificate message) for `host` at `time`.
    /// Returns nil when no certificate in the chain can be decoded.
    public static func verify(
        chainDER: [[UInt8]], host: String?, at time: Date, extraAnchorsPEM: [String] = []
    ) -> ChainVerification? {
        let sent = chainDER.compactMap { der in X509Handle(der: der).map { (handle: $0, der: der) } }
        guard let leaf = sent.first else { return nil }
        let certificates = sent.map { CertificateParser.info(of: $0.handle, der: $0.der) }
        let extraDER = extraAnchorsPEM.flatMap(CertificateParser.derCertificates(fromPEM:))
        let extraFingerprints = Set(extraDER.map(CertificateParser.sha256Hex))
        let anchors = TrustAnchors.bundled.map(\.der) + extraDER
        let store = TrustStoreHandle(anchorsDER: anchors)
        guard let outcome = store.verify(leaf: leaf.handle, untrusted: sent.dropFirst().map(\.handle), at: time)
        else { return nil }

        let rootIsBundled = outcome.topFingerprint.map { TrustAnchors.bundledFingerprints.contains($0) } ?? false
        let anchoredByExtra = outcome.ok && !rootIsBundled
            && (outcome.topFingerprint.map { extraFingerprints.contains($0) } ?? false)
        var verdict = verdict(forError: outcome.errorCode, ok: outcome.ok)
        var detail = outcome.ok ? "" : outcome.errorText
        if let host, !host.isEmpty, !matches(leaf: leaf.handle, host: host) {
            if verdict == .trusted { verdict = .nameMismatch }
            detail += (detail.isEmpty ? "" : "; ") + "leaf does not match \(host)"
        }
        let hint = InterceptionHeuristics.hint(
            chain: certificates, anchoredByExtraCA: anchoredByExtra, rootIsBundled: rootIsBundled)
        return ChainVerification(
            verdict: verdict, detail: detail, certificates: certificates,
            rootIssuer: outcome.topIssuer ?? certificates.last?.issuer, anchoredByExtraCA: anchoredByExtra,
            interceptionHint: hint)
    }

    /// Maps OpenSSL's first verification error to a verdict.
    static func verdict(forError code: Int32, ok: Bool) -> ChainVerdict {
        if ok { return .trusted }
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: return .expired
        case X509_V_ERR_CERT_NOT_YET_VALID: return .notYetValid
        case X509_V_ERR_HOSTNAME_MISMATCH: return .nameMismatch
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return .incomplete
        default: return .untrustedRoot
        }
    }

    static func matches(leaf: X509Handle, host: String) -> Bool {
        let bytes = Array(host.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    X509_check_host(leaf.pointer, $0, buf.count, 0, nil) == 1
                }
            } ?? false
        }
    }
}
