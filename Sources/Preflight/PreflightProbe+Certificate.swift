import Foundation
import LicensingModel
import PacketIngest
import X509Inspect

extension PreflightProbe {
    /// Issuer name words of the public CAs Cisco's licensing servers chain to (domain-notes §5.3).
    static let publicIssuerWords = ["hydrantid", "identrust", "quovadis", "digicert"]

    /// The certificate stage: the chain the server sent, judged by the capture pipeline's verifier (bundled public
    /// roots plus `--ca-file`, at the injected time, for the target name); writes the `tls.handshake` event.
    func checkCertificate(_ handshake: Handshake) -> Bool {
        let watch = Stopwatch()
        let session = handshake.session
        let host = options.target.host
        var fields = tlsFields(session, server: handshake.server)
        fields["outcome"] = .string(handshake.outcome)
        let chain = session.peerChainDER
        guard let v = ChainVerifier.verify(chainDER: chain, host: host, at: options.now(), extraAnchorsPEM: options.extraAnchorsPEM)
        else {
            fields["chain_verdict"] = "none"
            log.event(.tlsHandshake, stage: "certificate", fields)
            log.stage("certificate", ok: false, detail: "none", summary: "the server sent no readable certificate", watch: watch)
            return false
        }
        fields["chain_verdict"] = .string(v.verdict.rawValue)
        fields.merge(LiveWire.chainFields(v)) { _, new in new }
        log.event(.tlsHandshake, stage: "certificate", fields, excerpt: "ClientHello SNI \(host)")

        let leaf = v.certificates.first
        let issuer = leaf?.issuer ?? "?"
        let root = v.rootIssuer ?? v.certificates.last?.issuer ?? "?"
        switch v.verdict {
        case .trusted where handshake.outcome == "completed":
            let until = leaf?.notAfter.map { "; valid until \($0.iso8601UTC)" } ?? ""
            let warning = v.interceptionHint.map { "TLS interception suspected: \($0)" }
            log.stage("certificate", ok: true, detail: warning == nil ? "trusted" : "interception?",
                      summary: "chain for \(host) trusted: issued by \(issuer), root \(root)\(until)", watch: watch, warning: warning)
            return true
        case .trusted:
            log.stage("certificate", ok: false, detail: "rejected",
                      summary: "OpenSSL rejected the chain for \(host): \(session.verificationFailure ?? "unknown reason")", watch: watch)
        case .untrustedRoot, .incomplete:
            untrusted(v, host: host, issuer: issuer, root: root, watch: watch)
        case .expired:
            let expired = v.certificates.first { ($0.notAfter ?? .distantFuture) < options.now() }
            let when = expired?.notAfter.map { " on \($0.iso8601UTC)" } ?? ""
            log.stage("certificate", ok: false, detail: "expired",
                      summary: "certificate \(expired?.subject ?? leaf?.subject ?? "?") expired\(when) (checked at \(options.now().iso8601UTC) by the local clock)",
                      watch: watch)
        case .notYetValid:
            let early = v.certificates.first { ($0.notBefore ?? .distantPast) > options.now() }
            log.stage("certificate", ok: false, detail: "not yet valid",
                      summary: "certificate \(early?.subject ?? "?") is not valid before \(early?.notBefore?.iso8601UTC ?? "?"); the local clock reads \(options.now().iso8601UTC) — check NTP",
                      watch: watch)
        case .nameMismatch:
            let names = leaf.map { $0.subjectAltDNSNames.isEmpty ? [$0.subject] : $0.subjectAltDNSNames } ?? []
            log.stage("certificate", ok: false, detail: "name mismatch",
                      summary: "certificate names \(names.joined(separator: ", ")), not \(host)", watch: watch)
        }
        return false
    }

    /// A chain that does not reach a trusted root: sent up to a root nobody trusts (`untrusted_root`), or ending at
    /// an issuer that is neither sent nor in the trust set (`incomplete`, the usual form: servers do not send roots).
    private func untrusted(_ v: ChainVerification, host: String, issuer: String, root: String, watch: Stopwatch) {
        let names = v.certificates.map { $0.issuer.lowercased() }
        if v.verdict == .incomplete, v.interceptionHint == nil, !Self.publicIssuerWords.contains(where: { w in names.contains { $0.contains(w) } }) {
            log.stage("certificate", ok: false, detail: "incomplete",
                      summary: "the chain for \(host) as sent does not reach a trusted root (\(v.detail)); issued by \(issuer), a CA that is neither a public root CSSM uses nor in --ca-file: a missing intermediate, or TLS interception (inferred)",
                      watch: watch)
            return
        }
        let publicCA = Self.publicIssuerWords.first { w in names.contains { $0.contains(w) } }
        if let hint = v.interceptionHint {
            log.stage("certificate", ok: false, detail: "intercepted",
                      summary: "TLS interception: the chain for \(host) is issued by \(issuer) (root \(root)), not by a public CA Cisco uses — \(hint)",
                      watch: watch)
        } else if let publicCA {
            log.stage("certificate", ok: false, detail: "untrusted root",
                      summary: "untrusted chain: it names a public CA Cisco uses (\(publicCA)) but ends at \(root), which is not in the trust set (bundled public roots + --ca-file): a root missing from the store (FN72318) or a forged chain",
                      watch: watch)
        } else {
            log.stage("certificate", ok: false, detail: "untrusted root",
                      summary: "untrusted chain for \(host): issued by \(issuer) (root \(root)), a CA that is neither a public root CSSM uses nor in --ca-file; a private CA in the path means TLS interception (inferred)",
                      watch: watch)
        }
    }
}
