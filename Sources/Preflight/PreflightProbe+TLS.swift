import Foundation
import LicensingModel
import PacketIngest
import X509Inspect

extension PreflightProbe {
    /// How the handshake ended, for the `tls.handshake` event.
    struct Handshake {
        var session: TLSClientSession
        /// `completed`, or `client_alert` when this client rejected the certificate.
        var outcome: String
        var server: SocketAddress
    }

    /// The TLS stage: ClientHello with SNI, driven through memory buffers over the non-blocking socket.
    /// A handshake the client aborts because of the certificate passes this stage; the certificate stage judges it.
    func handshake(_ socket: NonBlockingSocket, server: SocketAddress) -> Handshake? {
        let watch = Stopwatch()
        let host = options.target.host
        guard let session = TLSClientSession(serverName: host, extraAnchorsPEM: options.extraAnchorsPEM, verifyAt: options.now(), maximumVersion: options.maximumTLSVersion)
        else {
            log.stage("tls", ok: false, detail: "error", summary: "OpenSSL could not create a TLS client", watch: watch)
            return nil
        }
        let deadline = Deadline(seconds: stageSeconds)
        var ended: NonBlockingSocket.Failure?
        var progress = TLSClientSession.Progress.needsInput
        var received = 0
        while true {
            progress = session.advance()
            let out = session.takeOutgoing()
            if !out.isEmpty, let f = socket.send(out, deadline: deadline) { ended = f; break }
            if progress != .needsInput { break }
            switch socket.receive(deadline: deadline) {
            case .success(let bytes):
                received += bytes.count
                session.feed(bytes)
            case .failure(let f): ended = f
            }
            if ended != nil { break }
        }
        let version = session.protocolVersion.map { TLSNames.version(UInt16($0)) }
        let fatal = session.alerts.first { $0.fatal }
        let rejected = progress == .failed && (session.verificationFailure != nil
            || (fatal.map { $0.sentByClient && [42, 43, 44, 45, 46, 48].contains($0.code) } ?? false))
        if progress == .established || rejected {
            log.stage("tls", ok: true, detail: version, summary: "TLS handshake with \(host) (SNI) reached the server certificate; \(version ?? "version unknown")", watch: watch)
            return Handshake(session: session, outcome: rejected ? "client_alert" : "completed", server: server)
        }
        var fields = tlsFields(session, server: server)
        let detail: String
        let summary: String
        if let fatal {
            let name = TLSNames.alert(UInt8(fatal.code))
            fields["outcome"] = .string(fatal.sentByClient ? "client_alert" : "server_alert")
            detail = name
            summary = "TLS handshake with \(host) failed: \(fatal.sentByClient ? "client" : "server") sent fatal alert \(name)"
                + (session.failureReason.map { " (\($0))" } ?? "")
        } else if ended == .timeout {
            fields["outcome"] = "timeout"
            detail = "timeout"
            summary = received == 0
                ? "no TLS answer from \(server) within \(seconds(stageSeconds)) after the ClientHello for \(host)"
                : "the TLS handshake with \(server) for \(host) stalled: \(received) byte(s) from the server, then nothing"
                    + " within \(seconds(stageSeconds))"
        } else if let ended {
            fields["outcome"] = .string(ended == .reset ? "reset" : "incomplete")
            detail = ended == .reset ? "reset" : "closed"
            summary = "the server \(server) \(ended == .reset ? "reset" : "closed") the connection during the TLS handshake for \(host)"
        } else {
            fields["outcome"] = "incomplete"
            detail = "failed"
            summary = "TLS handshake with \(host) failed: \(session.failureReason ?? "unknown reason")"
        }
        fields["chain_verdict"] = "none"
        log.event(.tlsHandshake, stage: "tls", fields, excerpt: "ClientHello SNI \(host)")
        log.stage("tls", ok: false, detail: detail, summary: summary, watch: watch)
        return nil
    }

    /// The `tls.handshake` fields every outcome shares (same names as the capture pipeline's).
    func tlsFields(_ session: TLSClientSession, server: SocketAddress) -> [String: FieldValue] {
        var f: [String: FieldValue] = [
            "sni": .string(options.target.host), "dst": .string(server.address), "dst_port": .int(server.port),
            "certificates_visible": .bool(!session.peerChainDER.isEmpty),
        ]
        if let v = session.protocolVersion { f["server_version"] = .string(TLSNames.version(UInt16(v))) }
        if let alert = session.alerts.first(where: { $0.fatal }) ?? session.alerts.first {
            f["alert"] = .string(TLSNames.alert(UInt8(alert.code)))
            f["alert_level"] = .string(alert.fatal ? "fatal" : "warning")
            f["alert_sender"] = .string(alert.sentByClient ? "client" : "server")
        }
        return f
    }
}
