import Foundation
import LicensingModel
import PacketIngest

extension PreflightProbe {
    /// What the HTTP stage kept for the later stages.
    struct HTTPAnswer {
        var head: LiveWire.ResponseHead
        /// Local wall-clock times just before sending and when the head had arrived.
        var sentAt: Date
        var receivedAt: Date
    }

    /// The HTTP stage: `GET <licensing path>` to the target, over TLS when the URL is https.
    func httpExchange(_ channel: ProbeChannel) -> HTTPAnswer? {
        let watch = Stopwatch()
        let deadline = Deadline(seconds: stageSeconds)
        let t = options.target
        let hostHeader = t.port == (t.scheme == "https" ? 443 : 80) ? t.host : "\(t.host):\(t.port)"
        let request = "GET \(t.path) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: licscope-preflight\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        log.event(.httpRequest, stage: "http", [
            "method": "GET", "uri": .string(t.path), "host": .string(hostHeader), "user_agent": "licscope-preflight",
            "dst": .string(channel.socket.peerDescription), "dst_port": .int(contacted.last?.port ?? t.port),
        ])
        let sentAt = options.now()
        if let f = channel.send(Array(request.utf8), deadline: deadline) {
            log.stage("http", ok: false, detail: "no answer", summary: "sending GET \(t.path) failed: \(f)", watch: watch)
            return nil
        }
        let (bytes, ended) = channel.receive(deadline: deadline) {
            if case .needMore = LiveWire.responseHead($0) { return false }
            return true
        }
        let receivedAt = options.now()
        guard case .head(let head) = LiveWire.responseHead(bytes) else {
            let why = ended == .timeout ? "no HTTP answer within \(seconds(stageSeconds))"
                : bytes.isEmpty ? "the server closed the connection without an HTTP answer" : "an answer that is not HTTP/1.x"
            log.stage("http", ok: false, detail: "no answer", summary: "\(why) to GET \(t.path)", watch: watch)
            return nil
        }
        var fields: [String: FieldValue] = ["status": .int(head.status), "reason_phrase": .string(head.reason)]
        if let v = head.header("content-type") { fields["content_type"] = .string(v) }
        if let v = head.header("server") { fields["server"] = .string(v) }
        if let date = head.header("date") {
            fields["date"] = .string(date)
            if let skew = Self.clockOffset(date: date, sentAt: sentAt, receivedAt: receivedAt) {
                fields["clock_offset_seconds"] = .int(Int(skew))
            }
        }
        log.event(.httpResponse, stage: "http", fields)
        log.stage("http", ok: true, detail: String(head.status), summary: "GET \(t.path) answered \(head.status) \(head.reason)", watch: watch)
        return HTTPAnswer(head: head, sentAt: sentAt, receivedAt: receivedAt)
    }

    /// The licensing stage: whether the licensing path exists behind the server, as `LicensingPathJudgement`
    /// reads the answer (observation quoted, conclusion marked inferred).
    func checkLicensingPath(_ answer: HTTPAnswer) -> Bool {
        let watch = Stopwatch()
        let j = LicensingPathJudgement.judge(answer.head, host: options.target.host, path: options.target.path)
        log.stage("licensing", ok: j.ok, detail: j.detail, summary: j.summary, watch: watch, warning: j.warning)
        return j.ok
    }

    /// The largest accepted difference between the local clock and the server's `Date` ([V] SLP troubleshooting:
    /// the time difference between device and CSSM "should be less than one hour").
    static let clockSkewLimitSeconds = 3600.0

    /// The clock stage: the server's `Date` header against the local clock at the middle of the exchange.
    func checkClock(_ answer: HTTPAnswer) {
        let watch = Stopwatch()
        guard let header = answer.head.header("date"), let server = HTTPDate.parse(header),
            let skew = Self.clockOffset(date: header, sentAt: answer.sentAt, receivedAt: answer.receivedAt)
        else {
            log.stage("clock", ok: true, detail: "no Date", summary: "the server sent no readable Date header; clock not compared", watch: watch,
                      warning: "clock skew not measured")
            return
        }
        let middle = answer.sentAt.addingTimeInterval(answer.receivedAt.timeIntervalSince(answer.sentAt) / 2)
        let text = "server Date \(server.iso8601UTC), local clock \(middle.iso8601UTC): the local clock is \(DurationFormat.long.text(abs(skew))) \(skew > 0 ? "behind" : "ahead of") the server"
        let limit = "limit \(DurationFormat.long.text(Self.clockSkewLimitSeconds))"
        if abs(skew) >= Self.clockSkewLimitSeconds {
            log.stage("clock", ok: false, detail: "skew \(Int(skew)) s", summary: "\(text) (\(limit)); certificates and the ID certificate are checked against it — fix NTP", watch: watch)
        } else {
            log.stage("clock", ok: true, detail: "skew \(Int(skew)) s", summary: skew == 0 ? "local clock agrees with the server's Date (\(limit))" : "\(text) (\(limit))", watch: watch,
                      warning: abs(skew) >= 300 ? "clock \(DurationFormat.long.text(abs(skew))) off" : nil)
        }
    }

    /// The server's clock minus the local clock, in whole seconds, at the middle of the exchange (`Date` has whole
    /// seconds, so the server's clock lies in [Date, Date + 1 s)); nil when the header cannot be read.
    static func clockOffset(date: String, sentAt: Date, receivedAt: Date) -> Double? {
        let middle = sentAt.addingTimeInterval(receivedAt.timeIntervalSince(sentAt) / 2)
        return HTTPDate.offsetSeconds(date, observedAt: middle).map(Double.init)
    }

}

extension NonBlockingSocket {
    /// The remote address as text (`127.0.0.1`), or `?`.
    var peerDescription: String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        return rc == 0 ? SocketAddress.from(storage)?.address ?? "?" : "?"
    }
}
