import Foundation
import LicensingModel
import PacketIngest

extension PreflightProbe {
    /// What the `--dns-server` query came to, before it is logged next to the system resolver's answer.
    struct ServerReading {
        /// The `dns.answer` fields when a response came back.
        var answerFields: [String: FieldValue]?
        /// The address to connect to, when the stage passes.
        var address: SocketAddress?
        /// The addresses answered with NOERROR; nil when the server gave none.
        var addresses: [String]?
        /// The `dns.failure` reason (`NXDOMAIN`, `timeout`, `NODATA` …), nil when the stage passes.
        var failure: String?
        var summary: String
    }

    /// The DNS stage with `--dns-server`: a UDP query to that server, and the system resolver asked at the same
    /// time (same budget) so a disagreement between the product's DNS and this host's shows.
    func askServer(name: String, port: Int, server: (host: String, port: Int), watch: Stopwatch) -> SocketAddress? {
        guard let serverAddress = SocketAddress(address: server.host, port: server.port) else {
            dnsFailure(name: name, reason: "error", server: server.host, watch: watch,
                       summary: "--dns-server \(server.host) is not a numeric address")
            return nil
        }
        contacted.append(serverAddress)
        log.event(.dnsQuery, stage: "dns", [
            "query": .string(name.lowercased()), "qtype": "A", "server": .string(serverAddress.description), "transport": "udp",
        ])
        let systemLookup = SystemResolver.shared.start(name)
        let reading = read(DNSServerQuery.ask(name, server: serverAddress, seconds: stageSeconds), name: name, port: port,
                           server: serverAddress, watch: watch)
        let system = systemLookup.wait(seconds: max(0, stageSeconds - watch.milliseconds / 1000))
        let comparison = ResolverComparison(serverAnswers: reading.addresses, system: system)
        let agrees = comparison.agrees
        let aboutSystem = ResolverComparison.fields(other: "system resolver", answers: comparison.systemAnswerList, agrees: agrees)
        if let fields = reading.answerFields {
            log.event(.dnsAnswer, stage: "dns", fields.merging(aboutSystem) { $1 })
        }
        if case .addresses(let list) = system {
            let found = reading.addresses ?? []
            let serverSaid: [FieldValue] = (found.isEmpty ? [reading.failure ?? "none"] : found).map { .string($0) }
            log.event(.dnsAnswer, stage: "dns", [
                "query": .string(name.lowercased()), "qtype": "A/AAAA", "rcode_name": "NOERROR",
                "answers": .list(list.map { .string($0) }), "server": "system resolver",
            ].merging(ResolverComparison.fields(other: serverAddress.description, answers: serverSaid, agrees: agrees)) { $1 })
        }
        let role = options.proxy == nil ? "" : "proxy "
        let summary = reading.summary + "; " + comparison.systemText("\(role)\(name)", budget: seconds(stageSeconds))
            + (agrees == false ? " — they disagree" : "")
        if let failure = reading.failure {
            dnsFailure(name: name, reason: failure, server: serverAddress.description, watch: watch, summary: summary,
                       extra: reading.answerFields == nil ? aboutSystem : [:])
            return nil
        }
        let warning: String? = switch agrees {
        case false?: "\(serverAddress) and the system resolver disagree about \(role)\(name): split-horizon DNS, or the product's DNS differs from this host's; the pre-flight used \(serverAddress)'s answer"
        case nil: "the system resolver gave no answer to compare within \(seconds(stageSeconds))"
        case true?: nil
        }
        log.stage("dns", ok: true, detail: nil, summary: summary, watch: watch, warning: warning)
        return reading.address
    }

    /// Turns the server's outcome into the fields, the address and the words of the stage.
    private func read(
        _ outcome: DNSServerQuery.Outcome, name: String, port: Int, server: SocketAddress, watch: Stopwatch
    ) -> ServerReading {
        let role = options.proxy == nil ? "" : "proxy "
        switch outcome {
        case .answer(let answer):
            let fields: [String: FieldValue] = [
                "query": .string(answer.queryName), "qtype": "A", "id": .int(answer.id), "rcode": .int(answer.rcode),
                "rcode_name": .string(answer.rcodeName), "answers": .list(answer.addresses.map { .string($0) }),
                "server": .string(server.description), "latency_ms": .double((watch.milliseconds * 1000).rounded() / 1000),
            ]
            if answer.rcode != 0 {
                // NXDOMAIN: the server found nothing (compared with the system resolver); other rcodes are failures.
                return .init(answerFields: fields, addresses: answer.rcodeName == "NXDOMAIN" ? [] : nil, failure: answer.rcodeName,
                             summary: "DNS \(answer.rcodeName) for \(role)\(name) from \(server)")
            }
            guard let first = answer.addresses.first(where: { !$0.contains(":") }) ?? answer.addresses.first,
                let a = SocketAddress(address: first, port: port)
            else {
                return .init(answerFields: fields, addresses: [], failure: "NODATA",
                             summary: "DNS server \(server) has no address record for \(role)\(name)")
            }
            return .init(answerFields: fields, address: a, addresses: answer.addresses,
                         summary: "\(server): \(role)\(name) → \(answer.addresses.joined(separator: ", "))")
        case .failed(.timeout):
            return .init(failure: "timeout", summary: "no DNS answer for \(role)\(name) from \(server) within \(seconds(stageSeconds))")
        case .failed(.refused):
            return .init(failure: "refused", summary: "DNS server \(server) unreachable (ICMP port unreachable) for \(role)\(name)")
        case .failed(let f):
            return .init(failure: "error", summary: "DNS query for \(role)\(name) to \(server) failed: \(f)")
        case .unreadable:
            return .init(failure: "malformed", summary: "DNS server \(server) answered with an unreadable message for \(role)\(name)")
        }
    }
}
