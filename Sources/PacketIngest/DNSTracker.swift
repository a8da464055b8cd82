import LicensingModel

/// Pairs DNS queries with responses, emits `dns.query` / `dns.answer` / `dns.failure` events, and remembers which
/// names resolved to which addresses (ladders identify endpoints by name, never by IP alone).
struct DNSTracker {
    struct Resolution {
        var name: String
        var frame: Int
    }

    struct Failure {
        var name: String
        var frame: Int
        var time: FrameTime
        /// `NXDOMAIN`, `SERVFAIL`, `REFUSED`, or `timeout`.
        var reason: String
    }

    private struct Key: Hashable {
        var id: UInt16
        var client: IPAddress
        var clientPort: UInt16
        var server: IPAddress
    }

    private struct Pending {
        var name: String
        var qtype: UInt16
        var frame: Int
        var time: FrameTime
        var server: String
    }

    private var pending: [Key: Pending] = [:]
    /// Address → the name of the latest answer that gave it.
    private(set) var resolutions: [IPAddress: Resolution] = [:]
    /// Names that failed (bounded).
    private(set) var failures: [Failure] = []
    static let maxPending = 100_000

    /// Handles one DNS message seen at `frame`.
    mutating func handle(
        _ m: DNSMessage, frame: Int, time: FrameTime, src: IPAddress, srcPort: UInt16, dst: IPAddress,
        dstPort: UInt16, transport: String, sink: inout EventSink
    ) {
        if !m.isResponse {
            let server = dst.endpoint(Int(dstPort))
            if pending.count < Self.maxPending {
                pending[Key(id: m.id, client: src, clientPort: srcPort, server: dst)] = Pending(
                    name: m.queryName, qtype: m.queryType, frame: frame, time: time, server: server)
            }
            sink.add(.dnsQuery, frame: frame, time: time, fields: [
                "query": .string(m.queryName), "qtype": .string(DNSMessage.typeName(m.queryType)),
                "id": .int(Int(m.id)), "server": .string(server), "transport": .string(transport),
            ])
            return
        }
        let key = Key(id: m.id, client: dst, clientPort: dstPort, server: src)
        let query = pending.removeValue(forKey: key)
        var fields: [String: FieldValue] = [
            "query": .string(m.queryName), "qtype": .string(DNSMessage.typeName(m.queryType)), "id": .int(Int(m.id)),
            "rcode": .int(m.rcode), "rcode_name": .string(DNSMessage.rcodeName(m.rcode)),
            "answers": .list(m.answers.map { .string($0.value) }), "server": .string(src.endpoint(Int(srcPort))),
        ]
        if let query { fields["latency_ms"] = .double((query.time.milliseconds(to: time) * 1000).rounded() / 1000) }
        sink.add(.dnsAnswer, frame: frame, time: time, fields: fields)
        for answer in m.answers {
            guard let address = answer.address else { continue }
            if resolutions[address] != nil || resolutions.count < 1_000_000 {
                resolutions[address] = Resolution(name: m.queryName, frame: frame)
            }
        }
        if m.rcode != 0 {
            let name = DNSMessage.rcodeName(m.rcode)
            sink.add(.dnsFailure, frame: frame, time: time, fields: [
                "query": .string(m.queryName), "qtype": .string(DNSMessage.typeName(m.queryType)),
                "id": .int(Int(m.id)), "rcode": .int(m.rcode), "rcode_name": .string(name),
                "reason": .string(name), "server": .string(src.endpoint(Int(srcPort))),
            ])
            record(Failure(name: m.queryName, frame: frame, time: time, reason: name))
        }
    }

    /// Reports every query still unanswered as a `dns.failure` with reason `timeout`.
    mutating func finish(sink: inout EventSink) {
        for (key, q) in pending.sorted(by: { $0.value.frame < $1.value.frame }) {
            sink.add(.dnsFailure, frame: q.frame, time: q.time, fields: [
                "query": .string(q.name), "qtype": .string(DNSMessage.typeName(q.qtype)), "id": .int(Int(key.id)),
                "reason": .string("timeout"), "server": .string(q.server),
            ])
            record(Failure(name: q.name, frame: q.frame, time: q.time, reason: "timeout"))
        }
        pending = [:]
    }

    private mutating func record(_ failure: Failure) {
        if failures.count < 10_000 { failures.append(failure) }
    }
}
