import Foundation
import LicensingModel
import PacketIngest

extension PreflightProbe {
    /// The TCP stage: a non-blocking connect to the proxy or the server, within the stage budget.
    func connect(_ address: SocketAddress) -> NonBlockingSocket? {
        let watch = Stopwatch()
        contacted.append(address)
        let role = options.proxy == nil ? "" : "proxy "
        guard let socket = NonBlockingSocket(family: address.family, stream: true) else {
            log.stage("tcp", ok: false, detail: "error", summary: "cannot create a TCP socket", watch: watch)
            return nil
        }
        let failure = socket.connect(to: address, deadline: Deadline(seconds: stageSeconds))
        let outcome: String
        switch failure {
        case nil: outcome = "established"
        case .refused?: outcome = "refused"
        case .timeout?: outcome = "no_answer"
        case .reset?, .closed?: outcome = "reset"
        case .system?: outcome = "error"
        }
        var fields: [String: FieldValue] = [
            "dst": .string(address.address), "dst_port": .int(address.port), "outcome": .string(outcome),
            "retries": .int(0),
        ]
        if let local = socket.localAddress {
            fields["src"] = .string(local.address)
            fields["src_port"] = .int(local.port)
        }
        if failure == nil { fields["rtt_ms"] = .double((watch.milliseconds * 1000).rounded() / 1000) }
        log.event(.tcpAttempt, stage: "tcp", fields)
        switch failure {
        case nil:
            log.stage("tcp", ok: true, detail: nil, summary: "connected to \(role)\(address)", watch: watch)
            return socket
        case .refused?:
            log.stage("tcp", ok: false, detail: "refused", summary: "TCP connection to \(role)\(address) refused (RST)", watch: watch)
        case .timeout?:
            log.stage("tcp", ok: false, detail: "no answer",
                      summary: "no answer from \(role)\(address) to the TCP SYN within \(seconds(stageSeconds))", watch: watch)
        case let f?:
            log.stage("tcp", ok: false, detail: outcome, summary: "TCP connection to \(role)\(address) failed: \(f)", watch: watch)
        }
        return nil
    }

    /// The proxy stage: `CONNECT host:port`, with Basic credentials when a proxy user is given.
    func proxyConnect(_ socket: NonBlockingSocket) -> Bool {
        let watch = Stopwatch()
        guard let proxy = options.proxy else { return true }
        let deadline = Deadline(seconds: stageSeconds)
        let target = "\(options.target.host.contains(":") ? "[\(options.target.host)]" : options.target.host):\(options.target.port)"
        var request = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\nUser-Agent: licscope-preflight\r\n"
        if let user = proxy.user {
            let credentials = Data("\(user):\(proxy.password ?? "")".utf8).base64EncodedString()
            request += "Proxy-Authorization: Basic \(credentials)\r\n"
        }
        request += "\r\n"
        var fields: [String: FieldValue] = [
            "proxy": .string(proxy.host), "proxy_port": .int(proxy.port), "target": .string(target),
            "target_host": .string(options.target.host), "target_port": .int(options.target.port),
        ]
        let proxyName = "proxy \(proxy.host):\(proxy.port)"
        if let f = socket.send(Array(request.utf8), deadline: deadline) {
            fields["outcome"] = "no_answer"
            log.event(.proxyConnect, stage: "proxy", fields, excerpt: "CONNECT \(target)")
            log.stage("proxy", ok: false, detail: "no answer", summary: "sending CONNECT \(target) to \(proxyName) failed: \(f)", watch: watch)
            return false
        }
        let channel = ProbeChannel(socket: socket, tls: nil)
        let (bytes, ended) = channel.receive(deadline: deadline) {
            if case .needMore = LiveWire.responseHead($0) { return false }
            return true
        }
        guard case .head(let head) = LiveWire.responseHead(bytes) else {
            fields["outcome"] = "no_answer"
            log.event(.proxyConnect, stage: "proxy", fields, excerpt: "CONNECT \(target)")
            let why = ended == .timeout ? "no answer within \(seconds(stageSeconds))"
                : bytes.isEmpty ? "the connection closed without an answer" : "an answer that is not HTTP"
            log.stage("proxy", ok: false, detail: "no answer", summary: "\(proxyName) gave \(why) to CONNECT \(target)", watch: watch)
            return false
        }
        let ok = (200..<300).contains(head.status)
        fields["status"] = .int(head.status)
        fields["reason_phrase"] = .string(head.reason)
        // 401 is what tinyproxy answers to wrong Basic credentials; like 407 it is an authentication refusal.
        let authentication = head.status == 407 || head.status == 401
        fields["outcome"] = .string(ok ? "established" : authentication ? "auth_required" : "refused")
        let challenge = head.header("proxy-authenticate")
        if let challenge { fields["proxy_authenticate"] = .string(challenge) }
        var responseFields: [String: FieldValue] = ["status": .int(head.status), "reason_phrase": .string(head.reason)]
        if let v = head.header("server") { responseFields["server"] = .string(v) }
        if let challenge { responseFields["proxy_authenticate"] = .string(challenge) }
        log.event(.httpResponse, stage: "proxy", responseFields)
        log.event(.proxyConnect, stage: "proxy", fields, excerpt: "CONNECT \(target)")
        if ok {
            log.stage("proxy", ok: true, detail: String(head.status), summary: "\(proxyName) opened a tunnel to \(target) (\(head.status) \(head.reason))", watch: watch)
            return true
        }
        var summary = "\(proxyName) answered CONNECT \(target) with \(head.status) \(head.reason)"
        if let challenge { summary += " (Proxy-Authenticate: \(challenge))" }
        if authentication {
            summary += proxy.user == nil
                ? "; the proxy requires authentication: give --proxy-user and the password"
                : "; the credentials of --proxy-user \(proxy.user ?? "") were rejected"
        }
        log.stage("proxy", ok: false, detail: String(head.status), summary: summary, watch: watch)
        return false
    }
}
