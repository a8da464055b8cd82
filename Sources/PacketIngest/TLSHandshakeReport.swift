import Foundation
import LicensingModel
import X509Inspect

/// The judged view of one TLS handshake: outcome, alert, and the chain verdict at capture time.
struct TLSHandshakeReport {
    var observation: TLSObservation
    /// completed, client_alert, server_alert, reset, timeout, incomplete.
    var outcome: String
    var fatalAlert: TLSObservation.Alert?
    var verification: ChainVerification?
    /// trusted, untrusted_root, expired, not_yet_valid, name_mismatch, incomplete, not_visible, none.
    var chainVerdict: String

    /// `captureTime` is the time of the capture's latest frame so far (its end, for connections finished at the end).
    init(
        _ tls: TLSObservation, flow: TCPFlow, host: String?, captureTime: FrameTime?, verifier: inout ChainVerifierCache
    ) {
        observation = tls
        let completed = (tls.clientApplicationDataFrame != nil && tls.serverApplicationDataFrame != nil)
            || (!tls.isTLS13 && tls.clientChangeCipherSpec && tls.serverChangeCipherSpec
                && tls.serverApplicationDataFrame != nil)
        fatalAlert = tls.alerts.first(where: { $0.level == 2 })
        if let alert = fatalAlert {
            outcome = alert.fromClient ? "client_alert" : "server_alert"
        } else if completed {
            outcome = "completed"
        } else if flow.rstFrame != nil {
            outcome = "reset"
        } else if tls.serverHellos.isEmpty {
            outcome = flow.finFromClient || flow.finFromServer || flow.lastFrame > (tls.clientHellos.last?.frame ?? 0)
                ? "timeout" : "incomplete"
        } else {
            outcome = Self.serverStalled(tls, flow: flow, captureTime: captureTime) ? "timeout" : "incomplete"
        }
        if tls.isTLS13 {
            chainVerdict = "not_visible"
        } else if !tls.certificatesDER.isEmpty {
            verification = verifier.verify(chain: tls.certificatesDER, host: host, at: flow.firstTime.date)
            chainVerdict = verification?.verdict.rawValue ?? "incomplete"
        } else {
            chainVerdict = "none"
        }
    }

    /// The server sent part of its first flight (a ServerHello, perhaps a Certificate, but no ServerHelloDone,
    /// ChangeCipherSpec or — TLS 1.3 — encrypted flight) and then nothing, while the capture went on for the flow
    /// table's idle limit after the connection's last frame. A capture that ends soon after stays `incomplete`:
    /// it cannot tell a silent server from a capture that stopped.
    static func serverStalled(_ tls: TLSObservation, flow: TCPFlow, captureTime: FrameTime?) -> Bool {
        guard let captureTime, !tls.serverHellos.isEmpty, !flow.finFromServer else { return false }
        let flightDone = tls.isTLS13
            ? tls.serverApplicationDataFrame != nil
            : tls.serverHelloDoneFrame != nil || tls.serverChangeCipherSpec
        guard !flightDone else { return false }
        return flow.lastTime.seconds < captureTime.seconds.subtractingSaturated(FlowTable.idleSeconds)
    }

    /// The client rejected the server's certificate (bad_certificate, unknown_ca, certificate_expired…).
    var clientRejectedCertificate: Bool {
        guard let alert = fatalAlert, alert.fromClient, let d = alert.description else { return false }
        return TLSNames.certificateRejections.contains(d)
    }

    var alertName: String? { fatalAlert?.description.map(TLSNames.alert) }

    /// The `tls.handshake` event fields.
    func fields(flow: TCPFlow) -> [String: FieldValue] {
        var f: [String: FieldValue] = [
            "outcome": .string(outcome), "chain_verdict": .string(chainVerdict),
            "certificates_visible": .bool(!observation.isTLS13 && !observation.certificatesDER.isEmpty),
            "dst": .string(flow.server.description), "dst_port": .int(Int(flow.serverPort)),
        ]
        if let hello = observation.clientHellos.first {
            if let sni = hello.sni { f["sni"] = .string(sni) }
            f["client_version"] = .string(TLSNames.version(hello.legacyVersion))
            if !hello.supportedVersions.isEmpty {
                f["versions"] = .list(hello.supportedVersions.map { .string(TLSNames.version($0)) })
            }
            if !hello.alpn.isEmpty { f["alpn"] = .list(hello.alpn.map { .string($0) }) }
        }
        if let server = observation.serverHello {
            f["server_version"] = .string(TLSNames.version(server.version))
            f["cipher"] = .string("0x" + String(server.cipher, radix: 16))
        }
        if let alert = fatalAlert ?? observation.alerts.first(where: { $0.level != nil }) {
            f["alert"] = .string(alert.description.map(TLSNames.alert) ?? "encrypted")
            f["alert_level"] = .string(alert.level == 2 ? "fatal" : "warning")
            f["alert_sender"] = .string(alert.fromClient ? "client" : "server")
        }
        if let v = verification {
            f.merge(LiveWire.chainFields(v)) { _, new in new }
        } else if observation.isTLS13 {
            f["chain_detail"] = .string("TLS 1.3: certificates not visible")
        }
        return f
    }
}

/// Verifies each distinct chain once per host and day (captures repeat the same chain on every connection).
struct ChainVerifierCache {
    let extraAnchorsPEM: [String]
    private var cache: [Key: ChainVerification?] = [:]

    /// Hashes lengths and edges of the chain (hashing every DER byte would dominate); equality compares it all,
    /// certificate by certificate with `memcmp` (a cache hit compares a few KiB on every TLS connection).
    private struct Key: Hashable {
        var chain: [[UInt8]]
        var host: String?
        var day: Int64

        static func == (a: Key, b: Key) -> Bool {
            guard a.day == b.day, a.host == b.host, a.chain.count == b.chain.count else { return false }
            for (x, y) in zip(a.chain, b.chain) {
                guard x.count == y.count else { return false }
                let same = x.withUnsafeBytes { p in
                    y.withUnsafeBytes { q in
                        guard let pb = p.baseAddress, let qb = q.baseAddress else { return true }  // both empty
                        return memcmp(pb, qb, p.count) == 0
                    }
                }
                if !same { return false }
            }
            return true
        }

        func hash(into h: inout Hasher) {
            h.combine(host)
            h.combine(day)
            for der in chain {
                h.combine(der.count)
                der.withUnsafeBytes { h.combine(bytes: UnsafeRawBufferPointer(rebasing: $0.suffix(64))) }
            }
        }
    }

    init(extraAnchorsPEM: [String]) { self.extraAnchorsPEM = extraAnchorsPEM }

    mutating func verify(chain: [[UInt8]], host: String?, at time: Date) -> ChainVerification? {
        let key = Key(chain: chain, host: host, day: Int64(Int(saturating: time.timeIntervalSince1970 / 86_400)))
        if let hit = cache[key] { return hit }
        let result = ChainVerifier.verify(chainDER: chain, host: host, at: time, extraAnchorsPEM: extraAnchorsPEM)
        if cache.count < 4_096 { cache[key] = result }
        return result
    }
}
