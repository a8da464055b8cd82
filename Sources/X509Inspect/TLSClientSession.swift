internal import COpenSSL
import Foundation

/// A TLS client handshake driven through memory buffers: the caller moves bytes between the session and a
/// (non-blocking) socket, so OpenSSL never blocks and never owns a file descriptor.
///
/// The session verifies the server the way a product with the same trust store would: against the bundled public
/// roots plus extra anchors, at an injected time, for the expected host name. When verification fails, OpenSSL
/// aborts the handshake and sends the client's fatal alert, exactly what a capture of the product would show.
/// One session is used from one thread.
public final class TLSClientSession {
    /// What the last call left the session waiting for.
    public enum Progress: Sendable, Equatable {
        /// The handshake needs more bytes from the server (after `takeOutgoing()` has been sent).
        case needsInput
        /// The handshake completed.
        case established
        /// The handshake failed; see ``failureReason`` and the alerts.
        case failed
    }

    /// One TLS alert seen during the session.
    public struct Alert: Sendable, Hashable {
        /// The RFC 8446 alert description code.
        public var code: Int
        /// Whether it was fatal.
        public var fatal: Bool
        /// Whether this client sent it (else the server did).
        public var sentByClient: Bool
    }

    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private let incoming: OpaquePointer
    private let outgoing: OpaquePointer
    private let recorder = AlertRecorder()
    /// OpenSSL's error text for the failure, when the handshake failed.
    public private(set) var failureReason: String?

    /// Creates a session for `serverName` (sent as SNI and checked against the certificate).
    /// - Parameters:
    ///   - serverName: the host the client means to reach.
    ///   - extraAnchorsPEM: PEM texts of extra trust anchors (`--ca-file`), besides the bundled public roots.
    ///   - verifyAt: the time certificates are checked at (the injected clock's now).
    ///   - maximumVersion: the highest protocol version offered (`0x0303` = TLS 1.2), nil for OpenSSL's highest.
    /// - Returns: nil when OpenSSL cannot create the objects.
    public init?(serverName: String, extraAnchorsPEM: [String], verifyAt: Date, maximumVersion: Int? = nil) {
        guard let method = TLS_client_method(), let ctx = SSL_CTX_new(method) else { return nil }
        _ = licscope_SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION)
        if let maximumVersion { _ = licscope_SSL_CTX_set_max_proto_version(ctx, Int32(maximumVersion)) }
        if let store = SSL_CTX_get_cert_store(ctx) {
            let anchors = TrustAnchors.bundled.map(\.der) + extraAnchorsPEM.flatMap(CertificateParser.derCertificates(fromPEM:))
            for der in anchors {
                guard let cert = X509Handle(der: der) else { continue }
                if X509_STORE_add_cert(store, cert.pointer) != 1 { ERR_clear_error() }
            }
        }
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nil)
        SSL_CTX_set_info_callback(ctx) { ssl, whereFlags, value in
            guard whereFlags & SSL_CB_ALERT != 0, let ssl, let raw = SSL_get_ex_data(ssl, 0) else { return }
            Unmanaged<AlertRecorder>.fromOpaque(raw).takeUnretainedValue().alerts.append(TLSClientSession.Alert(
                code: Int(value & 0xFF), fatal: (value >> 8) & 0xFF == 2, sentByClient: whereFlags & SSL_CB_WRITE != 0))
        }
        guard let ssl = SSL_new(ctx), let rbio = BIO_new(BIO_s_mem()), let wbio = BIO_new(BIO_s_mem()) else {
            SSL_CTX_free(ctx)
            return nil
        }
        _ = licscope_BIO_set_mem_eof_return(rbio, -1)
        SSL_set_bio(ssl, rbio, wbio)
        SSL_set_connect_state(ssl)
        _ = licscope_SSL_set_tlsext_host_name(ssl, serverName)
        if Self.isIPAddress(serverName) {
            _ = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName)
        } else {
            _ = SSL_set1_host(ssl, serverName)
        }
        X509_VERIFY_PARAM_set_time(SSL_get0_param(ssl), time_t(verifyAt.timeIntervalSince1970.rounded(.down)))
        context = ctx
        self.ssl = ssl
        incoming = rbio
        outgoing = wbio
        _ = SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(recorder).toOpaque())
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// Advances the handshake with whatever input has been fed.
    public func advance() -> Progress {
        ERR_clear_error()
        let rc = SSL_do_handshake(ssl)
        if rc == 1 { return .established }
        let error = SSL_get_error(ssl, rc)
        if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE { return .needsInput }
        failureReason = Self.errorText() ?? "TLS handshake failed (SSL error \(error))"
        return .failed
    }

    /// Bytes the session wants sent to the server (handshake records, alerts, application data); empties the buffer.
    public func takeOutgoing() -> [UInt8] {
        let pending = Int(licscope_BIO_pending(outgoing))
        guard pending > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: pending)
        let got = bytes.withUnsafeMutableBytes { BIO_read(outgoing, $0.baseAddress, Int32(pending)) }
        return got > 0 ? Array(bytes.prefix(Int(got))) : []
    }

    /// Hands bytes received from the server to the session.
    public func feed(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { BIO_write(incoming, $0.baseAddress, Int32($0.count)) }
    }

    /// Encrypts application data (after the handshake); the records come out of `takeOutgoing()`.
    public func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) } == Int32(bytes.count)
    }

    /// Decrypts what has been fed so far: the plaintext, empty when more input is needed, nil once the server
    /// closed the TLS session (close_notify) or the session failed.
    public func read() -> [UInt8]? {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if n > 0 {
                out += buffer.prefix(Int(n))
                continue
            }
            let error = SSL_get_error(ssl, n)
            ERR_clear_error()
            if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE { return out }
            return out.isEmpty ? nil : out
        }
    }

    /// The negotiated protocol version code (`0x0303` for TLS 1.2), once the server answered.
    public var protocolVersion: Int? {
        let v = SSL_version(ssl)
        return v > 0 ? Int(v) : nil
    }

    /// The server's certificate chain as it sent it, leaf first, DER (available after its Certificate message,
    /// also when verification then failed).
    public var peerChainDER: [[UInt8]] {
        (0..<licscope_SSL_peer_chain_count(ssl)).compactMap { i in
            guard let cert = licscope_SSL_peer_chain_at(ssl, i) else { return nil }
            var out: UnsafeMutablePointer<UInt8>?
            let length = i2d_X509(cert, &out)
            guard length > 0, let out else { return nil }
            defer { licscope_OPENSSL_free(out) }
            return Array(UnsafeBufferPointer(start: out, count: Int(length)))
        }
    }

    /// OpenSSL's certificate verification result text when verification failed (`certificate has expired`).
    public var verificationFailure: String? {
        let code = SSL_get_verify_result(ssl)
        guard code != X509_V_OK else { return nil }
        return X509_verify_cert_error_string(code).map { String(cString: $0) } ?? "verify error \(code)"
    }

    /// Every alert sent or received, in order.
    public var alerts: [Alert] { recorder.alerts }

    private static func errorText() -> String? {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // `error:0A000086:SSL routines::certificate verify failed` → `certificate verify failed`.
        return text.components(separatedBy: ":").last.flatMap { $0.isEmpty ? nil : $0 } ?? text
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}

/// Collects alerts from OpenSSL's info callback (reached through the SSL object's ex-data slot 0).
private final class AlertRecorder {
    var alerts: [TLSClientSession.Alert] = []
}

