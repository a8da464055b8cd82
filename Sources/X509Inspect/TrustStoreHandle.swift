internal import COpenSSL
import Foundation

/// Owns an OpenSSL `X509_STORE` filled with trust anchors and runs one verification at a time.
final class TrustStoreHandle {
    /// What one `X509_verify_cert` call found.
    struct Outcome {
        var ok: Bool
        var errorCode: Int32
        var errorText: String
        /// SHA-256 of the top certificate of the chain OpenSSL built (the root when one was found).
        var topFingerprint: String?
        /// The issuer name of that top certificate.
        var topIssuer: String?
    }

    private let store: OpaquePointer?
    private var anchors: [X509Handle] = []

    init(anchorsDER: [[UInt8]]) {
        store = X509_STORE_new()
        for der in anchorsDER {
            guard let store, let handle = X509Handle(der: der) else { continue }
            if X509_STORE_add_cert(store, handle.pointer) != 1 { ERR_clear_error() }
            anchors.append(handle)
        }
    }

    deinit { if let store { X509_STORE_free(store) } }

    /// Whole seconds since the epoch, clamped to years 0001…9999: capture times come from the file (a pcapng with a
    /// coarse `if_tsresol` reaches 2^63 s), and converting an out-of-range `Double` to an integer traps.
    static func epochSeconds(_ time: Date) -> Int64 {
        let seconds = time.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        return Int64(min(max(seconds, -62_135_596_800), 253_402_300_799).rounded(.down))
    }

    func verify(leaf: X509Handle, untrusted: [X509Handle], at time: Date) -> Outcome? {
        guard let store, let ctx = X509_STORE_CTX_new() else { return nil }
        defer { X509_STORE_CTX_free(ctx) }
        guard let stack = licscope_sk_new_null() else { return nil }
        defer { licscope_sk_free(stack) }
        for cert in untrusted { _ = licscope_sk_push(stack, UnsafeMutableRawPointer(cert.pointer)) }
        guard licscope_X509_STORE_CTX_init(ctx, store, leaf.pointer, stack) == 1 else { return nil }
        if let param = X509_STORE_CTX_get0_param(ctx) {
            X509_VERIFY_PARAM_set_time(param, time_t(Self.epochSeconds(time)))
        }
        let ok = X509_verify_cert(ctx) == 1
        let code = X509_STORE_CTX_get_error(ctx)
        let text = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
        ERR_clear_error()
        var outcome = Outcome(ok: ok, errorCode: code, errorText: text)
        let count = licscope_X509_STORE_CTX_chain_count(ctx)
        if count > 0, let top = licscope_X509_STORE_CTX_chain_at(ctx, count - 1) {
            outcome.topIssuer = CertificateParser.name(X509_get_issuer_name(top))
            var digest = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            if X509_digest(top, EVP_sha256(), &digest, &length) == 1 {
                outcome.topFingerprint = digest.prefix(Int(length)).map { b in
                    let h = String(b, radix: 16)
                    return h.count == 1 ? "0" + h : h
                }.joined()
            }
        }
        return outcome
    }
}
