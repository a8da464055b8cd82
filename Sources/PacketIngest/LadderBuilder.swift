import LicensingModel
import X509Inspect

/// Builds the connection ladder of one TCP connection toward a licensing endpoint:
/// dns → tcp → proxy → tls → certificate → http → licensing, each stage with its deciding frame.
enum LadderBuilder {
    /// The ladder for `flow`, or nil when it does not address a licensing endpoint.
    static func ladder(
        flow: TCPFlow, tls: TLSHandshakeReport?, exchanges: [FlowEventWriter.Exchange],
        resolution: DNSTracker.Resolution?
    ) -> ConnectionLadder? {
        let connects = exchanges.filter { $0.request?.head.isConnect ?? false }
        let plain = exchanges.filter { !($0.request?.head.isConnect ?? false) }
        let connectTarget = connects.last?.request?.head.uri.map { HostPort.split($0, defaultPort: 443) }
        let sni = tls?.observation.clientHellos.first?.sni?.lowercased()
        let requestHost = plain.first?.request?.head.header("host").map { HostPort.split($0, defaultPort: nil).host }
        let absoluteHost = plain.first?.request?.head.uri.flatMap(absoluteURIHost)
        // A server that answers a ClientHello in HTTP is an HTTP proxy port the client spoke TLS to without
        // CONNECT (inferred from the protocol, not from any Cisco document).
        let httpAnswerToTLS = tls?.observation.serverHello == nil
            ? plain.first { $0.request == nil && $0.response?.head.status != nil }?.response : nil
        let viaProxy = !connects.isEmpty || absoluteHost != nil || httpAnswerToTLS != nil
        let dnsName = viaProxy ? nil : resolution?.name

        var endpoint: String?
        var target: String?
        for candidate in [connectTarget?.host, sni, absoluteHost, requestHost, dnsName]
        where LicensingEndpoints.isLicensingHost(candidate) {
            endpoint = candidate
            target = candidate
            break
        }
        if endpoint == nil {
            for ex in plain {
                guard let req = ex.request, let uri = req.head.uri,
                    let url = LicensingEndpoints.satelliteURL(uri: uri, host: req.head.header("host"), tls: tls != nil)
                else { continue }
                endpoint = Redaction.redact(url)
                target = absoluteHost ?? requestHost ?? flow.server.description
                break
            }
        }
        guard let endpoint, let target else { return nil }

        var stages: [ConnectionLadder.Stage] = []
        var failure: String?
        func fail(_ text: String) { if failure == nil { failure = text } }
        if let resolution, !viaProxy, resolution.name == target {
            stages.append(.init(name: "dns", ok: true, frame: resolution.frame))
        } else if let resolution, viaProxy {
            stages.append(.init(name: "dns", ok: true, detail: "proxy \(resolution.name)", frame: resolution.frame))
        }
        stages.append(tcpStage(flow, fail: fail))
        if let last = connects.last, let req = last.request {
            let status = last.response?.head.status
            let ok = status.map { (200..<300).contains($0) } ?? false
            stages.append(.init(
                name: "proxy", ok: ok, detail: status.map(String.init) ?? "no answer",
                frame: last.response?.headFrame ?? req.headFrame))
            if !ok {
                let proxy = flow.server.endpoint(Int(flow.serverPort))
                let target = Redaction.redact(req.head.uri ?? "")
                var text = status.map { "proxy \(proxy) answered CONNECT \(target) with \($0) \(last.response?.head.reason ?? "")" }
                    ?? "proxy \(proxy) did not answer CONNECT \(target)"
                if let auth = last.response?.head.header("proxy-authenticate") { text += " (Proxy-Authenticate: \(auth))" }
                fail(text)
            }
        }
        if let answer = httpAnswerToTLS, let status = answer.head.status {
            fail(
                "\(flow.server.endpoint(Int(flow.serverPort))) answered the TLS ClientHello in HTTP (\(status) "
                    + "\(answer.head.reason ?? "")): it is an HTTP proxy port and the client sent TLS without CONNECT")
            stages.append(.init(name: "proxy", ok: false, detail: "\(status), no CONNECT", frame: answer.headFrame))
        } else if let tls {
            stages += tlsStages(tls, fail: fail)
        }
        if tls == nil { stages += httpStages(plain, viaProxy: absoluteHost != nil, fail: fail) }

        var frames = Set<Int>(flow.synFrames)
        frames.formUnion(stages.compactMap(\.frame))
        if let r = resolution, stages.first?.name == "dns" { frames.insert(r.frame) }
        frames.insert(flow.firstFrame)
        if let hello = tls?.observation.clientHellos.first?.frame { frames.insert(hello) }
        let port = connectTarget?.port ?? (viaProxy ? nil : Int(flow.serverPort))
        return ConnectionLadder(
            endpoint: endpoint, targetHost: target, targetPort: port, viaProxy: viaProxy,
            proxy: viaProxy ? flow.server.endpoint(Int(flow.serverPort)) : nil, stages: stages, failure: failure,
            frames: frames.sorted(), time: flow.firstTime.date)
    }

    private static func tcpStage(_ flow: TCPFlow, fail: (String) -> Void) -> ConnectionLadder.Stage {
        let server = flow.server.endpoint(Int(flow.serverPort))
        switch flow.connectOutcome {
        case "established"?, nil:
            return .init(name: "tcp", ok: true, detail: flow.synFrames.isEmpty ? "mid-stream" : nil,
                         frame: flow.synAckFrame ?? flow.firstFrame)
        case "refused"?:
            fail("TCP connection to \(server) refused (RST)")
            return .init(name: "tcp", ok: false, detail: "refused", frame: flow.rstFrame)
        case "reset"?:
            fail("TCP connection to \(server) reset before it was established")
            return .init(name: "tcp", ok: false, detail: "reset", frame: flow.rstFrame)
        default:
            fail("no answer from \(server) to \(flow.synFrames.count) SYN(s)")
            return .init(name: "tcp", ok: false, detail: "no answer", frame: flow.synFrames.last)
        }
    }

    private static func tlsStages(_ tls: TLSHandshakeReport, fail: (String) -> Void) -> [ConnectionLadder.Stage] {
        let o = tls.observation
        guard let server = o.serverHello else {
            let why = tls.alertName.map { "\(tls.outcome == "server_alert" ? "server" : "client") alert \($0)" }
                ?? tls.outcome
            fail("TLS handshake failed before ServerHello: \(why)")
            return [.init(name: "tls", ok: false, detail: tls.alertName ?? tls.outcome, frame: tls.fatalAlert?.frame ?? o.clientHellos.first?.frame)]
        }
        var stages: [ConnectionLadder.Stage] = []
        if tls.outcome == "server_alert" || (tls.fatalAlert != nil && !tls.clientRejectedCertificate) {
            fail("TLS alert \(tls.alertName ?? "") from \(tls.fatalAlert?.fromClient == true ? "client" : "server")")
            return [.init(name: "tls", ok: false, detail: tls.alertName, frame: tls.fatalAlert?.frame)]
        }
        stages.append(.init(name: "tls", ok: true, detail: TLSNames.version(server.version), frame: server.frame))
        let verdict = tls.chainVerdict
        let root = tls.verification?.rootIssuer.map { "; root issuer \($0)" } ?? ""
        if tls.clientRejectedCertificate {
            fail("client rejected the server certificate (\(tls.alertName ?? "")); chain verdict \(verdict)\(root)")
            stages.append(.init(name: "certificate", ok: false, detail: tls.alertName, frame: tls.fatalAlert?.frame))
        } else if verdict == "not_visible" {
            stages.append(.init(name: "certificate", ok: nil, detail: "not visible", frame: server.frame))
        } else if verdict == "none" {
            if tls.outcome != "completed" {
                fail("TLS handshake \(tls.outcome) before the server certificate")
                stages.append(.init(name: "certificate", ok: false, detail: tls.outcome, frame: server.frame))
            }
        } else if tls.outcome == "completed" {
            let hint = tls.verification?.interceptionHint != nil ? "interception?" : nil
            stages.append(.init(
                name: "certificate", ok: true, detail: verdict == "trusted" ? hint : [verdict, hint].compactMap { $0 }.joined(separator: ", "),
                frame: o.certificateFrame))
        } else {
            fail("TLS handshake \(tls.outcome) after the certificate; chain verdict \(verdict)\(root)")
            stages.append(.init(name: "certificate", ok: verdict == "trusted", detail: verdict, frame: o.certificateFrame))
        }
        if tls.outcome != "completed" && failure(of: stages) == nil {
            // The certificate was fine but the handshake still did not finish: the TLS stage failed.
            fail("TLS handshake \(tls.outcome)")
            stages[0] = .init(name: "tls", ok: false, detail: tls.outcome, frame: tls.fatalAlert?.frame ?? server.frame)
        }
        return stages
    }

    private static func failure(of stages: [ConnectionLadder.Stage]) -> String? {
        stages.first(where: { $0.ok == false })?.name
    }

    private static func httpStages(
        _ exchanges: [FlowEventWriter.Exchange], viaProxy: Bool, fail: (String) -> Void
    ) -> [ConnectionLadder.Stage] {
        guard let ex = exchanges.first(where: { $0.request != nil }), let req = ex.request else { return [] }
        var stages: [ConnectionLadder.Stage] = []
        guard let resp = ex.response, let status = resp.head.status else {
            fail("no HTTP answer to \(req.head.method ?? "") \(req.head.uri ?? "")")
            return [.init(name: "http", ok: false, detail: "no answer", frame: req.headFrame)]
        }
        if viaProxy && (status == 407 || status == 403 || status == 502) {
            fail("proxy answered \(status) \(resp.head.reason ?? "")")
            return [.init(name: "proxy", ok: false, detail: String(status), frame: resp.headFrame)]
        }
        let ok = (200..<400).contains(status)
        if !ok { fail("HTTP \(status) \(resp.head.reason ?? "") to \(req.head.method ?? "") \(req.head.uri ?? "")") }
        stages.append(.init(name: "http", ok: ok, detail: String(status), frame: resp.headFrame))
        if ok, let payload = LicensingPayload.parse(resp.body) ?? LicensingPayload.parse(req.body) {
            let status = payload.status?.uppercased()
            let failed = status.map { $0.contains("FAIL") || $0.contains("ERROR") } ?? false
            if failed { fail("licensing response \(payload.status ?? "")") }
            stages.append(.init(
                name: "licensing", ok: status == nil ? nil : !failed,
                detail: payload.status ?? payload.requestType, frame: resp.headFrame))
        }
        return stages
    }

    /// The host of an absolute-form request URI (`http://host/…`, as sent to a forward proxy).
    static func absoluteURIHost(_ uri: String) -> String? {
        let lower = uri.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let rest = lower.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        return HostPort.split(String(authority), defaultPort: nil).host
    }
}
