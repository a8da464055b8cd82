import LicensingModel
import X509Inspect

/// Turns a finished TCP connection into events (`tcp.attempt`, `proxy.connect`, `http.request`, `http.response`,
/// `licensing.message`, `tls.handshake`) and a ``FlowSummary``.
struct FlowEventWriter {
    /// One request paired with its response.
    struct Exchange {
        var request: HTTPMessage?
        var response: HTTPMessage?
    }

    /// Pairs HTTP messages in order: requests from the client, responses from the server.
    static func exchanges(_ messages: [HTTPMessage]) -> [Exchange] {
        var out: [Exchange] = []
        var waiting: [Int] = []
        for m in messages {
            if m.head.method != nil {
                waiting.append(out.count)
                out.append(Exchange(request: m, response: nil))
            } else if let status = m.head.status, status >= 200, !waiting.isEmpty {
                out[waiting.removeFirst()].response = m
            } else if m.head.status.map({ $0 >= 200 }) ?? false {
                out.append(Exchange(request: nil, response: m))
            }
        }
        return out
    }

    static func write(
        flow: TCPFlow, tls: TLSHandshakeReport?, exchanges: [Exchange], sink: inout EventSink
    ) -> FlowSummary {
        writeTCP(flow, &sink)
        var connects: [FlowSummary.ConnectRequest] = []
        for ex in exchanges {
            if let req = ex.request, req.head.isConnect {
                connects.append(writeConnect(flow, req, ex.response, &sink))
            } else {
                writeHTTP(flow, ex, &sink)
            }
        }
        if let tls, let hello = tls.observation.clientHellos.first {
            sink.add(.tlsHandshake, frame: hello.frame, time: flow.time(ofFrame: hello.frame), fields: tls.fields(flow: flow))
        }
        let certs = tls?.verification?.certificates ?? []
        return FlowSummary(
            transport: "tcp", client: flow.client.description, clientPort: Int(flow.clientPort),
            server: flow.server.description, serverPort: Int(flow.serverPort), firstFrame: flow.firstFrame,
            lastFrame: flow.lastFrame, clientHelloFrames: tls?.observation.clientHellos.map(\.frame) ?? [],
            sni: tls?.observation.clientHellos.first?.sni, connects: connects,
            certificateSubjects: certs.map(\.subject), certificateIssuers: certs.map(\.issuer),
            certificateSerials: certs.map(\.serialHex))
    }

    private static func writeTCP(_ flow: TCPFlow, _ sink: inout EventSink) {
        guard let outcome = flow.connectOutcome, let first = flow.synFrames.first else { return }
        var fields: [String: FieldValue] = [
            "src": .string(flow.client.description), "src_port": .int(Int(flow.clientPort)),
            "dst": .string(flow.server.description), "dst_port": .int(Int(flow.serverPort)),
            "outcome": .string(outcome), "retries": .int(max(0, flow.synFrames.count - 1)),
        ]
        if let s = flow.synTime, let a = flow.synAckTime {
            fields["rtt_ms"] = .double((s.milliseconds(to: a) * 1000).rounded() / 1000)
        }
        sink.add(.tcpAttempt, frame: first, time: flow.synTime, fields: fields)
    }

    private static func writeConnect(
        _ flow: TCPFlow, _ req: HTTPMessage, _ resp: HTTPMessage?, _ sink: inout EventSink
    ) -> FlowSummary.ConnectRequest {
        let target = Redaction.redact(req.head.uri ?? "")
        let (host, port) = HostPort.split(target, defaultPort: 443)
        var fields: [String: FieldValue] = [
            "proxy": .string(flow.server.description), "proxy_port": .int(Int(flow.serverPort)),
            "target": .string(target), "target_host": .string(host),
        ]
        if let port { fields["target_port"] = .int(port) }
        let status = resp?.head.status
        switch status {
        case nil: fields["outcome"] = "no_answer"
        case let s? where (200..<300).contains(s): fields["outcome"] = "established"
        case 407?, 401?: fields["outcome"] = "auth_required"  // 401: some proxies (tinyproxy) refuse bad credentials so
        default: fields["outcome"] = "refused"
        }
        if let resp, let s = status {
            fields["status"] = .int(s)
            fields["reason_phrase"] = .string(resp.head.reason ?? "")
            if let auth = resp.head.header("proxy-authenticate") { fields["proxy_authenticate"] = .string(auth) }
            writeResponse(flow, resp, &sink)
        }
        sink.add(.proxyConnect, frame: req.headFrame, time: flow.time(ofFrame: req.headFrame), fields: fields, excerpt: "CONNECT \(target)")
        return FlowSummary.ConnectRequest(
            frame: req.headFrame, target: target, status: status, responseFrame: resp?.headFrame)
    }

    private static func writeHTTP(_ flow: TCPFlow, _ ex: Exchange, _ sink: inout EventSink) {
        if let req = ex.request {
            var fields: [String: FieldValue] = [
                "method": .string(req.head.method ?? ""), "uri": .string(Redaction.redact(req.head.uri ?? "")),
                "dst": .string(flow.server.description), "dst_port": .int(Int(flow.serverPort)),
            ]
            if let host = req.head.header("host") { fields["host"] = .string(Redaction.redact(host)) }
            if let ua = req.head.header("user-agent") { fields["user_agent"] = .string(ua) }
            sink.add(.httpRequest, frame: req.headFrame, time: flow.time(ofFrame: req.headFrame), fields: fields)
            writeLicensing(flow, req, direction: "request", &sink)
        }
        if let resp = ex.response {
            writeResponse(flow, resp, &sink)
            writeLicensing(flow, resp, direction: "response", &sink)
        }
    }

    private static func writeResponse(_ flow: TCPFlow, _ resp: HTTPMessage, _ sink: inout EventSink) {
        var fields: [String: FieldValue] = [
            "status": .int(resp.head.status ?? 0), "reason_phrase": .string(resp.head.reason ?? ""),
        ]
        if let v = resp.head.header("content-type") { fields["content_type"] = .string(v) }
        if let v = resp.head.header("server") { fields["server"] = .string(v) }
        if let v = resp.head.header("proxy-authenticate") { fields["proxy_authenticate"] = .string(v) }
        if let v = resp.head.header("date") {
            fields["date"] = .string(v)
            // The sender's clock against the capturing host's (which may itself be off; see domain-notes §5.5).
            if let offset = HTTPDate.offsetSeconds(v, observedAt: flow.time(ofFrame: resp.headFrame).date) {
                fields["clock_offset_seconds"] = .int(offset)
            }
        }
        sink.add(.httpResponse, frame: resp.headFrame, time: flow.time(ofFrame: resp.headFrame), fields: fields)
    }

    private static func writeLicensing(_ flow: TCPFlow, _ m: HTTPMessage, direction: String, _ sink: inout EventSink) {
        guard let payload = LicensingPayload.parse(m.body) else { return }
        var fields: [String: FieldValue] = [
            "message_type": .string(payload.messageType), "direction": .string(direction),
        ]
        if let v = payload.requestType { fields["request_type"] = .string(v) }
        if let v = payload.status { fields["status"] = .string(v) }
        if let v = payload.udi { fields["udi"] = .string(v) }
        if let v = payload.reason { fields["reason"] = .string(Redaction.redact(v)) }
        sink.add(.licensingMessage, frame: m.headFrame, time: flow.time(ofFrame: m.headFrame), fields: fields)
    }
}

/// Splits `host:port` (with `[v6]:port` brackets).
enum HostPort {
    /// `host:port`, `[v6]:port` or `host`; a `user:password@` prefix (never a host) is dropped.
    static func split(_ raw: String, defaultPort: Int?) -> (host: String, port: Int?) {
        let text = raw.lastIndex(of: "@").map { String(raw[raw.index(after: $0)...]) } ?? raw
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : defaultPort)
        }
        if let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) {
            return (String(text[..<colon]).lowercased(), port)
        }
        return (text.lowercased(), defaultPort)
    }
}
