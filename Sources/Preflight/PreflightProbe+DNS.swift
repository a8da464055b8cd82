import Foundation
import LicensingModel
import PacketIngest

extension PreflightProbe {
    /// The DNS stage: `--resolve`, a numeric address, the given DNS server, or the system resolver (bounded).
    func resolve() -> SocketAddress? {
        let watch = Stopwatch()
        let (name, port) = firstHop
        let role = options.proxy == nil ? "" : "proxy "
        if let fixed = options.resolve[name.lowercased()], let a = SocketAddress(address: fixed, port: port) {
            log.stage("dns", ok: true, detail: "--resolve", summary: "\(role)\(name) mapped to \(fixed) by --resolve", watch: watch)
            return a
        }
        if let a = SocketAddress(address: name, port: port) {
            log.stage("dns", ok: true, detail: "address", summary: "\(role)\(name) is an address; no lookup", watch: watch)
            return a
        }
        if let server = options.dnsServer {
            return askServer(name: name, port: port, server: server, watch: watch)
        }
        switch SystemResolver.lookup(name, seconds: stageSeconds) {
        case .addresses(let list):
            guard let first = list.first, let a = SocketAddress(address: first, port: port) else {
                dnsFailure(name: name, reason: "NODATA", server: "system resolver", watch: watch,
                           summary: "system resolver returned no address for \(role)\(name)")
                return nil
            }
            log.event(.dnsAnswer, stage: "dns", [
                "query": .string(name), "qtype": "A", "rcode": .int(0), "rcode_name": "NOERROR",
                "answers": .list(list.map { .string($0) }), "server": "system resolver",
            ])
            log.stage("dns", ok: true, detail: nil, summary: "system resolver: \(role)\(name) → \(list.joined(separator: ", "))", watch: watch)
            return a
        case .failed(let text, let noName):
            let reason = noName ? "NXDOMAIN" : "error"
            dnsFailure(name: name, reason: reason, server: "system resolver", watch: watch,
                       summary: "system resolver cannot resolve \(role)\(name): \(text)")
        case .timeout:
            dnsFailure(name: name, reason: "timeout", server: "system resolver", watch: watch,
                       summary: "system resolver gave no answer for \(role)\(name) within \(seconds(stageSeconds))")
        }
        return nil
    }

    private func askServer(name: String, port: Int, server: (host: String, port: Int), watch: Stopwatch) -> SocketAddress? {
        let role = options.proxy == nil ? "" : "proxy "
        guard let serverAddress = SocketAddress(address: server.host, port: server.port) else {
            dnsFailure(name: name, reason: "error", server: server.host, watch: watch,
                       summary: "--dns-server \(server.host) is not a numeric address")
            return nil
        }
        contacted.append(serverAddress)
        log.event(.dnsQuery, stage: "dns", [
            "query": .string(name.lowercased()), "qtype": "A", "server": .string(serverAddress.description), "transport": "udp",
        ])
        switch DNSServerQuery.ask(name, server: serverAddress, seconds: stageSeconds) {
        case .answer(let answer):
            let fields: [String: FieldValue] = [
                "query": .string(answer.queryName), "qtype": "A", "id": .int(answer.id), "rcode": .int(answer.rcode),
                "rcode_name": .string(answer.rcodeName), "answers": .list(answer.addresses.map { .string($0) }),
                "server": .string(serverAddress.description), "latency_ms": .double((watch.milliseconds * 1000).rounded() / 1000),
            ]
            log.event(.dnsAnswer, stage: "dns", fields)
            if answer.rcode != 0 {
                dnsFailure(name: name, reason: answer.rcodeName, server: serverAddress.description, watch: watch,
                           summary: "DNS \(answer.rcodeName) for \(role)\(name) from \(serverAddress)")
                return nil
            }
            guard let first = answer.addresses.first(where: { !$0.contains(":") }) ?? answer.addresses.first,
                let a = SocketAddress(address: first, port: port)
            else {
                dnsFailure(name: name, reason: "NODATA", server: serverAddress.description, watch: watch,
                           summary: "DNS server \(serverAddress) has no address record for \(role)\(name)")
                return nil
            }
            log.stage("dns", ok: true, detail: nil,
                      summary: "\(serverAddress): \(role)\(name) → \(answer.addresses.joined(separator: ", "))", watch: watch)
            return a
        case .failed(.timeout):
            dnsFailure(name: name, reason: "timeout", server: serverAddress.description, watch: watch,
                       summary: "no DNS answer for \(role)\(name) from \(serverAddress) within \(seconds(stageSeconds))")
        case .failed(.refused):
            dnsFailure(name: name, reason: "refused", server: serverAddress.description, watch: watch,
                       summary: "DNS server \(serverAddress) unreachable (ICMP port unreachable) for \(role)\(name)")
        case .failed(let f):
            dnsFailure(name: name, reason: "error", server: serverAddress.description, watch: watch,
                       summary: "DNS query for \(role)\(name) to \(serverAddress) failed: \(f)")
        case .unreadable:
            dnsFailure(name: name, reason: "malformed", server: serverAddress.description, watch: watch,
                       summary: "DNS server \(serverAddress) answered with an unreadable message for \(role)\(name)")
        }
        return nil
    }

    private func dnsFailure(name: String, reason: String, server: String, watch: Stopwatch, summary: String) {
        log.event(.dnsFailure, stage: "dns", [
            "query": .string(name.lowercased()), "qtype": "A", "reason": .string(reason), "server": .string(server),
        ])
        log.stage("dns", ok: false, detail: reason, summary: summary, watch: watch)
    }

    /// `5 s`, `0.5 s`.
    func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
